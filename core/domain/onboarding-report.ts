import { normaliseHeader, REPORT_COLUMNS } from './onboarding-columns';
import { writeCsv } from './onboarding-csv';
import type { ImportFile, ImportPlan, RowPlan, RowProblem } from './onboarding-plan';

/*
 * An import plan as an admin reads it at a terminal, and its rejected rows as a CSV to fix and
 * import again. Pure text from the plan, so the CLI and tests share one wording.
 */

const ACTION: Record<RowPlan['outcome'], string> = { create: 'create', update: 'update', unchanged: 'unchanged', rejected: 'rejected' };

/** Every rejected cell, in file then row order. */
export function rejectedProblems(plan: ImportPlan): (RowProblem & { file: ImportFile; label: string })[] {
  return [...plan.academies, ...plan.people].flatMap((r) =>
    r.outcome === 'rejected' ? r.problems.map((p) => ({ ...p, file: r.file, label: r.label })) : [],
  );
}

/** An aligned text table; the named column is shortened so the rest stays readable, the last one never. */
function table(header: readonly string[], rows: readonly (readonly string[])[], shorten: number): string[] {
  const cap = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);
  const all = [header, ...rows].map((r) => r.map((c, i) => (i === shorten ? cap(c) : c)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)];
}

const what = (r: RowPlan): string => {
  if (r.outcome !== 'create' && r.outcome !== 'update') return '';
  return r.changes
    .map((c) => (r.outcome === 'create' ? `${c.field}: ${c.after}` : `${c.field}: ${c.before ?? '(blank)'} → ${c.after || '(blank)'}`))
    .join(' · ');
};

/** The report: counts, then each change, then each rejected row with its column, problem and value. */
export function formatImportReport(
  plan: ImportPlan,
  options: {
    dryRun: boolean;
    written?: { created: number; updated: number; problems: { rows: number[]; file: ImportFile; label: string; message: string }[] };
  },
): string {
  const out: string[] = [];
  for (const f of plan.fileProblems) out.push(`Could not read the ${f.message}`);
  for (const file of ['academies', 'people'] as const) {
    if (!plan.files[file]) continue;
    const c = plan.counts[file];
    out.push(
      `${file === 'academies' ? 'Academies' : 'People'}: ${c.create} to create, ${c.update} to update, ${c.unchanged} unchanged, ${c.rejected} rejected`,
    );
    const ignored = plan.files[file].ignoredColumns;
    if (ignored.length > 0) out.push(`  columns not used: ${ignored.join(', ')}`);
  }

  const changes = [...plan.academies, ...plan.people].filter((r) => r.outcome === 'create' || r.outcome === 'update');
  if (changes.length > 0) {
    out.push('', options.dryRun ? 'What would change' : 'What changed');
    out.push(
      ...table(
        ['Row', 'File', 'Name', 'Action', 'Fields'],
        changes.map((r) => [r.rows.join(', '), r.file, r.label, ACTION[r.outcome], what(r)]),
        2,
      ),
    );
  }

  const rejected = rejectedProblems(plan);
  if (rejected.length > 0) {
    out.push('', 'Rejected rows (nothing from them was written; fix them and import the file again)');
    out.push(
      ...table(
        ['Row', 'File', 'Column', 'Value', 'Problem'],
        rejected.map((p) => [String(p.row), p.file, p.column, p.value, p.message]),
        3,
      ),
    );
  }

  if (plan.notInFile.length > 0) {
    const names = plan.notInFile.slice(0, 15).map((p) => p.name);
    out.push(
      '',
      `${plan.notInFile.length} people in the trust are not in the people file; they are kept as they are (an import never removes anyone): ${names.join(', ')}${plan.notInFile.length > names.length ? `, and ${plan.notInFile.length - names.length} more` : ''}`,
    );
  }

  out.push('');
  if (options.dryRun)
    out.push(
      changes.length === 0
        ? 'Dry run: nothing would change.'
        : `Dry run: nothing was written. Run again without --dry-run to make these ${changes.length} change(s).`,
    );
  else if (options.written) {
    const w = options.written;
    out.push(`Written: ${w.created} created, ${w.updated} updated.`);
    for (const p of w.problems) out.push(`Not written (${p.file} row ${p.rows.join(', ')}): ${p.message}`);
  }
  return out.join('\n');
}

/** The rejected rows of one file, as they were, with a Problems column: fix the cells, then import this file again. */
export function rejectedRowsCsv(plan: ImportPlan, file: ImportFile): string | undefined {
  const info = plan.files[file];
  const rows = (file === 'academies' ? plan.academies : plan.people).filter(
    (r): r is Extract<RowPlan, { outcome: 'rejected' }> => r.outcome === 'rejected',
  );
  if (!info || rows.length === 0) return undefined;
  // A report imported again already has a Problems column: it is replaced, not repeated.
  const keep = info.headers
    .map((h, i) => (REPORT_COLUMNS.map(normaliseHeader).includes(normaliseHeader(h)) ? -1 : i))
    .filter((i) => i >= 0);
  const body = rows
    .flatMap((r) => r.rows.map((row) => ({ row, problems: r.problems.filter((p) => p.row === row) })))
    .sort((a, b) => a.row - b.row)
    .map(({ row, problems }) => {
      const cells = info.rawRows[row] ?? [];
      return [
        ...keep.map((i) => cells[i] ?? ''),
        problems.map((p) => `Row ${row}, ${p.column}: ${p.message}${p.value ? ` (was “${p.value}”)` : ''}`).join(' | '),
      ];
    });
  return writeCsv([[...keep.map((i) => info.headers[i]!), 'Problems'], ...body]);
}
