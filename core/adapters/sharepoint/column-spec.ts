import { ValidationError, type FieldProblem } from '../../domain/errors';

/** A single line of text holds 255 characters at most (SharePoint column limits; GRAPH-NOTES.md). */
export const SINGLE_LINE_MAX = 255;
/**
 * Multiple lines of text (plain) hold 63,999 characters in a list (SharePoint's column type
 * documentation); Graph's textColumn has a `maxLength` but documents no default. To confirm on a
 * tenant before release (docs/sharepoint.md).
 */
export const MULTI_LINE_MAX = 63_999;

/** A column the store needs, in the column types Graph lists (resources/columndefinition.md). */
export interface ColumnSpec {
  name: string;
  type: 'text' | 'note' | 'number' | 'dateTime' | 'choice' | 'boolean' | 'lookup' | 'person';
  /**
   * Every column the adapter filters on is indexed: Graph refuses a filter on a non-indexed column
   * unless sent `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`, which then fails on lists
   * past SharePoint's 5,000-item view threshold (observed; see GRAPH-NOTES.md).
   */
  indexed?: boolean;
  /** No two items share a value (needs `indexed`): what makes creates idempotent under concurrency. */
  unique?: boolean;
  choices?: readonly string[];
  /** For a lookup: the list (by display name) and the column it shows. */
  lookup?: { list: string; column: string };
  /** The record's field the value comes from, so a refusal names what the person typed ("name", not "PersonName"). */
  source?: string;
}

/** The most characters a text column takes, or undefined for other types. */
export const maxLengthOf = (spec: Pick<ColumnSpec, 'type'>): number | undefined =>
  spec.type === 'text' ? SINGLE_LINE_MAX : spec.type === 'note' ? MULTI_LINE_MAX : undefined;

/**
 * Refuses, before anything is sent, a value longer than its column takes: SharePoint would refuse
 * it, or (worse) a caller would find it cut. The `ValidationError` names the record's field.
 */
export function checkFieldLimits(columns: readonly ColumnSpec[], fields: Record<string, unknown>, what: string): void {
  const problems: FieldProblem[] = [];
  for (const column of columns) {
    const value = fields[column.name];
    const max = maxLengthOf(column);
    if (max === undefined || typeof value !== 'string' || value.length <= max) continue;
    const field = column.source ?? column.name;
    // One value can fill several columns (the id is Title and RecordId): name it once.
    if (problems.some((p) => p.field === field)) continue;
    problems.push({
      field,
      message:
        column.type === 'note'
          ? `the record is ${value.length} characters as stored; SharePoint keeps at most ${max}: shorten its longest text`
          : `at most ${max} characters in SharePoint (this is ${value.length})`,
    });
  }
  if (problems.length > 0) throw new ValidationError(problems, what);
}

/** A list (or the papers library) and its columns. */
export interface ListSpec {
  displayName: string;
  template: 'genericList' | 'documentLibrary';
  columns: readonly ColumnSpec[];
}

/** The Graph column definition for a spec; a lookup needs its target list's id. */
export function columnDefinition(spec: ColumnSpec, listIdOf: (displayName: string) => string | undefined): Record<string, unknown> {
  const base: Record<string, unknown> = {
    name: spec.name,
    displayName: spec.name,
    indexed: spec.indexed ?? false,
    enforceUniqueValues: spec.unique ?? false,
  };
  switch (spec.type) {
    case 'text':
      return { ...base, text: {} };
    case 'note':
      return { ...base, text: { allowMultipleLines: true, textType: 'plain' } };
    case 'number':
      return { ...base, number: {} };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime' } };
    case 'choice':
      return { ...base, choice: { choices: [...(spec.choices ?? [])] } };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'person':
      return { ...base, personOrGroup: { allowMultipleSelection: false } };
    case 'lookup': {
      const listId = spec.lookup ? listIdOf(spec.lookup.list) : undefined;
      if (!listId || !spec.lookup)
        throw new Error(`the lookup column ${spec.name} needs its list ${spec.lookup?.list ?? '(none named)'} to exist first`);
      return { ...base, lookup: { listId, columnName: spec.lookup.column } };
    }
  }
}

/** OData string literal: single quotes doubled. */
export const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;
