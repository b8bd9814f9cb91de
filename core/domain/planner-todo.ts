import type { Academy } from './academy';
import type { MeetingRequirement } from './cadence';
import type { LocalDate } from './local-date';
import type { Meeting } from './meeting';
import type { MeetingKind } from './models/improvement-model.schema';
import { academyKey, type Occupancy } from './planner-occupancy';
import type { SchoolCalendar } from './school-year/school-calendar';

/**
 * One meeting the year planner has to place, and where it is placed so far: the shared state of
 * the planner's steps (choosing a day, repairing a full half term, explaining what is left).
 */

/** The days a placed meeting holds: its first day, every day it holds its chair and academy (the monitoring visit first), and its own days. */
export interface Placement {
  start: LocalDate;
  held: LocalDate[];
  own: LocalDate[];
}

export interface Todo {
  req: MeetingRequirement;
  academy: Academy;
  kind: MeetingKind;
  chairId: string;
  key: string;
  perYear: number;
  /** The existing meeting that answers this requirement, if any. */
  match?: Meeting;
  /** The year as this academy sees it (the trust's closures and its own INSET days). */
  cal: SchoolCalendar;
  /** Must be held in September when any September day is free (Waterton's risk-banding ASER). */
  september: boolean;
  /** The academy's stage in the model's order (most support first): who is placed first when a chair runs out of days. */
  stageRank: number;
  placed?: Placement;
}

/** What a start day means for a meeting kind at one academy's calendar, whoever chairs it. */
export type Candidate = { held: LocalDate[] | undefined; fullLead: boolean };

export interface PlanState {
  occ: Occupancy;
  academicYear: string;
  today: LocalDate | undefined;
  /** Start-day answers per academy calendar (most academies share the trust's), then per kind and length, then per day. */
  memo: WeakMap<SchoolCalendar, Map<string, Map<LocalDate, Candidate>>>;
  /** The trust's calendar: the chair's school days in a half term, whichever academy they are at. */
  calendar: SchoolCalendar;
  /** Each chair's meetings per half term still waiting for a day: what a placement must leave room for. */
  waiting: Map<string, Todo[]>;
  /** How many more ways of shifting meetings the plan may try, so a trust of any size plans in bounded time. */
  shiftsLeft: number;
}

export const waitingKey = (chairId: string, halfTerm: number): string => `${chairId}|${halfTerm}`;

/** How many days a meeting holds its chair: its own days and a monitoring visit before. */
export const footprint = (t: Pick<Todo, 'req' | 'kind'>): number => t.req.days + (t.kind.monitoringVisitDayBefore ? 1 : 0);

/** The slot that opens the year, autumn 1 early: Waterton's first ASER "in September" sets the risk band and the year's KPI targets (seed 000). */
export const isSeptemberSlot = (slot: { halfTerm: number; timing: string }): boolean => slot.halfTerm === 1 && slot.timing === 'early';

export const isInSeptember = (d: LocalDate): boolean => d.slice(5, 7) === '09';

/** The reservation a placement makes: the meeting's chair and academy on its held days. */
export const reservationOf = (t: Todo, start: LocalDate) => ({ date: start, chairId: t.chairId, academyId: t.academy.id, kind: t.kind.id });

export function place(state: PlanState, t: Todo, p: Placement): void {
  state.occ.reserve(reservationOf(t, p.start), p.held, t);
  t.placed = p;
  const list = state.waiting.get(waitingKey(t.chairId, t.req.slot.halfTerm));
  const i = list?.indexOf(t) ?? -1;
  if (i >= 0) list!.splice(i, 1);
}

export function unplace(state: PlanState, t: Todo): void {
  if (!t.placed) return;
  state.occ.release(reservationOf(t, t.placed.start), t.placed.held, t);
  t.placed = undefined;
}

/** Whether the chair and the academy are both free on every day in `held`. */
export const bothFree = (occ: Occupancy, t: Pick<Todo, 'chairId' | 'academy'>, held: readonly LocalDate[]): boolean =>
  occ.isFree(t.chairId, held) && occ.isFree(academyKey(t.academy.id), held);
