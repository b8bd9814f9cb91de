import { z } from 'zod';
import { ForbiddenError, parseOrThrow, ValidationError } from '../domain/errors';
import { canAdministerTrust } from '../domain/permissions';
import { rejectedProblems, rejectedRowsCsv } from '../domain/onboarding-report';
import type { Person } from '../domain/people';
import { importForAdmin, type ImportPlan, type ImportResult } from './onboarding-import.service';
import type { ServiceDeps } from './service-context';

/** About 10,000 rows of a wide sheet; the local host's JSON limit (6 MB) holds both files at this size. */
export const MAX_CSV_CHARS = 2_000_000;

export const importBodySchema = z
  .object({
    academiesCsv: z.string().max(MAX_CSV_CHARS, 'the academies file is too big for one import (2 MB): split it').optional(),
    peopleCsv: z.string().max(MAX_CSV_CHARS, 'the people file is too big for one import (2 MB): split it').optional(),
    dryRun: z.boolean({ error: 'say whether this is only a check, or the import itself' }),
  })
  .strict()
  .refine((b) => b.academiesCsv !== undefined || b.peopleCsv !== undefined, {
    message: 'send an academies file, a people file or both',
    path: ['academiesCsv'],
  });

/** The plan as the tab shows it: counts, changes, rejected cells; the full records stay on the server. */
export function importReportBody(plan: ImportPlan, dryRun: boolean, result?: ImportResult) {
  const changes = [...plan.academies, ...plan.people].flatMap((r) =>
    r.outcome === 'create' || r.outcome === 'update'
      ? [{ file: r.file, rows: r.rows, label: r.label, outcome: r.outcome, id: r.id, changes: r.changes }]
      : [],
  );
  const rejectedCsv = Object.fromEntries(
    (['academies', 'people'] as const).flatMap((f) => {
      const csv = rejectedRowsCsv(plan, f);
      return csv ? [[f, csv]] : [];
    }),
  );
  return {
    dryRun,
    counts: plan.counts,
    files: Object.fromEntries(Object.entries(plan.files).map(([f, info]) => [f, { ignoredColumns: info.ignoredColumns }])),
    fileProblems: plan.fileProblems,
    changes,
    rejected: rejectedProblems(plan).map((p) => ({
      file: p.file,
      row: p.row,
      label: p.label,
      column: p.column,
      message: p.message,
      value: p.value,
    })),
    rejectedCsv,
    notInFile: plan.notInFile,
    ...(result ? { result } : {}),
  };
}

/** Checks (dry run) or imports academies and people from CSV, for the trust admin or the CEO; a file that cannot be read at all is a 400 naming it. */
export async function importCsvForAdmin(deps: ServiceDeps, viewer: Person, body: unknown) {
  // Who may import is checked before the body, so anyone else gets the same 403 whatever they send.
  if (!canAdministerTrust(viewer)) throw new ForbiddenError('Only the trust administrator or the CEO can import academies and people.');
  const input = parseOrThrow(importBodySchema, body, 'import');
  const { plan, result } = await importForAdmin(deps, viewer, input);
  const given = (input.academiesCsv !== undefined ? 1 : 0) + (input.peopleCsv !== undefined ? 1 : 0);
  if (plan.fileProblems.length === given)
    throw new ValidationError(
      plan.fileProblems.map((p) => ({ field: p.file === 'academies' ? 'academiesCsv' : 'peopleCsv', message: p.message })),
      'import',
    );
  return importReportBody(plan, input.dryRun, result);
}
