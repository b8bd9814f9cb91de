import type { LocalDate } from './local-date';
import { halfTermDays, placementAt } from './planner-day-choice';
import { academyKey } from './planner-occupancy';
import { bothFree, isInSeptember, place, unplace, type Placement, type PlanState, type Todo } from './planner-todo';

/**
 * Making room for a meeting that found no free day: the chair's other meetings in that half term
 * are shifted along (earlier, later, or apart either side of the day) until the meeting fits, the
 * way a person with a diary would slide a few meetings by a day to fit one more in. Only meetings
 * this plan is placing move; held, past and pinned ones never do. Of the ways that work, the one
 * moving the fewest existing meetings, then the fewest at all, wins.
 */

type Direction = 'earlier' | 'later' | 'apart';
const DIRECTIONS: readonly Direction[] = ['later', 'earlier', 'apart'];

/** Bounds the work of one repair, so a trust of any size plans in bounded time. */
const MAX_TRIES_PER_MEETING = 400;

interface Fit {
  at: Placement;
  moves: Map<Todo, Placement>;
  existingMoved: number;
  september: boolean;
  distance: number;
}

/** The first placement of `m` after (or before) `was` with its chair and academy free. */
function shifted(state: PlanState, m: Todo, was: LocalDate, direction: 'earlier' | 'later'): Placement | undefined {
  const days = halfTermDays(state, m);
  const from = days.indexOf(was);
  const inSeptember = m.september && isInSeptember(was);
  const step = direction === 'later' ? 1 : -1;
  for (let i = from + step; i >= 0 && i < days.length; i += step) {
    const d = days[i]!;
    if (inSeptember && !isInSeptember(d)) continue; // a September meeting is never pushed out of September
    const p = placementAt(state, m, d);
    if (p && bothFree(state.occ, m, p.held)) return p;
  }
  return undefined;
}

/**
 * Tries `t` at `at`: takes the chair's movable meetings out, puts `t` in, then puts each back where
 * it was or, if that is now taken, shifts it along. Leaves the state exactly as it found it and
 * returns the new places of the meetings that moved, or undefined when one of them has nowhere to go.
 */
function tryShift(
  state: PlanState,
  t: Todo,
  at: Placement,
  movable: readonly Todo[],
  direction: Direction,
): Map<Todo, Placement> | undefined {
  const original = new Map(movable.map((m) => [m, m.placed!]));
  movable.forEach((m) => unplace(state, m));
  place(state, t, at);
  const byStart = [...movable].sort((a, b) => (original.get(a)!.start < original.get(b)!.start ? -1 : 1));
  const before = byStart.filter((m) => original.get(m)!.start < at.start).reverse();
  const after = byStart.filter((m) => original.get(m)!.start >= at.start);
  const order: [Todo, 'earlier' | 'later'][] =
    direction === 'later'
      ? byStart.map((m) => [m, 'later'])
      : direction === 'earlier'
        ? [...byStart].reverse().map((m) => [m, 'earlier'])
        : [...before.map((m) => [m, 'earlier'] as [Todo, 'earlier']), ...after.map((m) => [m, 'later'] as [Todo, 'later'])];
  const moves = new Map<Todo, Placement>();
  let ok = true;
  for (const [m, way] of order) {
    const was = original.get(m)!;
    if (bothFree(state.occ, m, was.held)) {
      place(state, m, was);
      continue;
    }
    const next = shifted(state, m, was.start, way);
    if (!next) {
      ok = false;
      break;
    }
    place(state, m, next);
    moves.set(m, next);
  }
  // Put everything back as it was: the caller applies the best way found.
  for (const m of movable) unplace(state, m);
  unplace(state, t);
  for (const m of movable) place(state, m, original.get(m)!);
  return ok ? moves : undefined;
}

/**
 * Places `t` by shifting the chair's other meetings in its half term, when the chair has enough free
 * days there in all but not together or not on days the academy is free. Returns whether it did.
 */
export function makeRoom(state: PlanState, t: Todo, todos: readonly Todo[]): boolean {
  const halfTerm = t.req.slot.halfTerm;
  const movable = todos.filter((m) => m !== t && m.placed && m.chairId === t.chairId && m.req.slot.halfTerm === halfTerm);
  if (movable.length === 0) return false;
  const mine = new Set<unknown>(movable);
  const days = halfTermDays(state, t);
  const chairFree = state.calendar
    .schoolDays(state.academicYear, halfTerm)
    .filter((d) => (state.today === undefined || d > state.today) && state.occ.bookingOn(t.chairId, d) === undefined).length;
  if (chairFree < t.req.days + (t.kind.monitoringVisitDayBefore ? 1 : 0)) return false; // every day taken: shifting cannot help

  const centre = days.length / 2;
  let best: Fit | undefined;
  let tries = 0;
  for (const [i, d] of days.entries()) {
    const at = placementAt(state, t, d);
    if (!at) continue;
    // Only the chair's own movable meetings can shift: the academy's other bookings, and anything fixed, stay put.
    const blockedForGood = at.held.some(
      (day) =>
        (state.occ.bookingOn(t.chairId, day) && !mine.has(state.occ.ownerOn(t.chairId, day))) ||
        (state.occ.bookingOn(academyKey(t.academy.id), day) && !mine.has(state.occ.ownerOn(academyKey(t.academy.id), day))),
    );
    if (blockedForGood) continue;
    const september = !t.september || isInSeptember(d);
    if (best && best.september && !september) continue;
    for (const direction of DIRECTIONS) {
      if (++tries > MAX_TRIES_PER_MEETING || state.shiftsLeft-- <= 0) break;
      const moves = tryShift(state, t, at, movable, direction);
      if (!moves) continue;
      const existingMoved = [...moves.keys()].filter((m) => m.match !== undefined).length;
      const fit: Fit = { at, moves, existingMoved, september, distance: Math.abs(i - centre) };
      if (
        !best ||
        (fit.september && !best.september) ||
        (fit.september === best.september &&
          (fit.existingMoved < best.existingMoved ||
            (fit.existingMoved === best.existingMoved &&
              (fit.moves.size < best.moves.size || (fit.moves.size === best.moves.size && fit.distance < best.distance)))))
      ) {
        best = fit;
      }
    }
    if (tries > MAX_TRIES_PER_MEETING || state.shiftsLeft <= 0) break;
  }
  if (!best) return false;
  for (const m of best.moves.keys()) unplace(state, m);
  place(state, t, best.at);
  for (const [m, p] of best.moves) place(state, m, p);
  return true;
}
