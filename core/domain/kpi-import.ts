import type { Academy } from './academy';
import type { KpiDataPoint, KpiTarget } from './kpi';
import { isBelowTarget } from './kpi-drops';
import type { ImprovementModel } from './models/improvement-model.schema';
import type { CsvTable } from './onboarding-csv';

/*
 * One data point for the whole trust from one file (an MIS or FFT Aspire export saved as CSV or
 * Excel): a row per academy and KPI. Every row is checked on its own, so the good rows import and
 * each bad one is reported with its spreadsheet row, the column and the value that was wrong.
 */

/** The columns read, and the headings each may have in an export. */
const COLUMNS = {
  academy: ['academy', 'school', 'academy name', 'school name', 'academy id', 'establishment', 'establishment name'],
  measure: ['measure', 'kpi', 'indicator', 'kpi measure'],
  value: ['value', 'result', 'percentage', 'score', 'actual'],
} as const;
type Column = keyof typeof COLUMNS;
const HEADING: Record<Column, string> = { academy: 'Academy', measure: 'Measure', value: 'Value' };
const EXAMPLES: Record<Column, string> = {
  academy: '“Academy”, “School” or “Academy name”',
  measure: '“Measure”, “KPI” or “Indicator”',
  value: '“Value”, “Result” or “Percentage”',
};

/** Headings and names compared as people type them: case, spaces and curly apostrophes do not matter. */
export const normalise = (s: string): string => s.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();

export interface ImportCellProblem {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface ImportRowPlan {
  row: number;
  outcome: 'create' | 'update' | 'unchanged' | 'rejected';
  academyId?: string;
  academyName?: string;
  kpiId?: string;
  measure?: string;
  value?: number;
  /** The value the trust already had for this data point, when it is being replaced. */
  previous?: number;
  target?: number;
  /** Below target at this data point: a drop is flagged for the next review meeting. */
  belowTarget?: boolean;
  problems: ImportCellProblem[];
}

export interface KpiImportPlan {
  point: number;
  pointLabel: string;
  /** A problem with the file as a whole (a missing column), naming the column. */
  fileProblems: { column: string; message: string }[];
  rows: ImportRowPlan[];
  counts: Record<ImportRowPlan['outcome'], number> & { drops: number };
}

export interface KpiImportContext {
  point: number;
  model: Pick<ImprovementModel, 'kpis'>;
  academies: readonly Pick<Academy, 'id' | 'name' | 'aliases'>[];
  /** This year's targets, every academy's. */
  targets: readonly KpiTarget[];
  /** This year's data points already recorded. */
  points: readonly KpiDataPoint[];
}

/** "68", "68%", "68.5 %", "1,204", "-0.12" as a number; undefined when it is not one. */
export function readNumber(text: string): number | undefined {
  const t = text.trim().replace(/%$/, '').replace(/,/g, '').trim();
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return undefined;
  return Number(t);
}

function findColumns(headers: readonly string[]): { index: Partial<Record<Column, number>>; missing: Column[] } {
  const index: Partial<Record<Column, number>> = {};
  headers.forEach((h, i) => {
    const n = normalise(h);
    for (const c of Object.keys(COLUMNS) as Column[])
      if (index[c] === undefined && (COLUMNS[c] as readonly string[]).includes(n)) index[c] = i;
  });
  return { index, missing: (Object.keys(COLUMNS) as Column[]).filter((c) => index[c] === undefined) };
}

/** Checks every row of one data point's file against the trust's academies and this year's KPI targets. */
export function planKpiImport(table: CsvTable, ctx: KpiImportContext): KpiImportPlan {
  const pointLabel = ctx.model.kpis.dataPoints.find((p) => p.number === ctx.point)?.label ?? `Data point ${ctx.point}`;
  const counts = { create: 0, update: 0, unchanged: 0, rejected: 0, drops: 0 };
  const { index, missing } = findColumns(table.headers);
  if (missing.length > 0) {
    return {
      point: ctx.point,
      pointLabel,
      rows: [],
      counts,
      fileProblems: missing.map((c) => ({
        column: HEADING[c],
        message: `no ${HEADING[c]} column: the first row needs a heading such as ${EXAMPLES[c]}`,
      })),
    };
  }
  const byName = new Map<string, Pick<Academy, 'id' | 'name'>>();
  for (const a of ctx.academies) for (const n of [a.id, a.name, ...a.aliases]) if (!byName.has(normalise(n))) byName.set(normalise(n), a);
  const seen = new Map<string, number>();
  const rows = table.rows.map((r): ImportRowPlan => {
    const cell = (c: Column) => (r.cells[index[c]!] ?? '').trim();
    const problems: ImportCellProblem[] = [];
    const problem = (c: Column, message: string) => problems.push({ row: r.row, column: HEADING[c], value: cell(c), message });
    const academy = byName.get(normalise(cell('academy')));
    if (!cell('academy')) problem('academy', 'no academy named');
    else if (!academy) problem('academy', 'no academy of the trust has this name');
    const own = academy ? ctx.targets.filter((t) => t.academyId === academy.id) : [];
    const target = own.find((t) => normalise(t.measure) === normalise(cell('measure')));
    if (!cell('measure')) problem('measure', 'no KPI named');
    else if (academy && !target)
      problem(
        'measure',
        own.length
          ? `${academy.name} has no KPI with this name this year; its KPIs are: ${own.map((t) => t.measure).join('; ')}`
          : `${academy.name} has no KPI targets agreed this year`,
      );
    const value = readNumber(cell('value'));
    if (!cell('value')) problem('value', 'no value');
    else if (value === undefined) problem('value', 'not a number');
    else if (target?.unit === 'percent' && (value < 0 || value > 100)) problem('value', 'a percentage must be between 0 and 100');
    else if (target?.unit === 'count' && value < 0) problem('value', 'a count cannot be below zero');
    if (target && problems.length === 0) {
      const key = target.id;
      const first = seen.get(key);
      if (first !== undefined) problem('measure', `${academy!.name}’s “${target.measure}” is already in row ${first}`);
      else seen.set(key, r.row);
    }
    if (problems.length > 0 || !academy || !target || value === undefined) {
      counts.rejected++;
      return { row: r.row, outcome: 'rejected', ...(academy ? { academyId: academy.id, academyName: academy.name } : {}), problems };
    }
    const existing = ctx.points.find((p) => p.kpiId === target.id && p.point === ctx.point);
    const outcome = !existing ? 'create' : existing.value === value ? 'unchanged' : 'update';
    const belowTarget = isBelowTarget(target, value);
    counts[outcome]++;
    if (belowTarget) counts.drops++;
    return {
      row: r.row,
      outcome,
      academyId: academy.id,
      academyName: academy.name,
      kpiId: target.id,
      measure: target.measure,
      value,
      ...(existing && outcome === 'update' ? { previous: existing.value } : {}),
      target: target.target,
      belowTarget,
      problems,
    };
  });
  return { point: ctx.point, pointLabel, fileProblems: [], rows, counts };
}
