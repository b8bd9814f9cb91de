import { isTrustMeeting } from '../domain/meeting';
import { z } from 'zod';
import type { Academy } from '../domain/academy';
import { calendarEventFor, cancellationCommentFor, monitoringVisitEventFor, monitoringVisitEventId } from '../domain/calendar-event';
import { monitoringVisitDay } from '../domain/planner-occupancy';
import type { SchoolCalendar } from '../domain/school-year/school-calendar';
import { parseOrThrow } from '../domain/errors';
import { localDateSchema } from '../domain/local-date';
import type { Meeting } from '../domain/meeting';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { Person } from '../domain/people';
import type { Calendar, CalendarCancellation, CalendarEventInput, ReconcileOutcome } from '../ports/calendar.port';
import { type CallOptions } from '../ports/record-store.port';
import { loadTrust, type ServiceDeps } from './service-context';

export const calendarSyncRangeSchema = z
  .object({ from: localDateSchema, to: localDateSchema })
  .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['to'] });
export type CalendarSyncRange = z.infer<typeof calendarSyncRangeSchema>;

/** What a sync did; `failures` are left as they were and the next sync tries them again. */
export interface CalendarSyncSummary {
  created: number;
  updated: number;
  cancelled: number;
  unchanged: number;
  failures: { meetingId: string; reason: string }[];
}

/** What events are made from: the model, the academies and people they name, the school calendar and the trust's name. */
export interface CalendarTrust {
  model: ImprovementModel;
  academies: readonly Academy[];
  people: readonly Person[];
  calendar?: SchoolCalendar;
  trustName?: string;
}

/** What the calendar is to be told of some meetings: events for the planned and held, cancellations for the cancelled. */
export function calendarChangesFor(
  meetings: readonly Meeting[],
  trust: CalendarTrust,
): { inputs: CalendarEventInput[]; cancellations: CalendarCancellation[]; failures: CalendarSyncSummary['failures'] } {
  const kinds = new Map(trust.model.meetingKinds.map((k) => [k.id, k]));
  const academies = new Map(trust.academies.map((a) => [a.id, a]));
  const out = {
    inputs: [] as CalendarEventInput[],
    cancellations: [] as CalendarCancellation[],
    failures: [] as CalendarSyncSummary['failures'],
  };
  // The trust's own meetings (a heads' forum, the board) have no academy: their events name the trust instead.
  const trustKinds = new Map(trust.model.trustMeetings.map((k) => [k.id, { name: k.name, abbreviation: k.abbreviation, agenda: [] }]));
  const trustPlace = { name: trust.trustName ?? 'the trust' };
  for (const m of meetings) {
    const own = isTrustMeeting(m);
    const kind = own ? trustKinds.get(m.kind) : kinds.get(m.kind);
    const academy = own ? trustPlace : academies.get(m.academyId);
    if (!kind || !academy) {
      out.failures.push({
        meetingId: m.id,
        reason: !kind ? `the improvement model has no meeting kind "${m.kind}"` : `no academy "${m.academyId}"`,
      });
      continue;
    }
    // DSAT's monitoring visit the day before an AIM goes in the chair's calendar too, and is called off with the meeting.
    const visit = trust.calendar && !own ? monitoringVisitDay(m.date, kinds.get(m.kind)!, trust.calendar) : { needed: false as const };
    if (m.status === 'cancelled') {
      out.cancellations.push({ meetingId: m.id, comment: cancellationCommentFor(m, kind, academy) });
      if (visit.needed)
        out.cancellations.push({ meetingId: monitoringVisitEventId(m.id), comment: cancellationCommentFor(m, kind, academy) });
      continue;
    }
    const input = calendarEventFor(m, kind, academy, trust.people);
    if (!input.organiserEmail) {
      out.failures.push({ meetingId: m.id, reason: `the chair (${m.chairId}) has no e-mail address` });
      continue;
    }
    out.inputs.push(input);
    if (visit.needed && visit.day) out.inputs.push(monitoringVisitEventFor(m, kinds.get(m.kind)!, academy, trust.people, visit.day));
  }
  return out;
}

const summaryOf = (o: ReconcileOutcome, failures: CalendarSyncSummary['failures']): CalendarSyncSummary => ({
  created: o.created.length,
  updated: o.updated.length,
  cancelled: o.cancelled.length,
  unchanged: o.unchanged.length,
  failures: [...failures, ...o.failures],
});

/**
 * Reconciles every meeting from `from` to `to` (UK dates, inclusive) with the calendar: creates the
 * missing events, updates moved or changed ones, cancels those of cancelled meetings (telling the
 * attendees why) and leaves the rest alone. Safe to run as often as liked (a timer calls it): a
 * meeting that fails is reported and tried again next time, and nothing is ever doubled.
 */
export async function syncCalendar(
  deps: Pick<ServiceDeps, 'store' | 'clock'>,
  calendar: Calendar,
  range: CalendarSyncRange,
  options: CallOptions = {},
): Promise<CalendarSyncSummary> {
  const { from, to } = parseOrThrow(calendarSyncRangeSchema, range, 'calendar sync range');
  const trust = await loadTrust(deps);
  const [meetings, academies, people] = await Promise.all([
    deps.store.meetings.inRange({ from, to }).toArray(),
    deps.store.academies.list({}).toArray(),
    deps.store.people.list({}).toArray(),
  ]);
  const changes = calendarChangesFor(meetings, {
    model: trust.model,
    academies,
    people,
    calendar: trust.calendar,
    trustName: trust.settings.name,
  });
  try {
    return summaryOf(await calendar.reconcile(changes.inputs, changes.cancellations, options), changes.failures);
  } catch (e) {
    if (options.signal?.aborted) throw e;
    // The calendar could not be read at all: every meeting waits for the next sync.
    const reason = e instanceof Error ? e.message : String(e);
    const all = [...changes.inputs.map((i) => i.meetingId), ...changes.cancellations.map((c) => c.meetingId)];
    return {
      created: 0,
      updated: 0,
      cancelled: 0,
      unchanged: 0,
      failures: [...changes.failures, ...all.map((meetingId) => ({ meetingId, reason }))],
    };
  }
}

/** The academic year under way (UK dates, 1 September to 31 August): what a daily sync covers. */
export async function currentYearRange(deps: Pick<ServiceDeps, 'store' | 'clock'>): Promise<CalendarSyncRange> {
  const trust = await loadTrust(deps);
  const first = Number(trust.academicYear.slice(0, 4));
  return { from: `${first}-09-01`, to: `${first + 1}-08-31` };
}

/** A planner's change waits at most this long for the calendar; whatever is left, the next sync does. */
export const FOLLOW_TIMEOUT_MS = 15_000;

/**
 * After the store has taken a planner's change, tells the calendar (when there is one). The change
 * stands whatever the calendar says: a failure is logged and the next sync repairs the event.
 */
export async function followInCalendar(deps: ServiceDeps, meetings: readonly Meeting[], trust: CalendarTrust): Promise<void> {
  const calendar = deps.calendar;
  if (!calendar || meetings.length === 0) return;
  const loaded = trust.calendar && trust.trustName ? undefined : await loadTrust(deps);
  const changes = calendarChangesFor(meetings, {
    ...trust,
    calendar: trust.calendar ?? loaded!.calendar,
    trustName: trust.trustName ?? loaded!.settings.name,
  });
  let failures = changes.failures;
  try {
    const signal = AbortSignal.timeout(FOLLOW_TIMEOUT_MS);
    failures = [...failures, ...(await calendar.reconcile(changes.inputs, changes.cancellations, { signal })).failures];
  } catch (e) {
    failures = [...failures, ...meetings.map((m) => ({ meetingId: m.id, reason: e instanceof Error ? e.message : String(e) }))];
  }
  if (failures.length > 0) deps.logger?.warn({ failures }, 'calendar not updated for some meetings; the next calendar sync repairs them');
}
