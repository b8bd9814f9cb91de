import { format, isValid, parse } from 'date-fns';
import { enGB } from 'date-fns/locale';
import { formatLongDate } from '../london-time';
import type { LocalDate } from '../local-date';
import { readCsv } from '../onboarding-csv';
import { academicYearDatesSchema, type AcademicYearDates, type HalfTermDates, type HalfTermNumber, type Term } from './school-calendar';

/**
 * Term dates from a local authority's published list, one row per half term, as a trust admin
 * would copy it into a spreadsheet:
 *
 *   Academic year, Term,     Starts,           Ends
 *   2026/27,       Autumn 1, 02/09/2026,       23/10/2026
 *   2026/27,       Autumn 2, Mon 2 Nov 2026,   18 December 2026
 *
 * Dates are read the English way (day first). Each bad cell is reported with its row, column and
 * value; the good rows still import, each over the year's current dates, so one typo in summer
 * does not hold back autumn. A year is imported only when its six half terms then make sense.
 */

export const HALF_TERM_NAMES = ['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2'] as const;
const TERM_OF: readonly Term[] = ['autumn', 'autumn', 'spring', 'spring', 'summer', 'summer'];

export const halfTermName = (n: number): string => HALF_TERM_NAMES[n - 1] ?? `Half term ${n}`;

/** The columns, each with the other headings local authorities and spreadsheets use for it. */
export const TERM_DATES_COLUMNS = {
  academicYear: { heading: 'Academic year', also: ['year', 'school year'] },
  term: { heading: 'Term', also: ['half term', 'half-term', 'term name'] },
  starts: { heading: 'Starts', also: ['start', 'start date', 'from', 'first day', 'begins'] },
  ends: { heading: 'Ends', also: ['end', 'end date', 'to', 'last day', 'finishes'] },
} as const;
type Column = keyof typeof TERM_DATES_COLUMNS;

/** A cell the import could not use. */
export interface RejectedCell {
  /** The row as the spreadsheet numbers it (the header is row 1); absent for a problem with a whole year. */
  row?: number;
  column: string;
  value: string;
  message: string;
}

/** One half term's dates, from and to, in a year the import changes. */
export interface HalfTermChange {
  halfTerm: HalfTermNumber;
  name: string;
  from?: { start: LocalDate; end: LocalDate };
  to: { start: LocalDate; end: LocalDate };
}

export interface YearImport {
  academicYear: string;
  /** The six half terms after the import (when it can be imported). */
  dates?: AcademicYearDates;
  changes: HalfTermChange[];
  importable: boolean;
}

export type TermDatesCsv = { ok: true; years: YearImport[]; rejected: RejectedCell[] } | { ok: false; problem: string };

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** "2026/27", "2026-27", "2026/2027", "2026 to 2027" → "2026/27". */
export function readAcademicYear(value: string): string | undefined {
  const m = /^(\d{4})\s*(?:\/|-|–|to)\s*(\d{2}|\d{4})$/.exec(value.trim());
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2]!.length === 4 ? Number(m[2]) : Math.floor((start + 1) / 100) * 100 + Number(m[2]);
  return end === start + 1 ? `${start}/${String(end % 100).padStart(2, '0')}` : undefined;
}

/** "Autumn 1", "autumn term 2", "Spring (first half)", "Summer second half", "Half term 5" → the half term's number. */
export function readHalfTerm(value: string): HalfTermNumber | undefined {
  const v = norm(value).replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  const numbered = /^half[ -]?term (\d)$/.exec(v);
  if (numbered) return Number(numbered[1]) >= 1 && Number(numbered[1]) <= 6 ? (Number(numbered[1]) as HalfTermNumber) : undefined;
  const m = /^(autumn|spring|summer)(?: term)? ?(1|2|first half|second half|one|two)$/.exec(v);
  if (!m) return undefined;
  const term = ['autumn', 'spring', 'summer'].indexOf(m[1]!);
  const second = m[2] === '2' || m[2] === 'second half' || m[2] === 'two';
  return (term * 2 + (second ? 2 : 1)) as HalfTermNumber;
}

const DATE_FORMATS = [
  'd/M/yyyy',
  'd/M/yy',
  'd-M-yyyy',
  'd.M.yyyy',
  'd MMMM yyyy',
  'd MMM yyyy',
  'EEEE d MMMM yyyy',
  'EEE d MMM yyyy',
  'EEEE d MMM yyyy',
  'EEE d MMMM yyyy',
  'yyyy-MM-dd',
];

/** An English date as people write it: 03/09/2026, 3 September 2026, Wed 3rd Sept 2026, or 2026-09-03. */
export function readEnglishDate(value: string): LocalDate | undefined {
  const v = value
    .trim()
    .replace(/,/g, ' ')
    .replace(/(\d)(st|nd|rd|th)\b/gi, '$1')
    .replace(/\bSept\b/gi, 'Sep')
    .replace(/\s+/g, ' ');
  for (const f of DATE_FORMATS) {
    const d = parse(v, f, new Date(2000, 0, 1), { locale: enGB });
    if (isValid(d) && d.getFullYear() >= 2000 && d.getFullYear() < 2100) return format(d, 'yyyy-MM-dd');
  }
  return undefined;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** When a date names its weekday and that is not the date's (Wed 3 Sep 2026 was a Thursday): which half is the typo is the person's call. */
export function weekdayMismatch(value: string, date: LocalDate): string | undefined {
  const named = /^\s*([a-z]{3})[a-z]*\b/i.exec(value)?.[1]?.toLowerCase();
  if (!named || !WEEKDAYS.includes(named)) return undefined;
  const d = parse(date, 'yyyy-MM-dd', new Date(2000, 0, 1));
  const actual = format(d, 'EEEE', { locale: enGB });
  if (actual.slice(0, 3).toLowerCase() === named) return undefined;
  const said = format(parse(named, 'EEE', d, { locale: enGB }), 'EEEE', { locale: enGB });
  return `${format(d, 'd MMMM yyyy')} is a ${actual}, not a ${said}: check the day or the date`;
}

type GoodRow = {
  row: number;
  academicYear: string;
  halfTerm: HalfTermNumber;
  start: LocalDate;
  end: LocalDate;
  cells: Record<Column, string>;
};

/** Reads the CSV against the year's current dates (`current`), without changing anything. */
export function readTermDatesCsv(text: string, current: (academicYear: string) => AcademicYearDates | undefined): TermDatesCsv {
  const read = readCsv(text);
  if (!read.ok) return { ok: false, problem: read.message };
  const { headers, rows } = read.table;
  const index = {} as Record<Column, number>;
  for (const [column, spec] of Object.entries(TERM_DATES_COLUMNS) as [Column, (typeof TERM_DATES_COLUMNS)[Column]][]) {
    const i = headers.findIndex((h) => norm(h) === norm(spec.heading) || (spec.also as readonly string[]).includes(norm(h)));
    if (i < 0)
      return {
        ok: false,
        problem: `there is no “${spec.heading}” column; the columns are ${Object.values(TERM_DATES_COLUMNS)
          .map((c) => c.heading)
          .join(', ')}`,
      };
    index[column] = i;
  }
  const rejected: RejectedCell[] = [];
  const good: GoodRow[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const cells = Object.fromEntries((Object.keys(index) as Column[]).map((c) => [c, r.cells[index[c]] ?? ''])) as Record<Column, string>;
    const bad = (column: Column, message: string) =>
      rejected.push({ row: r.row, column: TERM_DATES_COLUMNS[column].heading, value: cells[column], message });
    const academicYear = readAcademicYear(cells.academicYear);
    const halfTerm = readHalfTerm(cells.term);
    const start = readEnglishDate(cells.starts);
    const end = readEnglishDate(cells.ends);
    if (!academicYear) bad('academicYear', 'expected an academic year such as 2026/27');
    if (!halfTerm) bad('term', 'expected a half term such as Autumn 1 or Spring 2');
    if (!start) bad('starts', 'expected a date such as 02/09/2026 (day first) or 2 September 2026');
    if (!end) bad('ends', 'expected a date such as 23/10/2026 (day first) or 23 October 2026');
    const wrongDay = (start && weekdayMismatch(cells.starts, start)) || (end && weekdayMismatch(cells.ends, end));
    if (start && weekdayMismatch(cells.starts, start)) bad('starts', weekdayMismatch(cells.starts, start)!);
    if (end && weekdayMismatch(cells.ends, end)) bad('ends', weekdayMismatch(cells.ends, end)!);
    if (!academicYear || !halfTerm || !start || !end || wrongDay) continue;
    if (end < start) {
      bad('ends', `${halfTermName(halfTerm)} cannot end (${formatLongDate(end)}) before it starts (${formatLongDate(start)})`);
      continue;
    }
    const key = `${academicYear}/${halfTerm}`;
    const twice = seen.get(key);
    if (twice !== undefined) {
      bad('term', `${halfTermName(halfTerm)} ${academicYear} is already on row ${twice}`);
      continue;
    }
    seen.set(key, r.row);
    good.push({ row: r.row, academicYear, halfTerm, start, end, cells });
  }

  const years: YearImport[] = [];
  for (const academicYear of [...new Set(good.map((g) => g.academicYear))].sort()) {
    const mine = good.filter((g) => g.academicYear === academicYear);
    const before = current(academicYear);
    const halfTerms: (HalfTermDates | undefined)[] = [1, 2, 3, 4, 5, 6].map((n) => {
      const row = mine.find((g) => g.halfTerm === n);
      if (row) return { halfTerm: n as HalfTermNumber, term: TERM_OF[n - 1]!, start: row.start, end: row.end };
      return before?.halfTerms.find((h) => h.halfTerm === n);
    });
    const changes: HalfTermChange[] = mine
      .sort((a, b) => a.halfTerm - b.halfTerm)
      .map((g) => {
        const was = before?.halfTerms.find((h) => h.halfTerm === g.halfTerm);
        return {
          halfTerm: g.halfTerm,
          name: halfTermName(g.halfTerm),
          ...(was ? { from: { start: was.start, end: was.end } } : {}),
          to: { start: g.start, end: g.end },
        };
      })
      .filter((c) => !c.from || c.from.start !== c.to.start || c.from.end !== c.to.end);
    const missing = halfTerms.flatMap((h, i) => (h ? [] : [halfTermName(i + 1)]));
    if (missing.length > 0) {
      rejected.push({
        column: TERM_DATES_COLUMNS.term.heading,
        value: academicYear,
        message: `${academicYear} is not imported: it has no row for ${missing.join(', ')}, and the app has no dates for that year to keep`,
      });
      years.push({ academicYear, changes, importable: false });
      continue;
    }
    const dates = { academicYear, halfTerms: halfTerms as HalfTermDates[] };
    const check = academicYearDatesSchema.safeParse(dates);
    if (!check.success) {
      for (const issue of check.error.issues) {
        const [, i, field] = issue.path;
        const n = typeof i === 'number' ? i + 1 : undefined;
        const row = mine.find((g) => g.halfTerm === n);
        const before = n !== undefined ? mine.find((g) => g.halfTerm === n - 1) : undefined;
        if (!row && field === 'start' && before && n !== undefined) {
          // A kept start overlapped by the row before it: the row is what changed, so it is the one named.
          const kept = halfTerms[n - 1]!;
          rejected.push({
            row: before.row,
            column: TERM_DATES_COLUMNS.ends.heading,
            value: before.cells.ends,
            message: `${academicYear} is not imported: ${halfTermName(n - 1)} would end (${formatLongDate(before.end)}) after ${halfTermName(n)} starts (${formatLongDate(kept.start)})`,
          });
          continue;
        }
        const column: Column = field === 'end' ? 'ends' : field === 'start' ? 'starts' : 'term';
        rejected.push({
          ...(row ? { row: row.row } : {}),
          column: TERM_DATES_COLUMNS[column].heading,
          value: row ? row.cells[column] : academicYear,
          message: `${academicYear} is not imported: ${n ? `${halfTermName(n)}: ` : ''}${issue.message}${row ? '' : ' (a date the import would have kept)'}`,
        });
      }
      years.push({ academicYear, changes, importable: false });
      continue;
    }
    years.push({ academicYear, dates, changes, importable: true });
  }
  return { ok: true, years, rejected };
}
