import type { Academy } from './academy';
import { requiredMeetings, type MeetingRequirement } from './cadence';
import type { LocalDate } from './local-date';
import type { Attendee, Meeting, MeetingDraft } from './meeting';
import { meetingTimes, rescheduled } from './meeting-schedule';
import type { ImprovementModel, MeetingKind } from './models/improvement-model.schema';
import { papersFor, papersHaveFullLeadTime } from './paper-deadlines';
import { holdersOf, type Person, type Role } from './people';
import { academyKey, daysHeldBy, occupiedDays, Occupancy } from './planner-occupancy';
import type { HalfTermNumber, SchoolCalendar } from './school-year/school-calendar';

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

export interface Unplaced {
  academyId: string;
  kind: string;
  halfTerm: number;
  reason: string;
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
    const ids = rule.role === 'improvement-director' ? [academy.improvementDirectorId] : holdersOf(people, rule.role, academy.id).map((p) => p.id);
    for (const personId of ids) {
      if (!out.some((a) => a.personId === personId)) out.push({ personId, role: rule.role as Role, presence: rule.presence, attendance: 'expected' });
    }
  }
  return out;
}

/** Rotates the focus through the inspection areas across meetings and years, so all are covered over time. */
function focusFor(model: ImprovementModel, kind: MeetingKind, academicYear: string, occurrence: number, perYear: number): string[] {
  if (!kind.rotatesFocus) return [];
  const areas = model.inspectionAreas;
  const idx = (Number(academicYear.slice(0, 4)) * perYear + occurrence - 1) % areas.length;
  return [areas[idx]!.id];
}

/** A stable key per required meeting, used as the idempotency key when it is created. */
export const requirementKey = (academicYear: string, r: Pick<MeetingRequirement, 'academyId' | 'kind' | 'slot'>, indexInHalfTerm: number): string =>
  `${r.academyId}/${academicYear}/${r.kind}/ht${r.slot.halfTerm}/${indexInHalfTerm}`;

type Todo = { req: MeetingRequirement; academy: Academy; kind: MeetingKind; chairId: string; key: string; perYear: number; match?: Meeting };

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Plans (or re-plans) a year of meetings for every academy from the trust's model: term time,
 * school days only, no chair and no academy in two meetings on one day (a monitoring visit the day
 * before counts), an even weekly load per chair. Re-planning keeps held, past and pinned meetings
 * exactly as they are, keeps every still-valid date, and moves, adds or cancels only what it must.
 */
export function planYear(input: PlanInput): PlanResult {
  const { model, calendar, academicYear, academies, people, today } = input;
  const kindOf = (id: string) => model.meetingKinds.find((k) => k.id === id);
  const planned = new Set(academies.map((a) => a.id));
  const live = (input.existing ?? []).filter((m) => m.academicYear === academicYear && m.status !== 'cancelled');
  const isFixed = (m: Meeting) => m.status === 'held' || m.pinned || (today !== undefined && m.date <= today) || !planned.has(m.academyId);
  const occ = new Occupancy();
  const result: PlanResult = { create: [], change: [], cancel: [], keep: [], unplaced: [] };

  // 1. History, pinned meetings and other academies' meetings stay exactly as they are.
  const fixed = new Set(live.filter(isFixed));
  fixed.forEach((m) => occ.reserve(m, daysHeldBy(m, kindOf(m.kind), calendar)));

  // 2. Match each requirement to an existing meeting of the same kind in the same half term,
  //    preferring one that is fixed (a held meeting satisfies the requirement), then the earliest.
  const candidates = [...live].sort((a, b) => Number(fixed.has(b)) - Number(fixed.has(a)) || compare(a.date, b.date) || compare(a.id, b.id));
  const used = new Set<Meeting>();
  const todo: Todo[] = [];
  for (const academy of academies) {
    const reqs = requiredMeetings(model, academy);
    const indexInHalfTerm = new Map<string, number>();
    for (const req of reqs) {
      const kind = kindOf(req.kind)!;
      const slotKey = `${req.kind}/${req.slot.halfTerm}`;
      const idx = indexInHalfTerm.get(slotKey) ?? 0;
      indexInHalfTerm.set(slotKey, idx + 1);
      const match = candidates.find((m) => !used.has(m) && m.academyId === academy.id && m.kind === req.kind && m.halfTerm === req.slot.halfTerm);
      if (match) used.add(match);
      const chairId = chairFor(kind, academy, people);
      if (!chairId) {
        if (match) result.keep.push(match); // nobody to re-plan it with: leave it as it is
        else result.unplaced.push({ academyId: academy.id, kind: req.kind, halfTerm: req.slot.halfTerm, reason: `No ${kind.chairRole} to chair the ${kind.abbreviation} at ${academy.name}` });
        continue;
      }
      const perYear = reqs.filter((r) => r.kind === req.kind).length;
      todo.push({ req, academy, kind, chairId, perYear, key: requirementKey(academicYear, req, idx), ...(match ? { match } : {}) });
    }
  }
  for (const m of live) {
    if (used.has(m)) continue;
    if (fixed.has(m)) result.keep.push(m);
    else result.cancel.push(m); // a future meeting the model no longer asks for
  }

  // 3. Keep every matched meeting whose date still works; note the rest for moving. Meetings keeping
  //    their chair go first, so a chair handed a new academy never bumps a meeting that was fine.
  const toPlace: Todo[] = [];
  const sameChairFirst = [...todo].sort((a, b) => Number(a.match?.chairId !== a.chairId) - Number(b.match?.chairId !== b.chairId));
  for (const t of sameChairFirst) {
    const m = t.match;
    if (m && fixed.has(m)) {
      result.keep.push(m);
      continue;
    }
    const days = m && m.days === t.req.days && calendar.halfTermOf(m.date)?.halfTerm === t.req.slot.halfTerm ? occupiedDays(m.date, m.days, t.kind, calendar) : undefined;
    if (!m || !days || !occ.isFree(t.chairId, days) || !occ.isFree(academyKey(m.academyId), days)) {
      toPlace.push(t);
      continue;
    }
    occ.reserve({ ...m, chairId: t.chairId }, days);
    if (m.chairId === t.chairId) result.keep.push(m);
    else result.change.push({ before: m, after: withChair(m, t, people) });
  }

  // 4. Place the rest: half term by half term, busiest chairs first, longer meetings first, then by
  //    chair, academy and kind, so the same input always gives the same plan.
  const chairDemand = new Map<string, number>();
  toPlace.forEach((t) => chairDemand.set(t.chairId, (chairDemand.get(t.chairId) ?? 0) + 1));
  const length = (t: Todo) => t.req.days + (t.kind.monitoringVisitDayBefore ? 1 : 0);
  toPlace.sort(
    (a, b) =>
      a.req.slot.halfTerm - b.req.slot.halfTerm ||
      (chairDemand.get(b.chairId) ?? 0) - (chairDemand.get(a.chairId) ?? 0) ||
      compare(a.chairId, b.chairId) ||
      length(b) - length(a) ||
      compare(a.academy.name, b.academy.name) ||
      compare(a.academy.id, b.academy.id) ||
      compare(a.req.kind, b.req.kind),
  );
  const startDays = new Map<string, Candidate>();
  for (const t of toPlace) {
    const days = chooseDays(t, calendar, occ, academicYear, today, startDays);
    if (!days) {
      if (t.match) result.keep.push(t.match); // nowhere better to go: left where it is, and reported
      const half = calendar.halfTerms(academicYear).find((h) => h.halfTerm === t.req.slot.halfTerm)!;
      const passed = today !== undefined && half.end <= today;
      result.unplaced.push({
        academyId: t.academy.id,
        kind: t.req.kind,
        halfTerm: t.req.slot.halfTerm,
        reason: passed ? `Half term ${t.req.slot.halfTerm} has already passed` : `No school day in half term ${t.req.slot.halfTerm} when the chair and the academy are both free`,
      });
      continue;
    }
    const draft = draftMeeting(t, days, input);
    occ.reserve(draft, occupiedDays(draft.date, draft.days, t.kind, calendar)!);
    if (!t.match) {
      result.create.push(draft);
      continue;
    }
    // Moved, not re-made: its id, attendance, submitted papers and notes stay; the slot's reason is brought up to date.
    const { purpose: _old, ...moved } = rescheduled(withChair(t.match, t, people), days, t.kind, calendar);
    const after: Meeting = { ...moved, timing: draft.timing, ruleId: draft.ruleId, reason: draft.reason, ...(draft.purpose ? { purpose: draft.purpose } : {}) };
    result.change.push({ before: t.match, after });
  }
  return result;
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

/** Where a meeting's slot sits in its half term's school days (early / middle / late thirds). */
function windowOf(n: number, timing: string): { from: number; to: number } {
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

/** What a start day means for a meeting kind, whoever chairs it: the days it holds and whether its papers get their full lead time. */
type Candidate = { occupied: LocalDate[] | undefined; fullLead: boolean };

/**
 * The school days for one meeting: only days after today when the chair and the academy are free
 * (a monitoring visit day included); of those, the best by the scores above, then nearest the
 * middle of the window, so the same input always gives the same day.
 */
function chooseDays(t: Todo, calendar: SchoolCalendar, occ: Occupancy, academicYear: string, today: LocalDate | undefined, memo: Map<string, Candidate>): LocalDate[] | undefined {
  const days = calendar.schoolDays(academicYear, t.req.slot.halfTerm);
  const w = windowOf(days.length, t.req.slot.timing);
  const centre = (w.from + w.to - 1) / 2;
  const candidate = (d: LocalDate): Candidate => {
    const key = `${t.kind.id}|${t.req.days}|${d}`;
    let c = memo.get(key);
    if (!c) memo.set(key, (c = { occupied: occupiedDays(d, t.req.days, t.kind, calendar), fullLead: papersHaveFullLeadTime(t.kind, d, calendar) }));
    return c;
  };
  let best: { days: LocalDate[]; score: number } | undefined;
  days.forEach((d, i) => {
    if (today !== undefined && d <= today) return;
    const { occupied, fullLead } = candidate(d);
    if (!occupied || (today !== undefined && occupied[0]! <= today)) return;
    if (!occ.isFree(t.chairId, occupied) || !occ.isFree(academyKey(t.academy.id), occupied)) return;
    const outside = i < w.from ? w.from - i : i >= w.to ? i - w.to + 1 : 0;
    const score =
      occ.load(t.chairId, d) * PER_MEETING_THAT_WEEK +
      (outside > 0 ? OUTSIDE_THE_WINDOW + outside : 0) +
      (fullLead ? 0 : SHORT_PAPER_LEAD) +
      Math.abs(i - centre) / (days.length + 1);
    if (!best || score < best.score) best = { days: occupied.slice(occupied.length - t.req.days), score };
  });
  return best?.days;
}

function draftMeeting(t: Todo, days: readonly LocalDate[], input: PlanInput): MeetingDraft {
  const { model, calendar, academicYear, people } = input;
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
    focus: focusFor(model, kind, academicYear, req.occurrence, t.perYear),
    papers: papersFor(kind, date, academy, chairId, people, calendar),
    judgements: [],
  };
}
