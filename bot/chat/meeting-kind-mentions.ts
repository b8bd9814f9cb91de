import type { ChatToken } from './chat-text';

/** A meeting kind of the trust's improvement model, as chat needs it. */
export interface NamedMeetingKind {
  id: string;
  name: string;
  abbreviation: string;
}

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

/**
 * Finds a meeting kind by what people call it: its abbreviation ("AIM", "iAIMs"), its name
 * ("academy improvement meeting") or, for an interim kind, "interim" before the abbreviation of the
 * kind it sits between ("interim AIM"). Read from the trust's own model, so a trust with ASERs or QA
 * reviews is understood without retraining.
 */
export function createMeetingKindFinder(kinds: readonly NamedMeetingKind[]) {
  const keys = new Map<string, string>();
  for (const k of kinds) {
    const abbreviation = words(k.abbreviation).join(' ');
    for (const key of [abbreviation, `${abbreviation}s`, words(k.name).join(' '), `${words(k.name).join(' ')}s`])
      if (key) keys.set(key, k.id);
    if (/^interim /i.test(k.name)) {
      const base = kinds.find((b) => b.id !== k.id && words(b.name).join(' ') === words(k.name).slice(1).join(' '));
      if (base)
        for (const key of [`interim ${words(base.abbreviation).join(' ')}`, `interim ${words(base.abbreviation).join(' ')}s`, 'interim'])
          keys.set(key, k.id);
    }
  }
  const longest = Math.max(1, ...[...keys.keys()].map((k) => k.split(' ').length));
  return function find(
    tokens: readonly ChatToken[],
    claimed: ReadonlySet<number> = new Set(),
  ): { from: number; to: number; kindId: string } | undefined {
    for (let from = 0; from < tokens.length; from++) {
      for (let n = Math.min(longest, tokens.length - from); n >= 1; n--) {
        if (Array.from({ length: n }, (_, i) => from + i).some((i) => claimed.has(i))) continue;
        const id = keys.get(
          tokens
            .slice(from, from + n)
            .map((t) => t.bare)
            .join(' '),
        );
        if (id) return { from, to: from + n, kindId: id };
      }
    }
    return undefined;
  };
}
