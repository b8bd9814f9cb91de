import { z } from 'zod';

/**
 * What a message must never show a person: a UUID, the kebab-case id of a record ("st-marys",
 * "head-oakfield") or a camelCase field key ("dueDate"). Issue 20: "already has a meeting that day:
 * the AIM at st-marys", "The meeting "9fae950b-…" was changed", "dueDate: the due date has already passed".
 */
export interface RawVocabulary {
  /** Every record id that a person would not know a thing by (ids with a hyphen, and UUIDs). */
  recordIds: ReadonlySet<string>;
  /** Every key of the API's request schemas and of its answers. */
  fieldKeys: ReadonlySet<string>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
// A word as ids and keys are spelled: letters and digits, joined by hyphens or underscores.
const TOKEN = /[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*/g;
/** lower camel case with at least one hump: "dueDate", "academyId"; not "iAIM" or "McDonald". */
const CAMEL = /^[a-z]{2,}(?:[A-Z][a-z0-9]+)+$/;

/** A card's text is Markdown with its punctuation escaped (bot/cards/card-text.ts): read it as shown. */
const shown = (text: string): string => text.replace(/\\(.)/g, '$1');

/** Each raw identifier in `text`, described ("UUID 9fae950b-…", "record id st-marys", "field key dueDate"). */
export function rawIdentifiersIn(text: string, vocabulary: RawVocabulary): string[] {
  const found: string[] = [];
  const plain = shown(text);
  for (const u of plain.match(UUID) ?? []) found.push(`UUID ${u}`);
  for (const token of plain.replace(UUID, ' ').match(TOKEN) ?? []) {
    if (token.includes('-') && vocabulary.recordIds.has(token)) found.push(`record id ${token}`);
    else if (CAMEL.test(token) && (vocabulary.fieldKeys.has(token) || /(Id|Ids|At|Date|Key)$/.test(token)))
      found.push(`field key ${token}`);
  }
  return found;
}

/** Every property key a zod schema names, at any depth (via its JSON Schema). */
export function schemaKeys(schema: z.ZodType): string[] {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object') for (const k of Object.keys(o.properties)) keys.add(k);
    Object.values(o).forEach(walk);
  };
  walk(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }));
  return [...keys];
}

/** Every camelCase key of a JSON answer, at any depth: the names of the data, which a message must not use. */
export function jsonKeys(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) return value.forEach((v) => jsonKeys(v, into));
  if (typeof value !== 'object' || value === null) return;
  for (const [k, v] of Object.entries(value)) {
    if (/[a-z][A-Z]/.test(k)) into.add(k);
    jsonKeys(v, into);
  }
}

// The API's human-facing fields: a problem's sentence and label, a refusal's or a notice's message, reasons.
const API_TEXT_KEYS = new Set(['message', 'error', 'label', 'detail', 'reason', 'sentence', 'summary']);

/**
 * The sentences of an API answer a person reads: `message` and `error` (a string), a problem's
 * `label`, a refusal's `reason`, and the `text` of a RAG reason; not ids, URLs or stored data.
 */
export function apiMessages(body: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown, key?: string, parent?: string): void => {
    if (typeof node === 'string') {
      if (key && (API_TEXT_KEYS.has(key) || (key === 'text' && parent === 'reasons'))) out.push(node);
      return;
    }
    if (Array.isArray(node)) return node.forEach((v) => walk(v, key, parent));
    if (typeof node !== 'object' || node === null) return;
    for (const [k, v] of Object.entries(node)) walk(v, k, key);
  };
  walk(body);
  return out;
}

/**
 * What a person reads on an Adaptive Card: text blocks, fact titles and values, button titles,
 * input labels and placeholders, choices and the fallback text; never `data`, `url` or an input's `id`.
 */
export function cardTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown, parent?: string): void => {
    if (Array.isArray(node)) return node.forEach((v) => walk(v, parent));
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    for (const k of ['text', 'title', 'fallbackText', 'label', 'placeholder', 'errorMessage'])
      if (typeof o[k] === 'string') out.push(o[k] as string);
    // A fact shows its value; a choice's or an input's `value` is what the card sends back, not words.
    if (parent === 'facts' && typeof o.value === 'string') out.push(o.value);
    for (const [k, v] of Object.entries(o)) if (k !== 'data' && k !== 'url' && k !== 'id' && k !== 'value') walk(v, k);
  };
  walk(card);
  return out;
}
