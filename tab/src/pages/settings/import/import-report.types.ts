/** What `POST /api/admin/import` answers (functions/api/import-routes.ts), as the panel reads it. */
export type ImportFileKind = 'academies' | 'people';

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  rejected: number;
}

export interface ImportReport {
  dryRun: boolean;
  counts: Record<ImportFileKind, ImportCounts>;
  files: Partial<Record<ImportFileKind, { ignoredColumns: string[] }>>;
  fileProblems: { file: ImportFileKind; message: string }[];
  changes: {
    file: ImportFileKind;
    rows: number[];
    label: string;
    outcome: 'create' | 'update';
    id: string;
    changes: { field: string; before?: string; after: string }[];
  }[];
  rejected: { file: ImportFileKind; row: number; label: string; column: string; message: string; value: string }[];
  rejectedCsv: Partial<Record<ImportFileKind, string>>;
  notInFile: { id: string; name: string; email: string }[];
  result?: {
    created: number;
    updated: number;
    problems: { file: ImportFileKind; rows: number[]; label: string; kind: string; message: string }[];
  };
}
