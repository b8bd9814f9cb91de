import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { parseLabelled } from '../domain/field-labels';
import type { Meeting } from '../domain/meeting';
import { academyCoverage, agreeFocus, canAgreeFocus, type AcademyCoverage, type FocusCode } from '../domain/meeting-focus';
import type { Outcome } from '../domain/outcome';
import { holdersOf, type Person } from '../domain/people';
import { visibleAcademySet } from '../domain/permissions';
import { academicYearSchema } from '../domain/school-year/school-calendar';
import { type Stored } from '../ports/record-store.port';
import { meetingFocusView, type MeetingFocusView } from './mappers/meeting-focus.mapper';

export type { MeetingFocusView } from './mappers/meeting-focus.mapper';
import { meetingFor, meetingToRead, saveMeetingOutcome } from './meeting-writes';
import { loadTrust, type ServiceDeps } from './service-context';
import { writeUseCase } from './use-case';

/**
 * A meeting's focus (issue 16, part 4): the chair agrees or changes it with the head, and the year
 * view shows which areas each academy's meetings cover and warns when the plan leaves one uncovered.
 */

export const agreeFocusBodySchema = z
  .object({
    focus: z
      .array(z.string().min(1), { error: 'choose the areas to focus on' })
      .min(1, 'choose at least one area to focus on')
      .max(3, 'choose no more than three areas: a meeting cannot look at everything in detail')
      .meta({ title: 'Focus' }),
    version: z.string({ error: 'send the version you read' }).min(1, 'send the version you read').meta({ title: 'Version' }),
  })
  .strict();

async function viewOf(deps: ServiceDeps, viewer: Person, meeting: Stored<Meeting>): Promise<MeetingFocusView> {
  const trust = await loadTrust(deps);
  const academy = await deps.store.academies.get(meeting.academyId);
  if (!academy) throw new NotFoundError('academy', meeting.academyId);
  const meetings = await deps.store.meetings.list({ academyId: academy.id }).toArray();
  return meetingFocusView(viewer, meeting, academy, meetings, trust.model);
}

/** A meeting's focus, the school's areas and its coverage, for anyone who may see the meeting. */
export async function getMeetingFocus(deps: ServiceDeps, viewer: Person, meetingId: string): Promise<MeetingFocusView> {
  return viewOf(deps, viewer, await meetingFor(deps, viewer, meetingId, 'read'));
}

/** The chair (or the head) agrees or changes a planned meeting's focus; the other of the two is recorded beside them. */
export const agreeMeetingFocus = writeUseCase(
  { schema: agreeFocusBodySchema, what: 'focus', load: meetingToRead },
  async ({ deps, viewer, input, target: meeting }): Promise<Outcome<{ focus: MeetingFocusView }, FocusCode>> => {
    const { focus, version } = input;
    if (!canAgreeFocus(viewer, meeting)) throw new ForbiddenError('Only the meeting’s chair, with the academy’s head, agrees its focus.');
    const trust = await loadTrust(deps);
    const [academy, people] = await Promise.all([deps.store.academies.get(meeting.academyId), deps.store.people.list({}).toArray()]);
    if (!academy) throw new NotFoundError('academy', meeting.academyId);
    const kind = trust.model.meetingKinds.find((k) => k.id === meeting.kind);
    const head = holdersOf(people, 'head', academy.id)[0];
    const isHead = head?.id === viewer.id;
    const outcome = agreeFocus(meeting, focus, {
      model: trust.model,
      academy,
      kindName: kind?.abbreviation ?? meeting.kind,
      rotatesFocus: Boolean(kind?.rotatesFocus),
      by: viewer,
      // The head agreeing records the chair beside them; the chair, the head.
      ...(isHead ? { headId: meeting.chairId } : head ? { headId: head.id } : {}),
      at: deps.clock.now().toISOString(),
    });
    const saved = await saveMeetingOutcome(deps, outcome, version);
    if (!saved.ok) return saved;
    return { ok: true, focus: await viewOf(deps, viewer, saved.meeting) };
  },
);

/** Each visible academy's coverage of its areas across its meetings, with a warning where the plan leaves one uncovered. */
export async function getFocusCoverage(
  deps: ServiceDeps,
  viewer: Person,
  academicYear?: string,
): Promise<{ academicYear: string; academies: AcademyCoverage[] }> {
  const trust = await loadTrust(deps);
  const year = academicYear ? parseLabelled(academicYearSchema, academicYear, 'academic year') : trust.academicYear;
  const academies = await deps.store.academies.list({}).toArray();
  const visible = visibleAcademySet(viewer, academies);
  const first = Number(year.slice(0, 4));
  // Every meeting up to the end of this year: earlier years' held meetings count as covered.
  const meetings = await deps.store.meetings.inRange({ from: '2000-01-01', to: `${first + 1}-08-31` }).toArray();
  return {
    academicYear: year,
    academies: academies
      .filter((a) => visible.has(a.id))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((a) => academyCoverage(a, meetings, trust.model)),
  };
}
