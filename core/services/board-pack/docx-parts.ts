import { HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { LocalDate } from '../../domain/local-date';
import { RAG_LABELS } from '../../domain/format/labels';
import { formatLongDate, formatLondonDateTime } from '../../domain/london-time';
import type { RagLevel } from '../../domain/models/improvement-model.schema';
import type { GradeTone } from '../../domain/report-card-labels';

/*
 * The pieces the board pack is built from. Every piece of text goes in as a `TextRun`, which docx
 * writes as escaped XML text: a head's note reading `<w:p>` or `=HYPERLINK(…)` is printed as typed,
 * never read as markup or a field.
 */

/** RAG levels in the product's one set of words (core/domain/format). */
export const RAG_WORDS: Record<RagLevel, string> = RAG_LABELS;
/** Cell shades as the dashboard's workbook uses them. */
export const RAG_FILL: Record<RagLevel, string> = { red: 'F4CCCC', amber: 'FFE8B3', green: 'D6EFD6' };
export const TONE_FILL: Record<GradeTone, string> = { danger: 'F4CCCC', warning: 'FFE8B3', success: 'D6EFD6', brand: 'CFE4FA' };

export const heading = (text: string, level: 1 | 2 | 3 = 2): Paragraph =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    // A heading never ends a page with its table or chart on the next.
    keepNext: true,
    keepLines: true,
    children: [new TextRun(text)],
  });

export const para = (text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph =>
  new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text, ...options })] });

export const bullet = (text: string): Paragraph => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] });

export interface Cell {
  text: string;
  /** A hex shade, e.g. RAG_FILL.red. */
  fill?: string;
  bold?: boolean;
}

const cellOf = (c: string | Cell, header: boolean): TableCell => {
  const cell = typeof c === 'string' ? { text: c } : c;
  return new TableCell({
    ...(cell.fill
      ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: cell.fill } }
      : header
        ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEBE9' } }
        : {}),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ children: [new TextRun({ text: cell.text, bold: header || cell.bold === true, size: 18 })] })],
  });
};

/** A full-width table with a shaded header row; `widths` are percentages of the page width. */
export function table(header: readonly string[], rows: readonly (readonly (string | Cell)[])[], widths?: readonly number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(widths ? { columnWidths: widths.map((w) => Math.round(w * 90)) } : {}),
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cellOf(h, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cellOf(c, false)) })),
    ],
  });
}

/** "Tuesday 24 November 2026". */
export const dateWords = (d: LocalDate): string => formatLongDate(d);
/** "Tuesday 24 November 2026 at 09:30" in UK time. */
export const timeWords = (utc: string): string => formatLondonDateTime(utc);

const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
export const money = (pence: number): string => POUNDS.format(Math.round(pence / 100));

/** "Spend £1,050 of £4,000 (26%)", or "no budget set". */
export const spendWords = (spendPence: number, budgetPence: number): string =>
  budgetPence > 0
    ? `${money(spendPence)} of ${money(budgetPence)} (${Math.round((spendPence / budgetPence) * 100)}%)`
    : `${money(spendPence)}; no improvement budget set`;

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A KPI value with its unit: "72%", "104.5", "3". */
export const kpiValue = (v: number, unit: 'percent' | 'score' | 'count'): string => (unit === 'percent' ? `${v}%` : String(v));
