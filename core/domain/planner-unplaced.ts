import { addDays, isWeekend, type LocalDate } from './local-date';
import { formatLongDate } from './london-time';
import { placementAt } from './planner-day-choice';
import { academyKey, type Booking } from './planner-occupancy';
import type { PlanState, Todo } from './planner-todo';

/**
 * Why a meeting has no day: every weekday of its half term, with what stopped it starting there.
 * A trust asked "place every meeting when the chair and the school have free school days; when it
 * truly cannot, say exactly why" (issue 16), so the planner names the day and who or what held it.
 */

export type BlockedBy = 'passed' | 'bank-holiday' | 'closure' | 'no-visit-day' | 'past-half-term-end' | 'chair-busy' | 'academy-busy';

/** One start day the planner tried, and what stopped the meeting starting there. */
export interface TriedDay {
  date: LocalDate;
  blockedBy: BlockedBy;
  /** The same in words: "Graham Fielding has the AIM at Oakfield Primary". */
  detail: string;
  /** The meeting in the way, when it is one already stored. */
  meetingId?: string;
}

/** How the explanation names people, academies and kinds of meeting. */
export interface PlannerNames {
  person(id: string): string;
  academy(id: string): string;
  kind(id: string): string;
}

/** People and academies by name, meeting kinds by abbreviation ("AIM"); an id the plan does not know reads as itself. */
export function plannerNames(
  people: readonly { id: string; name: string }[],
  academies: readonly { id: string; name: string }[],
  kinds: readonly { id: string; abbreviation: string }[],
): PlannerNames {
  const who = new Map(people.map((p) => [p.id, p.name]));
  const where = new Map(academies.map((a) => [a.id, a.name]));
  const what = new Map(kinds.map((k) => [k.id, k.abbreviation]));
  return { person: (id) => who.get(id) ?? id, academy: (id) => where.get(id) ?? id, kind: (id) => what.get(id) ?? id };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function thing(b: Booking, names: PlannerNames): string {
  const what = `${names.kind(b.kind)} at ${names.academy(b.academyId)}`;
  return b.visit ? `the monitoring visit before the ${what} on ${formatLongDate(b.date)}` : `the ${what}`;
}

/** What stopped the meeting starting on `d`, or undefined when nothing does (it could go there). */
function blockOn(state: PlanState, t: Todo, d: LocalDate, names: PlannerNames): Omit<TriedDay, 'date'> | undefined {
  const { today } = state;
  if (today !== undefined && d <= today) return { blockedBy: 'passed', detail: 'already passed' };
  if (t.cal.isBankHoliday(d)) return { blockedBy: 'bank-holiday', detail: t.cal.bankHolidayName(d) ?? 'a bank holiday' };
  const closure = t.cal.closureOn(d);
  if (closure)
    return {
      blockedBy: 'closure',
      detail: closure.academyId
        ? `${names.academy(closure.academyId)} is closed: ${closure.reason}`
        : `the trust is closed: ${closure.reason}`,
    };
  const p = placementAt(state, t, d);
  if (!p) {
    if (t.kind.monitoringVisitDayBefore && !t.cal.previousSchoolDay(d))
      return {
        blockedBy: 'no-visit-day',
        detail: 'the first school day of the half term: no school day before it for the monitoring visit',
      };
    if (t.kind.monitoringVisitDayBefore)
      return { blockedBy: 'passed', detail: 'the school day before it, for the monitoring visit, has already passed' };
    return { blockedBy: 'past-half-term-end', detail: `a ${t.req.days}-day meeting from here would run past the end of the half term` };
  }
  const chair = state.occ.clash(t.chairId, p.held);
  if (chair) {
    const on = chair.day === d ? '' : ` on ${formatLongDate(chair.day)}`;
    return {
      blockedBy: 'chair-busy',
      detail: `${names.person(t.chairId)} has ${thing(chair.booking, names)}${on}`,
      ...(chair.booking.meetingId ? { meetingId: chair.booking.meetingId } : {}),
    };
  }
  const academy = state.occ.clash(academyKey(t.academy.id), p.held);
  if (academy) {
    const on = academy.day === d ? '' : ` on ${formatLongDate(academy.day)}`;
    return {
      blockedBy: 'academy-busy',
      detail: `${names.academy(t.academy.id)} has ${thing(academy.booking, names)}${on}`,
      ...(academy.booking.meetingId ? { meetingId: academy.booking.meetingId } : {}),
    };
  }
  return undefined;
}

/** Every weekday of the meeting's half term and what blocked it; weekends are never tried. */
export function triedDays(state: PlanState, t: Todo, names: PlannerNames): TriedDay[] {
  const half = t.cal.halfTerms(state.academicYear).find((h) => h.halfTerm === t.req.slot.halfTerm)!;
  const out: TriedDay[] = [];
  for (let d = half.start; d <= half.end; d = addDays(d, 1)) {
    if (isWeekend(d)) continue;
    const block = blockOn(state, t, d, names);
    if (block) out.push({ date: d, ...block });
  }
  return out;
}

/** The sentence a person reads: what was tried and what blocked it, counted. */
export function unplacedReason(t: Todo, tried: readonly TriedDay[], names: PlannerNames): string {
  const count = (b: BlockedBy) => tried.filter((x) => x.blockedBy === b).length;
  const parts = [
    count('chair-busy') && `${names.person(t.chairId)} (the chair) is booked on ${count('chair-busy')}`,
    count('academy-busy') && `${names.academy(t.academy.id)} is booked on ${count('academy-busy')}`,
    count('closure') && `${plural(count('closure'), 'is a closure', 'are closures')}`,
    count('bank-holiday') && `${plural(count('bank-holiday'), 'is a bank holiday', 'are bank holidays')}`,
    count('no-visit-day') && `${count('no-visit-day')} opens the half term, with no school day before it for the monitoring visit`,
    count('past-half-term-end') && `${count('past-half-term-end')} too near its end for a ${t.req.days}-day meeting`,
    count('passed') && `${count('passed')} already passed`,
  ].filter((x): x is string => typeof x === 'string');
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'none was free');
  return `No school day in half term ${t.req.slot.halfTerm} when the chair and the academy are both free. Of its ${plural(tried.length, 'weekday')}, ${list}.`;
}
