import { z } from 'zod';
import { ForbiddenError, NotFoundError, parseOrThrow } from '../domain/errors';
import { addDays, datesBetween, localDateSchema } from '../domain/local-date';
import type { Meeting } from '../domain/meeting';
import { moveMeeting, type MoveOutcome } from '../domain/meeting-moves';
import type { Person } from '../domain/people';
import { canPlanMeetings, visibleAcademySet } from '../domain/permissions';
import { academicYearSchema } from '../domain/school-year/school-calendar';
import { planYear, type Unplaced } from '../domain/year-planner';
import { type RecordStore, type Stored } from '../ports/record-store.port';
import { followInCalendar } from './calendar-sync.service';
import { writeMeetingPlan, type PlanCounts } from './plan-writes';
import { meetingRecordView } from './mappers/meeting-record.mapper';
import { loadTrust, requireAcademyAccess, type ServiceDeps } from './service-context';
import { planAndWriteTrustMeetings, planningFacts, trustMeetingsFor } from './trust-meetings.service';
import { isTrustMeeting } from '../domain/meeting';
import type { TrustUnplaced } from '../domain/trust-meeting-planner';

export const planYearBodySchema = z.object({ academicYear: academicYearSchema });

export interface PlanSummary extends PlanCounts {
  academicYear: string;
  unplaced: Unplaced[];
  /** Meetings someone else changed while planning ran: left as they were, plan again to include them. */
  conflicts: string[];
  /** The trust's own meetings (a heads' forum, the board), planned around the academies' meetings. */
  trust: PlanCounts & { unplaced: TrustUnplaced[] };
}

/** 1 September – 31 August of an academic year. */
export const wholeYear = (academicYear: string): { start: string; end: string } => {
  const start = Number(academicYear.slice(0, 4));
  return { start: `${start}-09-01`, end: `${start + 1}-08-31` };
};

/** Everything stored for one academic year (any status). */
export async function meetingsOfYear(
  store: RecordStore,
  bounds: { start: string; end: string },
  academicYear: string,
): Promise<Stored<Meeting>[]> {
  const all = await store.meetings.inRange({ from: bounds.start, to: bounds.end }).toArray();
  return all.filter((m) => m.academicYear === academicYear);
}

/**
 * Plans or re-plans the year and writes the result: creates carry the planner's key, so running it
 * twice (or after a crash half-way) never doubles a meeting; changes send the version they read.
 */
export async function planAcademicYear(deps: ServiceDeps, viewer: Person, body: unknown): Promise<PlanSummary> {
  if (!canPlanMeetings(viewer)) throw new ForbiddenError('Only the CEO, improvement directors and the trust administrator plan the year.');
  const { academicYear } = parseOrThrow(planYearBodySchema, body, 'plan request');
  const trust = await loadTrust(deps);
  if (!trust.calendar.hasYear(academicYear)) {
    throw new NotFoundError('term dates', academicYear, {
      message: `There are no term dates for ${academicYear} yet; add them in Settings`,
    });
  }
  const store = deps.store;
  const [academies, people] = await Promise.all([store.academies.list({}).toArray(), store.people.list({}).toArray()]);
  // The whole school year, 1 September – 31 August, not just its term: after term dates change, a
  // meeting now in the holidays must still be found, to be moved rather than planned twice.
  const existing = await meetingsOfYear(store, wholeYear(academicYear), academicYear);
  // Each academy with its escalation step and its own dates, for rules that read them (a raising standards board, a pre-inspection review).
  const facts = await planningFacts(store, trust.model, academies, trust.calendar, academicYear);
  const plan = planYear({
    model: trust.model,
    calendar: trust.calendar,
    academicYear,
    academies: facts,
    people,
    existing,
    today: trust.today,
  });
  const summary: PlanSummary = {
    academicYear,
    created: 0,
    changed: 0,
    cancelled: 0,
    kept: plan.keep.filter((m) => !isTrustMeeting(m)).length,
    unplaced: plan.unplaced,
    conflicts: [],
    trust: { created: 0, changed: 0, cancelled: 0, kept: 0, unplaced: [] },
  };

  // What was written, for the calendar to follow once the store has it all.
  const done = await writeMeetingPlan(store, plan);
  const written: Meeting[] = done.written;
  Object.assign(summary, { created: done.created, changed: done.changed, cancelled: done.cancelled });
  summary.conflicts.push(...done.conflicts);
  // Then the trust's own meetings, around the academies' meetings as now planned (issue 17).
  const going = [...plan.keep, ...plan.create.map(({ key, ...d }) => ({ ...d, id: key })), ...plan.change.map((c) => c.after)];
  const own = await planAndWriteTrustMeetings(store, {
    model: trust.model,
    calendar: trust.calendar,
    academicYear,
    people,
    academyMeetings: going.filter((m) => !isTrustMeeting(m)),
    existing,
    ...(trust.today ? { today: trust.today } : {}),
  });
  const { written: trustWritten, conflicts: trustConflicts, ...trustSummary } = own;
  summary.trust = trustSummary;
  summary.conflicts.push(...trustConflicts);
  await followInCalendar(deps, [...written, ...trustWritten], { model: trust.model, academies, people, trustName: trust.settings.name });
  return summary;
}

/** The year planner: half terms, bank holidays, the meetings the viewer may see and each chair's load. */
export async function getPlanner(deps: ServiceDeps, viewer: Person, academicYear?: string) {
  const trust = await loadTrust(deps);
  const year = academicYear ? parseOrThrow(academicYearSchema, academicYear, 'academic year') : trust.academicYear;
  if (!trust.calendar.hasYear(year))
    throw new NotFoundError('term dates', year, { message: `There are no term dates for ${year} yet; add them in Settings` });
  const bounds = trust.calendar.yearBounds(year);
  const academies = await deps.store.academies.list({}).toArray();
  const visible = visibleAcademySet(viewer, academies);
  const meetings = (await meetingsOfYear(deps.store, bounds, year)).filter((m) => visible.has(m.academyId) && m.status !== 'cancelled');
  const chairLoad: Record<string, Record<number, number>> = {};
  for (const m of meetings) {
    const byHalfTerm = (chairLoad[m.chairId] ??= {});
    byHalfTerm[m.halfTerm] = (byHalfTerm[m.halfTerm] ?? 0) + 1;
  }
  const bankHolidays = datesBetween(`${year.slice(0, 4)}-09-01`, `${bounds.end.slice(0, 4)}-08-31`).filter((d) =>
    trust.calendar.isBankHoliday(d),
  );
  // Through the meeting mapper, as every other answer: the planner shows the board and governors no draft notes or apology reasons.
  const kinds = new Map(trust.model.meetingKinds.map((k) => [k.id, k]));
  const shown = meetings.map((m) => meetingRecordView(viewer, m, kinds.get(m.kind)));
  // Each half term lists only the bank holidays inside it; those in the breaks belong to none.
  const halfTerms = trust.calendar.halfTerms(year).map((h) => ({ ...h, bankHolidays: trust.calendar.bankHolidaysIn(h) }));
  // The trust's own meetings beside the academies': only for trust roles and the people named on them.
  const trustMeetings = trustMeetingsFor(viewer, await meetingsOfYear(deps.store, bounds, year), trust.model);
  return { academicYear: year, today: trust.today, halfTerms, bankHolidays, meetings: shown, chairLoad, trustMeetings };
}

export const moveMeetingBodySchema = z.object({ date: localDateSchema, version: z.string().min(1) });

/** Moves one meeting; a clash or a non-working day is refused with the reason, and nothing changes. */
export async function moveMeetingTo(deps: ServiceDeps, viewer: Person, meetingId: string, body: unknown): Promise<MoveOutcome> {
  const { date, version } = parseOrThrow(moveMeetingBodySchema, body, 'move request');
  const meeting = await deps.store.meetings.get(meetingId);
  if (!meeting) throw new NotFoundError('meeting', meetingId);
  requireAcademyAccess(viewer, meeting.academyId, 'write');
  if (!canPlanMeetings(viewer)) throw new ForbiddenError('Only the CEO, improvement directors and the trust administrator move meetings.');
  const trust = await loadTrust(deps);
  const [academies, people] = await Promise.all([deps.store.academies.list({}).toArray(), deps.store.people.list({}).toArray()]);
  const academy = academies.find((a) => a.id === meeting.academyId);
  if (!academy) throw new NotFoundError('academy', meeting.academyId);
  const around = await deps.store.meetings.inRange({ from: addDays(date, -7), to: addDays(date, 7) }).toArray();
  const outcome = moveMeeting(meeting, date, {
    model: trust.model,
    // The year as this academy sees it: its own INSET days are closures too.
    calendar: trust.calendar.forAcademy(meeting.academyId),
    academy,
    academyNames: new Map(academies.map((a) => [a.id, a.name])),
    people,
    otherMeetings: around.filter((m) => m.id !== meeting.id && m.status !== 'cancelled'),
    today: trust.today,
  });
  if (!outcome.ok) return outcome;
  const saved = await deps.store.meetings.update({ ...outcome.meeting, version });
  // The move stands whatever the calendar says; a failed update is logged and the next sync repairs it.
  await followInCalendar(deps, [saved], { model: trust.model, academies: [academy], people });
  return { ok: true, meeting: saved };
}
