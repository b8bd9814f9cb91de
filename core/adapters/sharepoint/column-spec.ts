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
}

/** A list (or the papers library) and its columns. */
export interface ListSpec {
  displayName: string;
  template: 'genericList' | 'documentLibrary';
  columns: readonly ColumnSpec[];
}

/** The Graph column definition for a spec; a lookup needs its target list's id. */
export function columnDefinition(spec: ColumnSpec, listIdOf: (displayName: string) => string | undefined): Record<string, unknown> {
  const base: Record<string, unknown> = { name: spec.name, displayName: spec.name, indexed: spec.indexed ?? false, enforceUniqueValues: spec.unique ?? false };
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
      if (!listId || !spec.lookup) throw new Error(`the lookup column ${spec.name} needs its list ${spec.lookup?.list ?? '(none named)'} to exist first`);
      return { ...base, lookup: { listId, columnName: spec.lookup.column } };
    }
  }
}

/** OData string literal: single quotes doubled. */
export const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;
