/** A Toolkit-style placeholder: `${{NAME}}` (the Microsoft 365 Agents Toolkit fills the same syntax in manifests and ARM parameters). */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Variables that may legitimately be empty: production has no name suffix. Any other empty value is treated as missing. */
export const MAY_BE_EMPTY: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);

export interface FilledTemplate {
  text: string;
  /** Names with no value (or an empty one), each once, in order of first use. */
  unresolved: string[];
}

/** Every placeholder name in a text, each once, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Fills `${{NAME}}` from `values`. Values are JSON-escaped, so a quote or backslash in a value
 * cannot break the manifest; an unresolved placeholder is left in place and named.
 */
export function fillPlaceholders(
  text: string,
  values: Readonly<Record<string, string | undefined>>,
  mayBeEmpty: ReadonlySet<string> = MAY_BE_EMPTY,
): FilledTemplate {
  const unresolved = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || (value === '' && !mayBeEmpty.has(name))) {
      unresolved.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text: filled, unresolved: [...unresolved] };
}
