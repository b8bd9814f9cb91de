/*
 * The `$filter` subset Graph documents for list items (api-reference listitem-list.md): eq, ne, lt,
 * gt, le, ge and startswith on `fields/<Name>`, joined with and / or. Enough to refuse what Graph
 * refuses (a non-indexed column) and to answer what the adapter asks.
 */

export type FilterValue = string | number | boolean | null;
type Comparison = { op: 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge'; field: string; value: FilterValue };
type StartsWith = { op: 'startswith'; field: string; value: string };
type Junction = { op: 'and' | 'or'; left: Filter; right: Filter };
export type Filter = Comparison | StartsWith | Junction;

const TOKEN = /\s*(\(|\)|,|'(?:[^']|'')*'|[A-Za-z_][\w/]*|-?\d+(?:\.\d+)?)/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`cannot read the filter near "${text.slice(TOKEN.lastIndex, TOKEN.lastIndex + 20)}"`);
    out.push(m[1] as string);
  }
  return out;
}

/** Parses a `$filter`; throws on anything outside the subset. */
export function parseFilter(text: string): Filter {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const take = (expected?: string): string => {
    const t = tokens[i++];
    if (t === undefined || (expected !== undefined && t !== expected)) throw new Error(`expected ${expected ?? 'more'} in the filter`);
    return t;
  };
  const field = (t: string): string => {
    if (!t.startsWith('fields/')) throw new Error(`only fields/<Name> can be filtered, not "${t}"`);
    return t.slice('fields/'.length);
  };
  const value = (t: string): FilterValue => {
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'null') return null;
    const n = Number(t);
    if (Number.isNaN(n)) throw new Error(`"${t}" is not a value`);
    return n;
  };
  const primary = (): Filter => {
    const t = take();
    if (t === '(') {
      const inner = orExpr();
      take(')');
      return inner;
    }
    if (t === 'startswith') {
      take('(');
      const f = field(take());
      take(',');
      const v = value(take());
      take(')');
      if (typeof v !== 'string') throw new Error('startswith takes a string');
      return { op: 'startswith', field: f, value: v };
    }
    const op = take();
    if (!['eq', 'ne', 'lt', 'gt', 'le', 'ge'].includes(op)) throw new Error(`unknown operator "${op}"`);
    return { op: op as 'eq', field: field(t), value: value(take()) };
  };
  const andExpr = (): Filter => {
    let left = primary();
    while (peek() === 'and') {
      take();
      left = { op: 'and', left, right: primary() };
    }
    return left;
  };
  const orExpr = (): Filter => {
    let left = andExpr();
    while (peek() === 'or') {
      take();
      left = { op: 'or', left, right: andExpr() };
    }
    return left;
  };
  const result = orExpr();
  if (i !== tokens.length) throw new Error('unexpected text at the end of the filter');
  return result;
}

/** Every field a filter names. */
export function fieldsOf(f: Filter): string[] {
  if (f.op === 'and' || f.op === 'or') return [...fieldsOf(f.left), ...fieldsOf(f.right)];
  return [(f as Comparison | StartsWith).field];
}

/** Whether item fields match; a missing value matches only `eq null` / `ne <value>`. */
export function matches(f: Filter, fields: Record<string, unknown>): boolean {
  switch (f.op) {
    case 'and':
      return matches(f.left, fields) && matches(f.right, fields);
    case 'or':
      return matches(f.left, fields) || matches(f.right, fields);
    case 'startswith': {
      const v = fields[f.field];
      return typeof v === 'string' && v.startsWith(f.value);
    }
    default: {
      const v = fields[f.field] ?? null;
      if (f.op === 'eq') return v === f.value;
      if (f.op === 'ne') return v !== f.value;
      if (v === null || f.value === null) return false;
      const a = v as string | number;
      const b = f.value as string | number;
      return f.op === 'lt' ? a < b : f.op === 'gt' ? a > b : f.op === 'le' ? a <= b : a >= b;
    }
  }
}
