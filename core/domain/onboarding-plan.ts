import type { Academy } from './academy';
import type { Person } from './people';

/** Which onboarding file a row came from. */
export type ImportFile = 'academies' | 'people';

/** What is wrong with one cell: the spreadsheet row, the column as the file names it, and the raw value. */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
  value: string;
}

/** One field an import would change, shown as the admin would read it. */
export interface ImportFieldChange {
  field: string;
  before?: string;
  after: string;
}

interface RowBase {
  file: ImportFile;
  /** The spreadsheet rows this record came from (a person may take several rows, one per role). */
  rows: number[];
  /** The academy's or person's name as the file gives it, for the report. */
  label: string;
}

/** The record a create or update would write: the full value, and for an update the version it was read at. */
export type PlannedRecord = { kind: 'academy'; value: Academy; version?: string } | { kind: 'person'; value: Person; version?: string };

export type RowPlan =
  | (RowBase & { outcome: 'create'; id: string; idempotencyKey: string; changes: ImportFieldChange[]; record: PlannedRecord })
  | (RowBase & { outcome: 'update'; id: string; changes: ImportFieldChange[]; record: PlannedRecord })
  | (RowBase & { outcome: 'unchanged'; id: string })
  | (RowBase & { outcome: 'rejected'; problems: RowProblem[] });

/** A file as read: its headers, the raw rows (for a report of rejected rows) and the columns it did not use. */
export interface ImportFileInfo {
  headers: string[];
  rawRows: Record<number, string[]>;
  ignoredColumns: string[];
}

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  rejected: number;
}

/** What an import would do, row by row; a dry run shows this and writes nothing. */
export interface ImportPlan {
  academies: RowPlan[];
  people: RowPlan[];
  files: Partial<Record<ImportFile, ImportFileInfo>>;
  /** A file that could not be read at all (not CSV, no name column): nothing from it is planned. */
  fileProblems: { file: ImportFile; message: string }[];
  /** People in the trust the people file does not list: reported, never removed. */
  notInFile: { id: string; name: string; email: string }[];
  counts: Record<ImportFile, ImportCounts>;
}

export const countOutcomes = (rows: readonly RowPlan[]): ImportCounts => ({
  create: rows.filter((r) => r.outcome === 'create').length,
  update: rows.filter((r) => r.outcome === 'update').length,
  unchanged: rows.filter((r) => r.outcome === 'unchanged').length,
  rejected: rows.filter((r) => r.outcome === 'rejected').length,
});

/** The changes a write would make to the fields shown, as display text; none means unchanged. */
export function fieldChanges(
  before: Record<string, string | undefined> | undefined,
  after: Record<string, string | undefined>,
): ImportFieldChange[] {
  const out: ImportFieldChange[] = [];
  for (const [field, a] of Object.entries(after)) {
    const b = before?.[field];
    if ((a ?? '') === (b ?? '')) continue;
    out.push({ field, ...(b !== undefined && b !== '' ? { before: b } : {}), after: a ?? '' });
  }
  return out;
}
