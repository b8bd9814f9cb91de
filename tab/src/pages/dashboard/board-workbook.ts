import type { Workbook } from 'exceljs';
import type { Dashboard, KpiSchools } from '../../api/api-types';
import { formatLongDate } from '../../format/dates';
import { ragLabel, riskBandLabel } from '../../format/words';
import { asCells, DATE_FORMAT, excelDate, FILLS, POUNDS_FORMAT, printLandscape, sheetName, tableSheet } from './workbook-cells';

/** Whom the workbook is for: the whole trust (the board, the CEO, the trust team) or the viewer's own academy (a head). */
export type WorkbookScope = 'trust' | 'academy';

export interface BoardWorkbookOptions {
  /** Each KPI's values across the year, one sheet each. */
  kpis?: KpiSchools;
  /** The viewer sees the whole trust; otherwise the book is titled for their academy. */
  scope?: WorkbookScope;
}

/** "Meadowbank Learning Trust: trust dashboard for the board", or "Oakfield Primary Academy: academy summary" for a head. */
export function workbookTitle(dashboard: Dashboard, scope: WorkbookScope): string {
  const when = `${dashboard.trust.academicYear}, as at ${formatLongDate(dashboard.trust.today)}`;
  if (scope === 'trust') return `${dashboard.trust.name}: trust dashboard for the board, ${when}`;
  const names = dashboard.academies.map((a) => a.name);
  return `${names.length === 1 ? names[0] : `${names.length} academies`}: academy summary, ${when}`;
}

function summarySheet(book: Workbook, dashboard: Dashboard, title: string, scope: WorkbookScope): void {
  const sheet = book.addWorksheet('Summary');
  printLandscape(sheet);
  sheet.addRow(asCells([title])).font = { bold: true, size: 14 };
  const asAt = sheet.addRow(asCells(['As at', excelDate(dashboard.trust.today)]));
  asAt.getCell(2).numFmt = DATE_FORMAT;
  sheet.addRow([]);
  const a = dashboard.academies;
  const sum = (f: (x: Dashboard['academies'][number]) => number) => a.reduce((n, x) => n + f(x), 0);
  sheet.addRow([scope === 'trust' ? 'Academies' : 'Academies shown', a.length]);
  for (const level of ['red', 'amber', 'green'] as const) {
    const row = sheet.addRow([ragLabel(level), dashboard.counts[level]]);
    row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[level] } };
  }
  sheet.addRow(['Overdue actions', sum((x) => x.actions.overdue)]);
  sheet.addRow(['KPI drops awaiting review', sum((x) => x.kpiDropsAwaitingReview)]);
  sheet.addRow(['Core support days used', sum((x) => x.supportDays.coreUsed)]);
  const spend = sheet.addRow(['Support spend', sum((x) => x.supportDays.spendPence) / 100]);
  const budget = sheet.addRow(['Improvement budget', sum((x) => x.supportDays.budgetPence) / 100]);
  spend.getCell(2).numFmt = POUNDS_FORMAT;
  budget.getCell(2).numFmt = POUNDS_FORMAT;
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 16;
}

function academiesSheet(book: Workbook, dashboard: Dashboard, title: string, nameOf: (id: string) => string): void {
  const sheet = book.addWorksheet('Academies');
  const header = [
    'Academy',
    'RAG',
    'Reasons',
    'Stage',
    'Risk band',
    'Ofsted',
    'Inspected',
    'Next meeting',
    'Next meeting date',
    'Chair',
    'Papers in',
    'Papers required',
    'Open actions',
    'Overdue actions',
    'KPI drops awaiting review',
    'Escalation step',
    'Escalation',
    'Core days used',
    'Allowance',
    'Support spend',
    'Budget',
  ];
  tableSheet(sheet, title, header);
  for (const a of dashboard.academies) {
    const next = a.nextMeeting;
    const row = sheet.addRow(
      asCells([
        a.name,
        ragLabel(a.rag),
        a.reasons.map((r) => r.text).join('; '),
        a.stage.label,
        a.riskBand ? riskBandLabel(a.riskBand) : '',
        a.ofsted.label,
        excelDate(a.ofsted.date),
        next ? next.abbreviation : 'None planned',
        excelDate(next?.date),
        next ? nameOf(next.chairId) : '',
        next ? next.papers.in : null,
        next ? next.papers.required : null,
        a.actions.open,
        a.actions.overdue,
        a.kpiDropsAwaitingReview,
        a.escalation.step,
        `${a.escalation.step} of ${a.escalation.of}: ${a.escalation.label}`,
        a.supportDays.coreUsed,
        a.supportDays.allowance,
        a.supportDays.spendPence / 100,
        a.supportDays.budgetPence / 100,
      ]),
    );
    row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[a.rag] } };
    for (const c of [7, 9]) row.getCell(c).numFmt = DATE_FORMAT;
    for (const c of [20, 21]) row.getCell(c).numFmt = POUNDS_FORMAT;
  }
  sheet.columns.forEach((c, i) => (c.width = i === 2 ? 60 : i === 0 ? 32 : 14));
}

/** One sheet per KPI: each academy's target and its value at every data point of the year, those below target shaded. */
function kpiSheets(book: Workbook, kpis: KpiSchools, taken: Set<string>): void {
  for (const m of kpis.measures) {
    const sheet = book.addWorksheet(sheetName(m.measure, taken));
    const unit = m.unit === 'percent' ? ' (%)' : '';
    tableSheet(sheet, `${m.measure}${unit}, ${kpis.academicYear}: ${m.higherIsBetter ? 'higher is better' : 'lower is better'}`, [
      'Academy',
      'Target',
      ...kpis.dataPoints.map((d) => d.label),
    ]);
    for (const s of m.schools) {
      const values = new Map(s.values.map((v) => [v.point, v]));
      const row = sheet.addRow(asCells([s.name, s.target, ...kpis.dataPoints.map((d) => values.get(d.number)?.value ?? null)]));
      kpis.dataPoints.forEach((d, i) => {
        if (values.get(d.number)?.belowTarget)
          row.getCell(3 + i).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS.red } };
      });
    }
    sheet.columns.forEach((c, i) => (c.width = i === 0 ? 32 : 14));
  }
}

/**
 * The board's workbook: a summary sheet (RAG counts and totals), the academies as the dashboard
 * shows them with real dates, and a sheet per KPI; every table filtered, frozen and set to print
 * landscape. Titled for the viewer: the trust's board, or a head's own academy.
 */
export async function buildBoardWorkbook(
  dashboard: Dashboard,
  nameOf: (id: string) => string,
  options: BoardWorkbookOptions = {},
): Promise<ArrayBuffer> {
  // exceljs is large; it loads only when someone exports.
  const ExcelJS = (await import('exceljs')).default;
  const scope = options.scope ?? 'trust';
  const title = workbookTitle(dashboard, scope);
  const book = new ExcelJS.Workbook();
  book.creator = dashboard.trust.name;
  book.title = title;
  summarySheet(book, dashboard, title, scope);
  academiesSheet(book, dashboard, title, nameOf);
  if (options.kpis) kpiSheets(book, options.kpis, new Set(['summary', 'academies']));
  return book.xlsx.writeBuffer();
}
