import type { Academy } from './academy';
import { requiredMeetings, type MeetingRequirement } from './cadence';
import { weekOf, type LocalDate } from './local-date';
import { londonToUtc } from './london-time';
import type { Attendee, Meeting, MeetingDraft } from './meeting';
import type { ImprovementModel, MeetingKind } from './models/improvement-model.schema';
import { papersFor } from './paper-deadlines';
import { holdersOf, type Person, type Role } from './people';
import type { SchoolCalendar } from './school-year/school-calendar';

export interface PlanInput {
  model: ImprovementModel;
  calendar: SchoolCalendar;
  academicYear: string;
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

/** Who is busy on which days, and each chair's load per week. */
class Occupancy {
  private readonly busy = new Map<string, Set<LocalDate>>();
  private readonly weekLoad = new Map<string, Map<LocalDate, number>>();

  isFree(id: string, days: readonly LocalDate[]): boolean {
    const b = this.busy.get(id);
    return !b || days.every((d) => !b.has(d));
  }
  take(id: string, days: readonly LocalDate[]): void {
    const b = this.busy.get(id) ?? new Set<LocalDate>();
    days.forEach((d) => b.add(d));
    this.busy.set(id, b);
  }
  load(chairId: string, week: LocalDate): number {
    return this.weekLoad.get(chairId)?.get(week) ?? 0;
  }
  addLoad(chairId: string, week: LocalDate): void {
    const m = this.weekLoad.get(chairId) ?? new Map<LocalDate, number>();
    m.set(week, (m.get(week) ?? 0) + 1);
    this.weekLoad.set(chairId, m);
  }
}

/** The school days a meeting occupies for its chair and academy, including a monitoring visit the day before. */
function occupiedDays(start: LocalDate, days: number, kind: MeetingKind, calendar: SchoolCalendar): LocalDate[] | undefined {
  const out: LocalDate[] = [];
  let d = start;
  for (let i = 0; i < days; i++) {
    while (!calendar.isSchoolDay(d)) {
      d = nextDay(d);
      if (calendar.halfTermOf(d) === undefined) return undefined; // ran out of term
    }
    out.push(d);
    d = nextDay(d);
  }
  if (kind.monitoringVisitDayBefore) {
    const before = calendar.previousWorkingDay(start);
    if (!calendar.isSchoolDay(before)) return undefined; // the visit needs a school day
    out.unshift(before);
  }
  return out;
}
const nextDay = (d: LocalDate): LocalDate => {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + 1);
  return x.toISOString().slice(0, 10);
};

function windowOf(days: readonly LocalDate[], timing: string): { from: number; to: number } {
  const n = days.length;
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

/**
 * Plans (or re-plans) a year of meetings for every academy from the trust's model: term time,
 * school days only, no chair in two meetings on one day, an even weekly load per chair. Re-planning
 * keeps held and pinned meetings, keeps every still-valid date, and moves or adds only what it must.
 */
export function planYear(input: PlanInput): PlanResult {
  const { model, calendar, academicYear, academies, people, today } = input;
  const existing = (input.existing ?? []).filter((m) => m.academicYear === academicYear);
  const occ = new Occupancy();
  const result: PlanResult = { create: [], change: [], cancel: [], keep: [], unplaced: [] };
  const kindOf = (id: string) => model.meetingKinds.find((k) => k.id === id);
  const isPast = (d: LocalDate) => today !== undefined && d <= today;

  const reserve = (m: Pick<Meeting, 'date' | 'days' | 'chairId' | 'academyId' | 'kind'>) => {
    const kind = kindOf(m.kind);
    const days = (kind && occupiedDays(m.date, m.days, kind, calendar)) ?? [m.date];
    occ.take(m.chairId, days);
    occ.take(`academy:${m.academyId}`, days);
    occ.addLoad(m.chairId, weekOf(m.date));
  };

  // 1. History and pinned meetings stay exactly as they are.
  const live = existing.filter((m) => m.status !== 'cancelled');
  const fixed = new Set(live.filter((m) => m.status === 'held' || m.pinned || isPast(m.date)));
  fixed.forEach((m) => reserve(m));

  // 2. Match each requirement to an existing meeting of the same kind in the same half term.
  type Todo = { req: MeetingRequirement; academy: Academy; kind: MeetingKind; chairId: string; key: string; match?: Meeting };
  const todo: Todo[] = [];
  const used = new Set<Meeting>();
  for (const academy of academies) {
    const reqs = requiredMeetings(model, academy);
    const indexInHalfTerm = new Map<string, number>();
    for (const req of reqs) {
      const kind = kindOf(req.kind)!;
      const slotKey = `${req.kind}/${req.slot.halfTerm}`;
      const idx = indexInHalfTerm.get(slotKey) ?? 0;
      indexInHalfTerm.set(slotKey, idx + 1);
      const chairId = chairFor(kind, academy, people);
      if (!chairId) {
        result.unplaced.push({ academyId: academy.id, kind: req.kind, halfTerm: req.slot.halfTerm, reason: `No ${kind.chairRole} to chair the ${kind.abbreviation} at ${academy.name}` });
        continue;
      }
      const match = live.find((m) => !used.has(m) && m.academyId === academy.id && m.kind === req.kind && m.halfTerm === req.slot.halfTerm);
      if (match) used.add(match);
      todo.push({ req, academy, kind, chairId, key: requirementKey(academicYear, req, idx), ...(match ? { match } : {}) });
    }
  }
  for (const m of live) {
    if (used.has(m)) continue;
    if (fixed.has(m)) result.keep.push(m);
    else result.cancel.push(m); // no longer required by the model
  }

  // 3. Keep every matched meeting whose date still works; note the rest for moving.
  const toPlace: Todo[] = [];
  for (const t of todo) {
    const m = t.match;
    if (!m) {
      toPlace.push(t);
      continue;
    }
    if (fixed.has(m)) {
      result.keep.push(m);
      continue;
    }
    const days = occupiedDays(m.date, m.days, t.kind, calendar);
    const stillValid =
      days !== undefined &&
      calendar.halfTermOf(m.date)?.halfTerm === t.req.slot.halfTerm &&
      occ.isFree(t.chairId, days) &&
      occ.isFree(`academy:${m.academyId}`, days);
    if (stillValid) {
      reserve({ ...m, chairId: t.chairId });
      if (m.chairId === t.chairId) result.keep.push(m);
      else result.change.push({ before: m, after: { ...m, chairId: t.chairId, attendees: attendeesFor(t.kind, t.academy, t.chairId, people) } });
    } else toPlace.push(t);
  }

  // 4. Place the rest: tightest half terms first, busiest chairs first, then by name, so the result is stable.
  const chairDemand = new Map<string, number>();
  toPlace.forEach((t) => chairDemand.set(t.chairId, (chairDemand.get(t.chairId) ?? 0) + 1));
  toPlace.sort(
    (a, b) =>
      a.req.slot.halfTerm - b.req.slot.halfTerm ||
      (chairDemand.get(b.chairId) ?? 0) - (chairDemand.get(a.chairId) ?? 0) ||
      a.chairId.localeCompare(b.chairId) ||
      a.academy.name.localeCompare(b.academy.name) ||
      a.req.kind.localeCompare(b.req.kind),
  );
  for (const t of toPlace) {
    const date = chooseDate(t, calendar, occ, academicYear, today);
    if (!date) {
      const passed = today !== undefined && calendar.halfTerms(academicYear).find((h) => h.halfTerm === t.req.slot.halfTerm)!.end <= today;
      result.unplaced.push({
        academyId: t.academy.id,
        kind: t.req.kind,
        halfTerm: t.req.slot.halfTerm,
        reason: passed ? `Half term ${t.req.slot.halfTerm} has already passed` : `No school day in half term ${t.req.slot.halfTerm} when the chair and the academy are both free`,
      });
      continue;
    }
    const draft = draftMeeting(t, date, input);
    reserve(draft);
    if (t.match) result.change.push({ before: t.match, after: { ...t.match, ...withoutKey(draft), id: t.match.id, status: 'planned' } });
    else result.create.push(draft);
  }
  return result;
}

const withoutKey = ({ key: _key, ...rest }: MeetingDraft): Omit<MeetingDraft, 'key'> => rest;

function chooseDate(t: { req: MeetingRequirement; kind: MeetingKind; chairId: string; academy: Academy }, calendar: SchoolCalendar, occ: Occupancy, academicYear: string, today?: LocalDate): LocalDate | undefined {
  const days = calendar.schoolDays(academicYear, t.req.slot.halfTerm);
  const attempt = (from: number, to: number): LocalDate | undefined => {
    const centre = (from + to - 1) / 2;
    let best: { date: LocalDate; score: number } | undefined;
    for (let i = from; i < to; i++) {
      const d = days[i]!;
      if (today !== undefined && d <= today) continue;
      const occupied = occupiedDays(d, t.req.days, t.kind, calendar);
      if (!occupied || occupied.some((x) => today !== undefined && x <= today)) continue;
      if (!occ.isFree(t.chairId, occupied) || !occ.isFree(`academy:${t.academy.id}`, occupied)) continue;
      // Even load: the chair's quietest week first, then nearest the middle of the window.
      const score = occ.load(t.chairId, weekOf(d)) * 1000 + Math.abs(i - centre);
      if (!best || score < best.score) best = { date: d, score };
    }
    return best?.date;
  };
  const w = windowOf(days, t.req.slot.timing);
  return attempt(w.from, w.to) ?? attempt(0, days.length);
}

function draftMeeting(t: { req: MeetingRequirement; kind: MeetingKind; chairId: string; academy: Academy; key: string }, date: LocalDate, input: PlanInput): MeetingDraft {
  const { model, calendar, academicYear, people } = input;
  const { req, kind, academy, chairId } = t;
  const occupied = occupiedDays(date, req.days, { ...kind, monitoringVisitDayBefore: false }, calendar)!;
  const lastDay = occupied[occupied.length - 1]!;
  const startsAt = londonToUtc(date, kind.startTime);
  const endsAt = new Date(Date.parse(londonToUtc(lastDay, kind.startTime)) + kind.durationMinutes * 60_000).toISOString();
  const perYear = requiredMeetings(model, academy).filter((r) => r.kind === kind.id).length;
  return {
    key: t.key,
    academyId: academy.id,
    kind: kind.id,
    academicYear,
    halfTerm: req.slot.halfTerm as Meeting['halfTerm'],
    timing: req.slot.timing,
    ruleId: req.ruleId,
    reason: req.reason,
    ...(req.slot.purpose ? { purpose: req.slot.purpose } : {}),
    date,
    days: req.days,
    startsAt,
    endsAt,
    status: 'planned',
    pinned: false,
    chairId,
    attendees: attendeesFor(kind, academy, chairId, people),
    focus: focusFor(model, kind, academicYear, req.occurrence, perYear),
    papers: papersFor(kind, date, academy, chairId, people, calendar),
    judgements: [],
  };
}
