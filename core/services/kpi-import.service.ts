import { z } from 'zod';
import { ForbiddenError, isConflictError, ValidationError } from '../domain/errors';
import { fieldProblem, parseLabelled } from '../domain/field-labels';
import { canImportKpiData } from '../domain/improvement-permissions';
import { planKpiImport, type KpiImportPlan } from '../domain/kpi-import';
import { readCsv, type CsvTable } from '../domain/onboarding-csv';
import type { Person } from '../domain/people';
import { writeDataPoint } from './kpis.service';
import { loadTrust, type ServiceDeps } from './service-context';

/** A whole trust's data point is a few hundred rows; 2 MB holds a wide MIS export with room to spare. */
const MAX_FILE_BYTES = 2_000_000;

export const kpiImportBodySchema = z
  .object({
    point: z
      .number({ error: (i) => (i.input === undefined ? 'choose the data point the file is for' : undefined) })
      .int()
      .meta({ title: 'Data point' }),
    fileName: z
      .string()
      .max(200)
      .optional()
      .meta({ title: 'File name', description: 'Its extension says whether it is CSV or Excel (.xlsx).' }),
    /** A CSV as text. */
    csv: z.string().max(MAX_FILE_BYTES, 'the file is over 2 MB: split it').optional().meta({ title: 'CSV file' }),
    /** A CSV or Excel workbook, base64-encoded. */
    contentBase64: z
      .string()
      .max(Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4, 'the file is over 2 MB: split it')
      .optional()
      .meta({ title: 'File' }),
    dryRun: z.boolean({ error: 'say whether this is only a check, or the import itself' }).meta({ title: 'Check only' }),
  })
  .refine((b) => b.csv !== undefined || b.contentBase64 !== undefined, { message: 'choose a CSV or Excel file', path: ['contentBase64'] });

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A cell as the person saw it in Excel: a percentage-formatted 0.68 is "68", a formula its result. */
function cellText(cell: { value: unknown; numFmt?: string; text?: string }): string {
  let v = cell.value;
  if (v && typeof v === 'object' && 'result' in v) v = v.result;
  if (v && typeof v === 'object' && 'richText' in v)
    return ((v as { richText: { text: string }[] }).richText ?? []).map((r) => r.text).join('');
  if (typeof v === 'number') return cell.numFmt?.includes('%') ? String(Math.round(v * 100 * 1000) / 1000) : String(v);
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v) ?? '';
}

/** The first worksheet of an Excel workbook as rows of text, numbered as Excel numbers them. */
async function readWorkbook(bytes: Uint8Array): Promise<{ ok: true; table: CsvTable } | { ok: false; message: string }> {
  // exceljs is large and only this import reads workbooks, so it loads on first use.
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    return {
      ok: false,
      message: `not readable as an Excel workbook (${e instanceof Error ? e.message : String(e)}); save it as .xlsx or CSV`,
    };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { ok: false, message: 'the workbook has no worksheet' };
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell).trim();
    });
    rows.push({ row: n, cells: Array.from(cells, (c) => c ?? '') });
  });
  const [header, ...data] = rows;
  if (!header) return { ok: false, message: 'the worksheet is empty' };
  return { ok: true, table: { headers: header.cells, rows: data.filter((r) => r.cells.some((c) => c !== '')) } };
}

/** The file as a table, whichever way it came. */
async function readFile(
  input: z.infer<typeof kpiImportBodySchema>,
): Promise<{ ok: true; table: CsvTable } | { ok: false; message: string }> {
  if (input.csv !== undefined) return readCsv(input.csv);
  const bytes = new Uint8Array(Buffer.from(input.contentBase64!, 'base64'));
  if (bytes.byteLength === 0) return { ok: false, message: 'the file is empty or not base64' };
  if (isZip(bytes) || /\.xlsx$/i.test(input.fileName ?? '')) return readWorkbook(bytes);
  return readCsv(new TextDecoder('utf-8').decode(bytes));
}

/** The import as the tab shows it: each row's result, the counts, and (after the import) what was written. */
export function kpiImportReport(
  plan: KpiImportPlan,
  dryRun: boolean,
  written?: { created: number; updated: number; dropsFlagged: number; failed: { row: number; message: string }[] },
) {
  return {
    dryRun,
    point: plan.point,
    pointLabel: plan.pointLabel,
    counts: plan.counts,
    fileProblems: plan.fileProblems,
    rows: plan.rows.map((r) => ({
      row: r.row,
      outcome: r.outcome,
      ...(r.academyId ? { academyId: r.academyId, academyName: r.academyName } : {}),
      ...(r.measure ? { measure: r.measure } : {}),
      ...(r.value !== undefined ? { value: r.value } : {}),
      ...(r.previous !== undefined ? { previous: r.previous } : {}),
      ...(r.target !== undefined ? { target: r.target, belowTarget: r.belowTarget } : {}),
      problems: r.problems,
    })),
    ...(written ? { written } : {}),
  };
}

/**
 * One data point for the whole trust from a CSV or Excel file (an MIS or FFT Aspire export), for the
 * trust team: a dry run first shows each row's result; the import then writes the good rows, flags
 * each drop below target, and reports every bad row by row, column and value.
 */
export async function importKpiDataPoints(deps: ServiceDeps, viewer: Person, body: unknown) {
  // Who may import is checked before the body, so anyone else gets the same 403 whatever they send.
  if (!canImportKpiData(viewer)) throw new ForbiddenError('A data point for the whole trust is imported by the trust’s improvement team.');
  const input = parseLabelled(kpiImportBodySchema, body, 'import');
  const trust = await loadTrust(deps);
  if (!trust.model.kpis.dataPoints.some((p) => p.number === input.point)) {
    throw new ValidationError(
      [
        fieldProblem(
          kpiImportBodySchema,
          'point',
          `there is no data point ${input.point}; the year's are ${trust.model.kpis.dataPoints.map((p) => `${p.number} (${p.label})`).join(', ')}`,
        ),
      ],
      'import',
    );
  }
  const read = await readFile(input);
  if (!read.ok)
    throw new ValidationError(
      [fieldProblem(kpiImportBodySchema, input.csv !== undefined ? 'csv' : 'contentBase64', read.message)],
      'import',
    );
  const academies = await deps.store.academies.list({}).toArray();
  const inputs = await deps.store.statusInputsForMany(
    academies.map((a) => a.id),
    trust.academicYear,
  );
  const targets = inputs.flatMap((i) => i.kpiTargets.filter((t) => t.academyId === i.academy.id));
  const points = inputs.flatMap((i) => i.kpiDataPoints.filter((p) => p.academyId === i.academy.id));
  const plan = planKpiImport(read.table, { point: input.point, model: trust.model, academies, targets, points });
  if (plan.fileProblems.length > 0)
    throw new ValidationError(
      plan.fileProblems.map((p) =>
        fieldProblem(kpiImportBodySchema, input.csv !== undefined ? 'csv' : 'contentBase64', `${p.column}: ${p.message}`),
      ),
      'import',
    );
  if (input.dryRun) return kpiImportReport(plan, true);

  const written = { created: 0, updated: 0, dropsFlagged: 0, failed: [] as { row: number; message: string }[] };
  for (const r of plan.rows) {
    if (r.outcome !== 'create' && r.outcome !== 'update') continue;
    const target = targets.find((t) => t.id === r.kpiId)!;
    const existing = points.find((p) => p.kpiId === target.id && p.point === input.point);
    try {
      const out = await writeDataPoint(deps, viewer, target, existing, { point: input.point, value: r.value! }, trust.model);
      if (!out.ok) {
        written.failed.push({ row: r.row, message: out.message });
        continue;
      }
      if (out.created) written.created++;
      else if (out.changed) written.updated++;
      if (out.dataPoint.drop && !out.dataPoint.drop.reviewedInMeetingId && out.changed) written.dropsFlagged++;
    } catch (e) {
      // A row someone else changed since the check is reported, and the rest still import.
      if (!isConflictError(e)) throw e;
      written.failed.push({ row: r.row, message: 'someone else changed this value since the check; import the file again to see it' });
    }
  }
  return kpiImportReport(plan, false, written);
}
