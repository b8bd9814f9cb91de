import * as chrono from 'chrono-node';
import { addDays, isoWeekday, type LocalDate } from '../../core/domain/local-date';
import { academicYearOf, type HalfTermDates } from '../../core/domain/school-year/school-calendar';
import type { DateRangeEntity } from './intents';

/** What dates are read against: today in England and the trust's half terms (this year and next). */
export interface DateContext {
  today: LocalDate;
  halfTerms: readonly HalfTermDates[];
}

/** A date range found in a message, with its character span. */
export interface DateMention extends DateRangeEntity {
  start: number;
  end: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number): LocalDate => `${y}-${pad(m)}-${pad(d)}`;
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const mondayOf = (d: LocalDate) => addDays(d, 1 - isoWeekday(d));

/** The half term holding today, or the next one when today is in a holiday. */
function currentOrNextHalfTerm(ctx: DateContext): HalfTermDates | undefined {
  return [...ctx.halfTerms].sort((a, b) => a.start.localeCompare(b.start)).find((h) => h.end >= ctx.today);
}
function halfTermAfter(ctx: DateContext, h: HalfTermDates | undefined): HalfTermDates | undefined {
  return h && [...ctx.halfTerms].sort((a, b) => a.start.localeCompare(b.start)).find((x) => x.start > h.end);
}
/** The two half terms of the term holding `h` (autumn is half terms 1–2 of its academic year, and so on). */
function termOf(ctx: DateContext, h: HalfTermDates): { start: LocalDate; end: LocalDate } {
  const same = ctx.halfTerms.filter((x) => x.term === h.term && academicYearOf(x.start) === academicYearOf(h.start));
  return {
    start: same.map((x) => x.start).sort()[0]!,
    end: same
      .map((x) => x.end)
      .sort()
      .at(-1)!,
  };
}
/** The end of the next term called `term` (autumn ends at Christmas, spring at Easter, summer at the summer holidays). */
function endOfNext(ctx: DateContext, term: HalfTermDates['term']): LocalDate | undefined {
  return ctx.halfTerms
    .filter((h) => h.term === term && h.halfTerm % 2 === 0 && h.end >= ctx.today)
    .map((h) => h.end)
    .sort()[0];
}

type Rule = { pattern: RegExp; range: (ctx: DateContext) => { from: LocalDate; to: LocalDate } | undefined };

/**
 * School phrases chrono-node does not know, read against the trust's calendar (the UK school year:
 * three terms, each split by a half-term holiday). "Before half term" runs from today to the last
 * day of the current half term; "after half term" is the next half term.
 */
const SCHOOL_RULES: Rule[] = [
  {
    pattern: /\b(?:before|by|until|till|up to|ahead of) (?:the )?half ?term\b/,
    range: (c) => ((h) => h && { from: c.today, to: h.end })(currentOrNextHalfTerm(c)),
  },
  {
    pattern: /\b(?:after|following|back from) (?:the )?half ?term\b|\bnext half ?term\b/,
    range: (c) => ((h) => h && { from: h.start, to: h.end })(halfTermAfter(c, currentOrNextHalfTerm(c))),
  },
  { pattern: /\b(?:this|the current) half ?term\b/, range: (c) => ((h) => h && { from: c.today, to: h.end })(currentOrNextHalfTerm(c)) },
  {
    pattern: /\b(?:before|by|until|till) (?:the )?(?:christmas|xmas)(?: holidays?| break)?\b/,
    range: (c) => ((end) => (end ? { from: c.today, to: end } : undefined))(endOfNext(c, 'autumn')),
  },
  {
    pattern: /\b(?:before|by|until|till) (?:the )?easter(?: holidays?| break)?\b/,
    range: (c) => ((end) => (end ? { from: c.today, to: end } : undefined))(endOfNext(c, 'spring')),
  },
  {
    pattern: /\b(?:before|by|until|till) (?:the )?(?:summer|end of the year)(?: holidays?| break)?\b/,
    range: (c) => ((end) => (end ? { from: c.today, to: end } : undefined))(endOfNext(c, 'summer')),
  },
  {
    pattern: /\b(?:this|the current) term\b|\b(?:before|by) the end of (?:the )?term\b/,
    range: (c) => ((h) => h && { from: c.today, to: termOf(c, h).end })(currentOrNextHalfTerm(c)),
  },
  {
    pattern: /\bnext term\b/,
    range: (c) => {
      const h = currentOrNextHalfTerm(c);
      if (!h) return undefined;
      const after = c.halfTerms.filter((x) => x.start > termOf(c, h).end).sort((a, b) => a.start.localeCompare(b.start))[0];
      if (!after) return undefined;
      const term = termOf(c, after);
      return { from: term.start, to: term.end };
    },
  },
  {
    pattern: /\bthis (?:academic |school )?year\b/,
    range: (c) => ((end) => (end ? { from: c.today, to: end } : undefined))(endOfNext(c, 'summer')),
  },
  // Weeks run Monday to Sunday in England; chrono reads "this week" as a single day.
  {
    pattern: /\bthe week after next\b|\bweek after next\b/,
    range: (c) => ((m) => ({ from: m, to: addDays(m, 6) }))(addDays(mondayOf(c.today), 14)),
  },
  {
    pattern: /\bthis week(?:'s)?\b|\bthe rest of the week\b/,
    range: (c) => ({ from: mondayOf(c.today), to: addDays(mondayOf(c.today), 6) }),
  },
  { pattern: /\bnext week(?:'s)?\b/, range: (c) => ({ from: addDays(mondayOf(c.today), 7), to: addDays(mondayOf(c.today), 13) }) },
  { pattern: /\blast week(?:'s)?\b/, range: (c) => ({ from: addDays(mondayOf(c.today), -7), to: addDays(mondayOf(c.today), -1) }) },
  {
    pattern: /\bthis month(?:'s)?\b/,
    range: (c) =>
      ((y, m) => ({ from: ymd(y, m, 1), to: ymd(y, m, lastDayOfMonth(y, m)) }))(Number(c.today.slice(0, 4)), Number(c.today.slice(5, 7))),
  },
];

// chrono-node reads these as dates, but in a question about schools they are not: "what's green right now".
const NOT_DATES = /^(?:now|right now|just now|at the moment|currently|\d+|the \d+|[a-z]{1,2})$/;

/**
 * The first date or range a message names: the school calendar's phrases first, then chrono-node's
 * British English parser (`chrono.en.GB`: day before month, "next Thursday"), forward from today.
 * A month alone ("in January") is that whole month; a day is that day. `text` is normalised chat
 * text (`normaliseChatText`: lower case), and the span is reported in it.
 */
export function findDateMention(text: string, ctx: DateContext): DateMention | undefined {
  for (const rule of SCHOOL_RULES) {
    const m = rule.pattern.exec(text);
    if (!m) continue;
    const range = rule.range(ctx);
    if (range) return { ...range, said: m[0], start: m.index, end: m.index + m[0].length };
  }
  const reference = { instant: new Date(`${ctx.today}T12:00:00Z`), timezone: 'Europe/London' };
  for (const r of chrono.en.GB.parse(text, reference, { forwardDate: true })) {
    if (NOT_DATES.test(r.text)) continue;
    const range = rangeOf(r);
    if (range) return { ...range, said: r.text, start: r.index, end: r.index + r.text.length };
  }
  return undefined;
}

function rangeOf(r: chrono.ParsedResult): { from: LocalDate; to: LocalDate } | undefined {
  const s = r.start;
  const y = s.get('year');
  const m = s.get('month');
  const d = s.get('day');
  if (y === null || m === null || d === null) return undefined;
  if (s.isCertain('day') || s.isCertain('weekday')) {
    const from = ymd(y, m, d);
    const e = r.end;
    const to = e && e.get('year') !== null ? ymd(e.get('year')!, e.get('month')!, e.get('day')!) : from;
    return to >= from ? { from, to } : { from, to: from };
  }
  if (s.isCertain('month')) return { from: ymd(y, m, 1), to: ymd(y, m, lastDayOfMonth(y, m)) };
  return undefined;
}
