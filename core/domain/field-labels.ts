import { z } from 'zod';
import { ValidationError, type FieldProblem } from './errors';
import { words } from './format/labels';

/*
 * Fields as a person reads them. A request schema names its fields once with zod's own metadata,
 * `.meta({ title: 'Due date' })`, which is also the `title` the OpenAPI document shows; a bad field
 * is then reported with `field` (the key path, where the tab places the message) and `label` (the
 * words it shows). zod 4 issues carry only the path, so the label is found by walking the schema.
 */

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
};
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const titleOf = (s: z.ZodType): string | undefined => {
  const t = z.globalRegistry.get(s)?.title;
  return typeof t === 'string' ? t : undefined;
};

/** Steps through wrappers (optional, default, pipe …), collecting the outermost title. */
function unwrap(schema: z.ZodType): { schema: z.ZodType; title?: string } {
  let s = schema;
  let title = titleOf(s);
  for (let i = 0; i < 20; i++) {
    const d = defOf(s);
    const inner = d.innerType ?? (d.type === 'pipe' ? d.in : undefined) ?? (d.type === 'lazy' ? d.getter?.() : undefined);
    if (!inner) break;
    s = inner;
    title ??= titleOf(s);
  }
  return { schema: s, ...(title ? { title } : {}) };
}

function child(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  const d = defOf(schema);
  if (d.type === 'object' && typeof key === 'string') return d.shape?.[key];
  if (d.type === 'array') return d.element;
  if (d.type === 'record') return d.valueType;
  if (d.type === 'union') return d.options?.map((o) => child(unwrap(o).schema, key)).find((c) => c !== undefined);
  return undefined;
}

/** "dueDate" → "Due date": the words a key stands for, when the schema gives no title (the product's one rule, `format/labels.ts`). */
export const humanise = (key: string): string => words(key.replace(/Id$/, ''));

/**
 * The label of the field at `path`: the titles along the way, list items numbered from 1
 * ("Targets 2: Target value"); a key with no title reads as its words ("Due date").
 */
export function labelAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  const parts: string[] = [];
  let node: z.ZodType | undefined = schema;
  path.forEach((key, i) => {
    const here: z.ZodType | undefined = node ? child(unwrap(node).schema, key) : undefined;
    const title = here ? unwrap(here).title : undefined;
    const last = i === path.length - 1;
    if (typeof key === 'number') {
      if (parts.length > 0) parts[parts.length - 1] = `${parts[parts.length - 1]} ${key + 1}`;
    } else if (title) parts.push(title);
    else if (last || parts.length === 0) parts.push(humanise(String(key)));
    node = here;
  });
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')}: ${parts[parts.length - 1]}`;
}

/** zod issues as field problems, each with the field's key path and its label. */
export function labelledProblems(schema: z.ZodType, error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => {
    const label = labelAt(schema, i.path);
    return { field: i.path.map(String).join('.'), message: i.message, ...(label ? { label } : {}) };
  });
}

/** Parse with a schema or throw a `ValidationError` naming every bad field by its label. */
export function parseLabelled<S extends z.ZodType>(schema: S, input: unknown, what?: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new ValidationError(labelledProblems(schema, r.error), what);
  return r.data;
}

/** One field's problem found after parsing (an owner who cannot see the academy), labelled from the schema. */
export function fieldProblem(schema: z.ZodType, field: string, message: string): FieldProblem {
  const label = labelAt(
    schema,
    field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
  );
  return { field, message, ...(label ? { label } : {}) };
}
