import { addDays, type LocalDate } from '../../domain/local-date';
import { academicYearOf, type SchoolCalendar, type Term } from '../../domain/school-year/school-calendar';

/** One term of the school year, as the board pack covers it: autumn (half terms 1–2), spring (3–4), summer (5–6). */
export interface PackTerm {
  term: Term;
  academicYear: string;
  /** "Autumn term 2026/27". */
  label: string;
  /** The first day of the term's first half term. */
  start: LocalDate;
  /** The last day of the term's second half term. */
  end: LocalDate;
}

const TERM_WORDS: Record<Term, string> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };

/** The terms of a year in order, from the trust's term dates (the calendar's defaults where the trust set none). */
export function termsOf(calendar: SchoolCalendar, academicYear: string): PackTerm[] {
  if (!calendar.hasYear(academicYear)) return [];
  const halves = calendar.halfTerms(academicYear);
  return (['autumn', 'spring', 'summer'] as const).map((term) => {
    const own = halves.filter((h) => h.term === term);
    return { term, academicYear, label: `${TERM_WORDS[term]} term ${academicYear}`, start: own[0]!.start, end: own[own.length - 1]!.end };
  });
}

/**
 * The term a date belongs to: the one it falls in, or, in a holiday, the term just ended (a pack
 * drawn up over Easter reports on the spring term). Before the autumn term starts, the autumn term.
 */
export function termOf(calendar: SchoolCalendar, date: LocalDate): PackTerm | undefined {
  const terms = termsOf(calendar, academicYearOf(date));
  return [...terms].reverse().find((t) => t.start <= date) ?? terms[0];
}

/**
 * How many calendar days before the board meets its pack is generated. Waterton's board has reports
 * "3 times a year" and Schoolsworks' DTL reports every half term (seeds 000 and 003); neither names a
 * lead, so a week and a half, the longest paper lead the presets give (DSAT: papers 10 days before).
 */
export const BOARD_PACK_LEAD_DAYS = 10;

/**
 * When the board meets about a term, for a trust whose model names no board meeting of its own
 * (DSAT's names moderation and network meetings only): taken as the term's last day. Where the model
 * has one, the pack follows the planned meeting instead (board-meetings.ts).
 */
export const boardDateFor = (term: PackTerm): LocalDate => term.end;

/** The day the pack for a term is due to be generated. */
export const packDueOn = (term: PackTerm, leadDays = BOARD_PACK_LEAD_DAYS): LocalDate => addDays(boardDateFor(term), -leadDays);

/** The papers folder a term's board pack goes into: "board-2026-27-autumn" (a folder name SharePoint and a disk both take). */
export const boardFolderOf = (term: PackTerm): string => `board-${term.academicYear.replace('/', '-')}-${term.term}`;
