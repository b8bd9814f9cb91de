import { parse } from 'csv-parse/sync';
import { neutraliseCell } from './spreadsheet-cells';

/** One data row as the spreadsheet numbers it: the header is row 1, so the first data row is row 2. */
export interface CsvRow {
  row: number;
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
}

export type CsvRead = { ok: true; table: CsvTable } | { ok: false; message: string };

const looksBinary = (text: string): boolean => text.startsWith('PK\u0003\u0004') || text.includes('\u0000');

/**
 * Reads a CSV as exported by Excel or an MIS: a byte-order mark, quoted commas and CRLF line ends
 * are all fine (csv-parse handles them); blank lines and rows of empty cells are skipped but keep
 * their spreadsheet row numbers, so "row 7" in a report is row 7 in Excel. A data cell a spreadsheet
 * would run as a formula (`=HYPERLINK(…)`, `+cmd|…`) is kept as text, with Excel's leading `'`, so
 * it is stored, shown and exported as text (spreadsheet-cells.ts).
 */
export function readCsv(text: string): CsvRead {
  if (looksBinary(text))
    return {
      ok: false,
      message: 'this looks like an Excel workbook or other binary file, not CSV: in Excel use File › Save As › CSV UTF-8',
    };
  if (text.replace(/^\uFEFF/, '').trim() === '') return { ok: false, message: 'the file is empty' };
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (e) {
    return { ok: false, message: `not readable as CSV (${e instanceof Error ? e.message : String(e)})` };
  }
  if (records.length === 0) return { ok: false, message: 'the file is empty' };
  // csv-parse's own line count drifts after a quoted cell holding CRLF, so count lines from the bytes
  // each record consumed: skipped blank lines first, then the record (which may span lines).
  const bytes = new TextEncoder().encode(text);
  const utf8 = new TextDecoder();
  let line = 1;
  let at = 0;
  const numbered = records.map((r) => {
    const segment = utf8.decode(bytes.subarray(at, r.info.bytes));
    at = r.info.bytes;
    const blank = /^(?:[ \t]*(?:\r\n|\n|\r))*/.exec(segment)?.[0] ?? '';
    const start = line + countBreaks(blank);
    line += countBreaks(segment);
    return { row: start, cells: r.record.map(neutraliseCell) };
  });
  const [header, ...data] = numbered;
  return { ok: true, table: { headers: header!.cells, rows: data.filter((r) => r.cells.some((c) => c !== '')) } };
}

const countBreaks = (s: string): number => s.match(/\r\n|\n|\r/g)?.length ?? 0;

/** A CSV text from header and rows, quoting only where needed, every formula-like cell as text (for the rejected-rows report). */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  const quoted = (c: string) => (/[",\r\n]/.test(c) || /^\s|\s$/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  const cell = (c: string) => quoted(neutraliseCell(c));
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
