import type { Dashboard } from '../../api/api-types';
import { formatDate } from '../../format/dates';
import { ragLabel, riskBandLabel } from '../../format/words';
import { neutraliseCell } from '../../../../core/domain/spreadsheet-cells';

const FILLS = { red: 'FFF4CCCC', amber: 'FFFFE8B3', green: 'FFD6EFD6' } as const;

/** Every text cell as text, never a formula (an academy or action named `=HYPERLINK(…)`): the same rule as the CSV import and reports. */
const asCells = (values: readonly (string | number)[]): (string | number)[] =>
  values.map((v) => (typeof v === 'string' ? neutraliseCell(v) : v));

/** The board's workbook: one row per academy, as the dashboard shows it, with RAG reasons in words. */
export async function buildBoardWorkbook(dashboard: Dashboard, nameOf: (id: string) => string): Promise<ArrayBuffer> {
  // exceljs is large; it loads only when someone exports.
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  book.creator = dashboard.trust.name;
  const sheet = book.addWorksheet('Trust dashboard', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow(
    asCells([`${dashboard.trust.name}: trust dashboard, ${dashboard.trust.academicYear}, as at ${formatDate(dashboard.trust.today)}`]),
  ).font = { bold: true, size: 14 };
  const header = sheet.addRow([
    'Academy',
    'RAG',
    'Reasons',
    'Stage',
    'Risk band',
    'Ofsted grade',
    'Ofsted date',
    'Next meeting',
    'Chair',
    'Papers',
    'Open actions',
    'Overdue actions',
    'KPI drops awaiting review',
    'Escalation',
    'Core days used',
    'Allowance',
    'Support spend',
    'Budget',
  ]);
  header.font = { bold: true };
  for (const a of dashboard.academies) {
    const row = sheet.addRow(
      asCells([
        a.name,
        ragLabel(a.rag),
        a.reasons.map((r) => r.text).join('; '),
        a.stage.label,
        riskBandLabel(a.riskBand),
        a.ofsted.label,
        a.ofsted.date ? formatDate(a.ofsted.date) : '',
        a.nextMeeting ? `${a.nextMeeting.abbreviation} ${formatDate(a.nextMeeting.date)}` : 'none planned',
        a.nextMeeting ? nameOf(a.nextMeeting.chairId) : '',
        a.nextMeeting ? `${a.nextMeeting.papers.in} of ${a.nextMeeting.papers.required} in` : '',
        a.actions.open,
        a.actions.overdue,
        a.kpiDropsAwaitingReview,
        `${a.escalation.step} of ${a.escalation.of}: ${a.escalation.label}`,
        a.supportDays.coreUsed,
        a.supportDays.allowance,
        a.supportDays.spendPence / 100,
        a.supportDays.budgetPence / 100,
      ]),
    );
    row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[a.rag] } };
    row.getCell(17).numFmt = '"£"#,##0';
    row.getCell(18).numFmt = '"£"#,##0';
  }
  sheet.columns.forEach((c, i) => (c.width = i === 2 ? 60 : i === 0 ? 32 : 16));
  return book.xlsx.writeBuffer();
}
