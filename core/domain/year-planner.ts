import type { Academy } from './academy';
import { requiredMeetings, type MeetingRequirement } from './cadence';
import type { LocalDate } from './local-date';
import type { Attendee, Meeting, MeetingDraft } from './meeting';
import { focusAreasFor } from './meeting-focus';
import { meetingTimes, rescheduled } from './meeting-schedule';
import type { ImprovementModel, MeetingKind } from './models/improvement-model.schema';
import { papersFor } from './paper-deadlines';
import { academyReportsFor } from './meeting-reports';
import { holdersOf, type Person } from './people';
import { chooseDays, placementAt } from './planner-day-choice';
import { daysHeldBy, Occupancy } from './planner-occupancy';
import { makeRoom } from './planner-repair';
import {
  bothFree,
  footprint,
  isInSeptember,
  isSeptemberSlot,
  place,
  waitingKey,
  type Placement,
  type PlanState,
  type Todo,
} from './planner-todo';
import { peopleByAcademy } from './planner-people';
import { plannerNames, triedDays, unplacedReason, type PlannerNames, type TriedDay } from './planner-unplaced';
import type { HalfTermNumber, SchoolCalendar } from './school-year/school-calendar';

export type { TriedDay, BlockedBy } from './planner-unplaced';

export interface PlanInput {
  model: ImprovementModel;
  calendar: SchoolCalendar;
  academicYear: string;
  /** The academies to plan; meetings of any other academy in `existing` are left alone (but still hold their chairs). */
  academies: readonly Academy[];
  people: readonly Person[];
  /** This year's meetings already planned or held; re-planning keeps what it can. */
  existing?: readonly Meeting[];
  /** Nothing new is placed on or before this day; meetings before it are history and stay. */
  today?: LocalDate;
}

export interface MeetingChange {
  before: Meeting;
  after: Meeting;
}

/** A meeting the planner could not give a day, and exactly why. */
export interface Unplaced {
  academyId: string;
  kind: string;
  halfTerm: number;
  /** Who would chair it, when someone can. */
  chairId?: string;
  reason: string;
  /** Each weekday of the half term tried as its start, and what blocked it (empty when there is no chair, or the half term has passed). */
  tried: TriedDay[];
}

export interface PlanResult {
  create: MeetingDraft[];
  /** Existing meetings given a new date or chair. */
  change: MeetingChange[];
  cancel: Meeting[];
  keep: Meeting[];
  unplaced: Unplaced[];
}

/** Who chairs a meeting of this kind at this academy: its improvement director, or the holder of the role. */
export function chairFor(kind: MeetingKind, academy: Academy, people: readonly Person[]): string | undefined {
  if (kind.chairRole === 'improvement-director') return academy.improvementDirectorId;
  return holdersOf(people, kind.chairRole, academy.id)[0]?.id;
}

/** The people a meeting of this kind expects, chair first (DSAT's attendee lists). */
export function attendeesFor(kind: MeetingKind, academy: Academy, chairId: string, people: readonly Person[]): Attendee[] {
  const out: Attendee[] = [{ personId: chairId, role: kind.chairRole, presence: 'chair', attendance: 'expected' }];
  for (const rule of kind.attendees) {
    const ids =
      rule.role === 'improvement-director' ? [academy.improvementDirectorId] : holdersOf(people, rule.role, academy.id).map((p) => p.id);
    for (const personId of ids) {
      if (!out.some((a) => a.personId === personId))
        out.push({ personId, role: rule.role, presence: rule.presence, attendance: 'expected' });
    }
  }
  return out;
}

/** Rotates the focus through the school's own areas (core/domain/meeting-focus.ts) across meetings and years, so all are covered over time. */
function focusFor(
  model: ImprovementModel,
  kind: MeetingKind,
  academy: Academy,
  academicYear: string,
  occurrence: number,
  perYear: number,
): string[] {
  if (!kind.rotatesFocus) return [];
  const areas = focusAreasFor(model, academy.phase);
  const idx = (Number(academicYear.slice(0, 4)) * perYear + occurrence - 1) % areas.length;
  return [areas[idx]!.id];
}

/** A stable key per required meeting, used as the idempotency key when it is created. */
export const requirementKey = (
  academicYear: string,
  r: Pick<MeetingRequirement, 'academyId' | 'kind' | 'slot'>,
  indexInHalfTerm: number,
): string => `${r.academyId}/${academicYear}/${r.kind}/ht${r.slot.halfTerm}/${indexInHalfTerm}`;

/** Ways of shifting meetings to make room a whole plan may try: ample for any real trust, and a bound on time whatever the input. */
const SHIFT_BUDGET = 50_000;

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Plans (or re-plans) a year of meetings for every academy from the trust's model: term time,
 * school days at each academy only (its own INSET days too), no chair and no academy in two
 * meetings on one day (a monitoring visit the day before counts), an even weekly load per chair,
 * the September meeting in September. When a chair's free days are there but in the wrong places,
 * the chair's other meetings shift to make room; what still has no day is reported with every day
 * tried and what blocked it. Re-planning keeps held, past and pinned meetings exactly as they are,
 * keeps every still-valid date, and moves, adds or cancels only what it must.
 */
export function planYear(input: PlanInput): PlanResult {
  const { model, calendar, academicYear, academies, today } = input;
  const peopleAt = peopleByAcademy(input.people);
  const kindOf = (id: string) => model.meetingKinds.find((k) => k.id === id);
  const planned = new Set(academies.map((a) => a.id));
  const live = (input.existing ?? []).filter((m) => m.academicYear === academicYear && m.status !== 'cancelled');
  const isFixed = (m: Meeting) => m.status === 'held' || m.pinned || (today !== undefined && m.date <= today) || !planned.has(m.academyId);
  const state: PlanState = {
    occ: new Occupancy(),
    academicYear,
    today,
    memo: new WeakMap(),
    calendar,
    waiting: new Map(),
    shiftsLeft: SHIFT_BUDGET,
  };
  const { occ } = state;
  const result: PlanResult = { create: [], change: [], cancel: [], keep: [], unplaced: [] };
  const stageRank = new Map(model.stages.map((st, i) => [st.id, i]));

  // 1. History, pinned meetings and other academies' meetings stay exactly as they are.
  const fixed = new Set(live.filter(isFixed));
  fixed.forEach((m) => occ.reserve(m, daysHeldBy(m, kindOf(m.kind), calendar.forAcademy(m.academyId))));

  // 2. Match each requirement to an existing meeting of the same kind in the same half term,
  //    preferring one that is fixed (a held meeting satisfies the requirement), then the earliest.
  const candidates = [...live].sort(
    (a, b) => Number(fixed.has(b)) - Number(fixed.has(a)) || compare(a.date, b.date) || compare(a.id, b.id),
  );
  const used = new Set<Meeting>();
  const todos: Todo[] = [];
  /** Requirements with no chair, in the academy's order, with the todos. */
  const noChair = new Map<string, Unplaced[]>();
  for (const academy of academies) {
    const reqs = requiredMeetings(model, academy);
    const indexInHalfTerm = new Map<string, number>();
    const cal = calendar.forAcademy(academy.id);
    for (const req of reqs) {
      const kind = kindOf(req.kind)!;
      const slotKey = `${req.kind}/${req.slot.halfTerm}`;
      const idx = indexInHalfTerm.get(slotKey) ?? 0;
      indexInHalfTerm.set(slotKey, idx + 1);
      const match = candidates.find(
        (m) => !used.has(m) && m.academyId === academy.id && m.kind === req.kind && m.halfTerm === req.slot.halfTerm,
      );
      if (match) used.add(match);
      const chairId = chairFor(kind, academy, peopleAt(academy.id));
      if (!chairId) {
        if (match)
          result.keep.push(match); // nobody to re-plan it with: leave it as it is
        else {
          const list = noChair.get(academy.id) ?? [];
          list.push({
            academyId: academy.id,
            kind: req.kind,
            halfTerm: req.slot.halfTerm,
            reason: `No ${kind.chairRole} to chair the ${kind.abbreviation} at ${academy.name}`,
            tried: [],
          });
          noChair.set(academy.id, list);
        }
        continue;
      }
      const perYear = reqs.filter((r) => r.kind === req.kind).length;
      todos.push({
        req,
        academy,
        kind,
        chairId,
        perYear,
        key: requirementKey(academicYear, req, idx),
        cal,
        september: isSeptemberSlot(req.slot),
        stageRank: stageRank.get(academy.supportStage) ?? model.stages.length,
        ...(match ? { match } : {}),
      });
    }
  }
  for (const m of live) {
    if (used.has(m)) continue;
    if (fixed.has(m)) result.keep.push(m);
    else result.cancel.push(m); // a future meeting the model no longer asks for
  }

  // 3. Keep every matched meeting whose date still works; note the rest for placing. Meetings keeping
  //    their chair go first, so a chair handed a new academy never bumps a meeting that was fine.
  //    A September meeting sitting in October is placed again, and stays put if September is full.
  const toPlace: Todo[] = [];
  const sameChairFirst = [...todos].sort((a, b) => Number(a.match?.chairId !== a.chairId) - Number(b.match?.chairId !== b.chairId));
  for (const t of sameChairFirst) {
    const m = t.match;
    if (m && fixed.has(m)) continue;
    const was = m ? stillWorks(state, t, m) : undefined;
    if (!was || (t.september && !isInSeptember(was.start))) toPlace.push(t);
    else place(state, t, was);
  }

  // 4. Place the rest: half term by half term, September meetings first, busiest chairs first,
  //    longer meetings first, academies needing most support first, then by chair, academy and
  //    kind, so the same input always gives the same plan.
  const chairDemand = new Map<string, number>();
  toPlace.forEach((t) => chairDemand.set(t.chairId, (chairDemand.get(t.chairId) ?? 0) + 1));
  toPlace.sort(
    (a, b) =>
      a.req.slot.halfTerm - b.req.slot.halfTerm ||
      Number(b.september) - Number(a.september) ||
      (chairDemand.get(b.chairId) ?? 0) - (chairDemand.get(a.chairId) ?? 0) ||
      compare(a.chairId, b.chairId) ||
      footprint(b) - footprint(a) ||
      a.stageRank - b.stageRank ||
      compare(a.academy.name, b.academy.name) ||
      compare(a.academy.id, b.academy.id) ||
      compare(a.req.kind, b.req.kind),
  );
  for (const t of toPlace) {
    const key = waitingKey(t.chairId, t.req.slot.halfTerm);
    state.waiting.set(key, [...(state.waiting.get(key) ?? []), t]);
  }
  for (const t of toPlace) {
    let p = chooseDays(state, t);
    // A September meeting already planned outside September, with September full: it stays where it is.
    const was = t.match && !fixed.has(t.match) ? stillWorks(state, t, t.match) : undefined;
    if (was && (!p || (t.september && !isInSeptember(p.start)))) p = was;
    if (p) place(state, t, p);
  }

  // 5. What found no day: try again (later placements may have left room), then shift the chair's
  //    other meetings along to make room.
  for (const t of toPlace) {
    if (t.placed) continue;
    const p = chooseDays(state, t);
    if (p) place(state, t, p);
    else makeRoom(state, t, todos);
  }

  // 6. The plan: new meetings, moved ones, kept ones, and what is left with the days tried.
  const names = plannerNames(input.people, input.academies, input.model.meetingKinds);
  const unplacedOf = new Map<string, Unplaced[]>();
  for (const t of todos) {
    const m = t.match;
    if (m && fixed.has(m)) {
      result.keep.push(m);
      continue;
    }
    if (!t.placed) {
      if (m) result.keep.push(m); // nowhere better to go: left where it is, and reported
      const list = unplacedOf.get(t.academy.id) ?? [];
      list.push(explain(state, t, names));
      unplacedOf.set(t.academy.id, list);
      continue;
    }
    const draft = draftMeeting(t, t.placed.own, input, peopleAt(t.academy.id));
    if (!m) result.create.push(draft);
    else if (m.date === t.placed.start && m.days === t.placed.own.length) {
      if (m.chairId === t.chairId) result.keep.push(m);
      else result.change.push({ before: m, after: withChair(m, t, peopleAt(t.academy.id)) });
    } else {
      // Moved, not re-made: its id, attendance, submitted papers and notes stay; the slot's reason is brought up to date.
      const { purpose: _old, ...moved } = rescheduled(withChair(m, t, peopleAt(t.academy.id)), t.placed.own, t.kind, t.cal);
      result.change.push({
        before: m,
        after: {
          ...moved,
          timing: draft.timing,
          ruleId: draft.ruleId,
          reason: draft.reason,
          ...(draft.purpose ? { purpose: draft.purpose } : {}),
        },
      });
    }
  }
  for (const academy of academies) result.unplaced.push(...(noChair.get(academy.id) ?? []), ...(unplacedOf.get(academy.id) ?? []));
  return result;
}

/** Where an existing meeting can stay: its own days, when they are still school days of its half term with its chair and academy free. */
function stillWorks(state: PlanState, t: Todo, m: Meeting): Placement | undefined {
  if (m.days !== t.req.days || t.cal.halfTermOf(m.date)?.halfTerm !== t.req.slot.halfTerm) return undefined;
  const p = placementAt(state, t, m.date);
  return p && bothFree(state.occ, t, p.held) ? p : undefined;
}

function explain(state: PlanState, t: Todo, names: PlannerNames): Unplaced {
  const base = { academyId: t.academy.id, kind: t.req.kind, halfTerm: t.req.slot.halfTerm, chairId: t.chairId };
  const half = t.cal.halfTerms(state.academicYear).find((h) => h.halfTerm === t.req.slot.halfTerm)!;
  if (state.today !== undefined && half.end <= state.today)
    return { ...base, reason: `Half term ${t.req.slot.halfTerm} has already passed`, tried: [] };
  const tried = triedDays(state, t, names);
  return { ...base, reason: unplacedReason(t, tried, names), tried };
}

/** A meeting handed to a new chair: the new chair and attendees (keeping anyone's apologies), papers the old chair owned move too. */
function withChair(m: Meeting, t: Pick<Todo, 'chairId' | 'kind' | 'academy'>, people: readonly Person[]): Meeting {
  if (m.chairId === t.chairId) return m;
  const attendees = attendeesFor(t.kind, t.academy, t.chairId, people).map((a) => {
    const was = m.attendees.find((x) => x.personId === a.personId && x.presence !== 'chair');
    return was && a.presence !== 'chair' ? { ...a, attendance: was.attendance, ...(was.apology ? { apology: was.apology } : {}) } : a;
  });
  const papers = m.papers.map((p) => (p.ownerId === m.chairId ? { ...p, ownerId: t.chairId } : p));
  return { ...m, chairId: t.chairId, attendees, papers };
}

function draftMeeting(t: Todo, days: readonly LocalDate[], input: PlanInput, people: readonly Person[]): MeetingDraft {
  const { model, academicYear } = input;
  const calendar = t.cal;
  const { req, kind, academy, chairId } = t;
  const date = days[0]!;
  return {
    key: t.key,
    academyId: academy.id,
    kind: kind.id,
    academicYear,
    halfTerm: req.slot.halfTerm as HalfTermNumber,
    timing: req.slot.timing,
    ruleId: req.ruleId,
    reason: req.reason,
    ...(req.slot.purpose ? { purpose: req.slot.purpose } : {}),
    date,
    days: days.length,
    ...meetingTimes(days, kind),
    status: 'planned',
    pinned: false,
    chairId,
    attendees: attendeesFor(kind, academy, chairId, people),
    focus: focusFor(model, kind, academy, academicYear, req.occurrence, t.perYear),
    papers: papersFor(kind, date, academy, chairId, people, calendar),
    ...(kind.reports.length ? { reports: academyReportsFor(kind, date, academy, chairId, people, calendar) } : {}),
    judgements: [],
  };
}
