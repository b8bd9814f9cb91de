import type { LocalDate } from './local-date';
import { papersHaveFullLeadTime } from './paper-deadlines';
import { occupiedDays } from './planner-occupancy';
import { bothFree, footprint, isInSeptember, waitingKey, type Candidate, type Placement, type PlanState, type Todo } from './planner-todo';

/**
 * Choosing the day for one meeting: the rules for where a meeting should go when several days are
 * free (its timing window, an even weekly load for the chair, papers' full lead time, September for
 * the September meeting), and leaving the chair room for the meetings still waiting.
 */

/** Where a meeting's slot sits in its half term's school days (early / middle / late thirds). */
export function windowOf(n: number, timing: string): { from: number; to: number } {
  switch (timing) {
    case 'early':
      return { from: 0, to: Math.ceil(n / 3) };
    case 'middle':
      return { from: Math.floor(n / 3), to: Math.ceil((2 * n) / 3) };
    case 'late':
      return { from: Math.floor((2 * n) / 3), to: n };
    default:
      return { from: 0, to: n };
  }
}

// Scores for a candidate day (lower is better). A day outside the timing window costs one and a
// half meetings' worth of load, plus a little per school day away from it: so the planner keeps to
// the window until the chair's weeks there hold two meetings more than the week beside it, and a
// chair's weekly load never steps up by more than about two from one week to the next.
const PER_MEETING_THAT_WEEK = 10;
const OUTSIDE_THE_WINDOW = 15;
/** Papers due on the first day of the school year, short of their lead time (a meeting in the first days of September). */
const SHORT_PAPER_LEAD = 15;
/**
 * A day that leaves the chair's free days in pieces too short for a meeting still waiting (DSAT's
 * AIM needs its monitoring visit the school day before, so two days together) costs more than any
 * spread of load: a plan with every meeting in it beats an evenly spread one with a meeting left out.
 */
const LEAVES_NO_ROOM = 1000;

/** What a start day means for this meeting at its academy: the days it would hold, and whether its papers get their full lead time. */
export function candidateAt(state: PlanState, t: Todo, d: LocalDate): Candidate {
  let byKind = state.memo.get(t.cal);
  if (!byKind) state.memo.set(t.cal, (byKind = new Map<string, Map<string, Candidate>>()));
  const key = `${t.kind.id}|${t.req.days}`;
  let byDay = byKind.get(key);
  if (!byDay) byKind.set(key, (byDay = new Map<string, Candidate>()));
  let c = byDay.get(d);
  if (!c) byDay.set(d, (c = { held: occupiedDays(d, t.req.days, t.kind, t.cal), fullLead: papersHaveFullLeadTime(t.kind, d, t.cal) }));
  return c;
}

/** The placement starting on `d`, when the meeting can be held from it after today (whoever is busy). */
export function placementAt(state: PlanState, t: Todo, d: LocalDate): Placement | undefined {
  const { today } = state;
  if (today !== undefined && d <= today) return undefined;
  const { held } = candidateAt(state, t, d);
  if (!held || (today !== undefined && held[0]! <= today)) return undefined;
  return { start: d, held, own: held.slice(held.length - t.req.days) };
}

/** The school days of the meeting's half term at its academy. */
export const halfTermDays = (state: PlanState, t: Todo): LocalDate[] => t.cal.schoolDays(state.academicYear, t.req.slot.halfTerm);

/**
 * How many of `lengths` (days each meeting holds, longest first) no longer fit in the chair's free
 * runs of days, filling the longest first into the first run with room.
 */
function shortfall(runs: number[], lengths: readonly number[]): number {
  const room = [...runs];
  let short = 0;
  for (const len of lengths) {
    const i = room.findIndex((r) => r >= len);
    if (i < 0) short++;
    else room[i]! -= len;
  }
  return short;
}

/** The chair's runs of free school days in the half term after today, with `taken` counted as booked. */
function freeRuns(state: PlanState, chairId: string, days: readonly LocalDate[], taken: ReadonlySet<LocalDate> | undefined): number[] {
  const runs: number[] = [];
  let run = 0;
  for (const d of days) {
    const free = (state.today === undefined || d > state.today) && !taken?.has(d) && state.occ.bookingOn(chairId, d) === undefined;
    if (free) run++;
    else if (run > 0) {
      runs.push(run);
      run = 0;
    }
  }
  if (run > 0) runs.push(run);
  return runs;
}

/**
 * A scorer for how many of the chair's waiting meetings in this half term a placement would leave
 * without room, or undefined when there is room to spare whatever day is chosen (the usual case).
 */
function roomCheck(state: PlanState, t: Todo): ((held: readonly LocalDate[]) => number) | undefined {
  const others = (state.waiting.get(waitingKey(t.chairId, t.req.slot.halfTerm)) ?? []).filter((x) => x !== t);
  if (others.length === 0) return undefined;
  const lengths = others.map(footprint).sort((a, b) => b - a);
  const longest = Math.max(lengths[0]!, footprint(t));
  if (longest === 1) return undefined; // one-day meetings fit in any free day: nothing can be left in pieces
  const days = state.calendar.schoolDays(state.academicYear, t.req.slot.halfTerm);
  const free = freeRuns(state, t.chairId, days, undefined).reduce((a, b) => a + b, 0);
  const slack = free - footprint(t) - lengths.reduce((a, b) => a + b, 0);
  if (slack >= 2 * longest) return undefined;
  return (held) => shortfall(freeRuns(state, t.chairId, days, new Set(held)), lengths);
}

/**
 * The best start day for one meeting: only days after today when the chair and the academy are
 * free (a monitoring visit day included); a September meeting in September whenever a September
 * day is free; then by the scores above, then nearest the middle of the window, so the same input
 * always gives the same day.
 */
export function chooseDays(state: PlanState, t: Todo, allow: (p: Placement) => boolean = () => true): Placement | undefined {
  const days = halfTermDays(state, t);
  const w = windowOf(days.length, t.req.slot.timing);
  const centre = (w.from + w.to - 1) / 2;
  const room = roomCheck(state, t);
  let best: { p: Placement; tier: number; score: number } | undefined;
  days.forEach((d, i) => {
    const p = placementAt(state, t, d);
    if (!p || !bothFree(state.occ, t, p.held) || !allow(p)) return;
    const tier = t.september && !isInSeptember(d) ? 1 : 0;
    if (best && tier > best.tier) return;
    const outside = i < w.from ? w.from - i : i >= w.to ? i - w.to + 1 : 0;
    const score =
      state.occ.load(t.chairId, d) * PER_MEETING_THAT_WEEK +
      (outside > 0 ? OUTSIDE_THE_WINDOW + outside : 0) +
      (candidateAt(state, t, d).fullLead ? 0 : SHORT_PAPER_LEAD) +
      (room ? room(p.held) * LEAVES_NO_ROOM : 0) +
      Math.abs(i - centre) / (days.length + 1);
    if (!best || tier < best.tier || score < best.score) best = { p, tier, score };
  });
  return best?.p;
}
