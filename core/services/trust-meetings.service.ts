import { currentStep } from '../domain/escalation-ladder';
import { dateRelativeSlots } from '../domain/inspection-window';
import type { Academy } from '../domain/academy';
import { isTrustMeeting, type Meeting } from '../domain/meeting';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { Person } from '../domain/people';
import { seesWholeTrust } from '../domain/permissions';
import type { SchoolCalendar } from '../domain/school-year/school-calendar';
import { planTrustMeetings, type TrustUnplaced } from '../domain/trust-meeting-planner';
import type { LocalDate } from '../domain/local-date';

import type { RecordStore, Stored } from '../ports/record-store.port';
import { trustMeetingView, type TrustMeetingView } from './mappers/trust-meeting.mapper';
import { writeMeetingPlan, type PlanCounts } from './plan-writes';

/**
 * The trust's own meetings in the year planner (issue 17, part 2): planned after the academies'
 * meetings, around their chairs' days, written with the same idempotency keys and versions.
 */

/**
 * Academies as the planner's rules read them: with the escalation step each stands on (a raising
 * standards board at the formal action plan step) and the slots of rules placed relative to its own
 * dates this year (a review before its next inspection window opens).
 */
export async function planningFacts(
  store: RecordStore,
  model: ImprovementModel,
  academies: readonly Stored<Academy>[],
  calendar: SchoolCalendar,
  academicYear: string,
) {
  const events = await store.escalations.list({}).toArray();
  return academies.map((a) => ({
    ...a,
    escalationStepId: currentStep(
      events.filter((e) => e.academyId === a.id),
      model,
    ).stepId,
    dateSlots: dateRelativeSlots(model, a, calendar, academicYear),
  }));
}

export interface TrustPlanSummary extends PlanCounts {
  unplaced: TrustUnplaced[];
  written: Meeting[];
  conflicts: string[];
}

/** Plans the trust meetings around the academies' meetings as now planned, and writes the result. */
export async function planAndWriteTrustMeetings(
  store: RecordStore,
  input: {
    model: ImprovementModel;
    calendar: SchoolCalendar;
    academicYear: string;
    people: readonly Person[];
    academyMeetings: readonly Meeting[];
    existing: readonly Stored<Meeting>[];
    today?: LocalDate;
  },
): Promise<TrustPlanSummary> {
  const plan = planTrustMeetings({ ...input, existing: input.existing.filter(isTrustMeeting) });
  return { kept: plan.keep.length, unplaced: plan.unplaced, ...(await writeMeetingPlan(store, plan)) };
}

/** Who may see a trust meeting: the trust's roles, and the people named on it. */
export const maySeeTrustMeeting = (viewer: Pick<Person, 'id' | 'roles'>, m: Pick<Meeting, 'chairId' | 'attendees'>): boolean =>
  seesWholeTrust(viewer) || m.chairId === viewer.id || m.attendees.some((a) => a.personId === viewer.id);

/** The year's trust meetings the viewer may see, by date, through their mapper. */
export function trustMeetingsFor(
  viewer: Pick<Person, 'id' | 'roles'>,
  meetings: readonly Stored<Meeting>[],
  model: ImprovementModel,
): TrustMeetingView[] {
  return meetings
    .filter((m) => isTrustMeeting(m) && m.status !== 'cancelled' && maySeeTrustMeeting(viewer, m))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))
    .map((m) => trustMeetingView(viewer, m, model));
}
