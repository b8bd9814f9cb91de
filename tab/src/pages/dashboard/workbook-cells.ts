import type { Worksheet } from 'exceljs';
import { neutraliseCell } from '../../../../core/domain/spreadsheet-cells';

/*
 * What every sheet of the board's workbook shares: text cells that are never formulas, dates that
 * are real Excel dates (a board officer sorts and filters by them), a filter on the header row and a
 * page set up to print landscape on A4, one page wide, with the header row repeated.
 */

export type CellValue = string | number | Date | null;

export const FILLS = { red: 'FFF4CCCC', amber: 'FFFFE8B3', green: 'FFD6EFD6' } as const;
export const DATE_FORMAT = 'dd/mm/yyyy';
export const POUNDS_FORMAT = '"£"#,##0';

/** Every text cell as text, never a formula (an academy or action named `=HYPERLINK(…)`): the same rule as the CSV import and reports. */
export const asCells = (values: readonly CellValue[]): CellValue[] => values.map((v) => (typeof v === 'string' ? neutraliseCell(v) : v));

/** "2026-11-23" as the Excel date of that day (midnight UTC, which Excel stores as the day itself); none for none. */
export const excelDate = (d: string | undefined): Date | null => {
  const m = d ? /^(\d{4})-(\d{2})-(\d{2})/.exec(d) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
};

/** A sheet's name as Excel takes it: at most 31 characters, none of : \ / ? * [ ], and unique in the book. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean =
    wanted
      .replace(/[:\\/?*[\]]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'Sheet';
  let name = clean.slice(0, 31);
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${clean.slice(0, 31 - ` (${n})`.length)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

/** A title row above a bold header row, frozen under the header, with a filter on it and the page set up for printing. */
export function tableSheet(sheet: Worksheet, title: string, header: readonly string[]): void {
  sheet.addRow(asCells([title])).font = { bold: true, size: 14 };
  sheet.addRow([...header]).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: header.length } };
  printLandscape(sheet, '2:2');
}

export function printLandscape(sheet: Worksheet, repeatRows?: string): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: 'landscape',
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(repeatRows ? { printTitlesRow: repeatRows } : {}),
  };
}
