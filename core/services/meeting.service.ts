import { carryForwardActions } from '../domain/carry-forward';
import { NotFoundError } from '../domain/errors';
import { papersState } from '../domain/paper-deadlines';
import type { Person } from '../domain/people';
import { allPages, collect } from '../ports/record-store.port';
import { loadTrust, requireAcademyAccess, type ServiceDeps } from './service-context';

/** A meeting with what the tab shows around it: its kind, academy, people's names, carried-forward and raised actions. */
export async function getMeetingView(deps: ServiceDeps, viewer: Person, meetingId: string) {
  const meeting = await deps.store.meetings.get(meetingId);
  if (!meeting) throw new NotFoundError('meeting', meetingId);
  requireAcademyAccess(viewer, meeting.academyId, 'read');
  const trust = await loadTrust(deps);
  const [academy, actions, academyMeetings, people] = await Promise.all([
    deps.store.academies.get(meeting.academyId),
    collect(allPages((p) => deps.store.actions.list({ academyId: meeting.academyId }, p))),
    collect(allPages((p) => deps.store.meetings.list({ academyId: meeting.academyId }, p))),
    collect(allPages((p) => deps.store.people.list({}, p))),
  ]);
  const kind = trust.model.meetingKinds.find((k) => k.id === meeting.kind);
  const previousMeeting = academyMeetings
    .filter((m) => m.status === 'held' && m.date < meeting.date && m.id !== meeting.id)
    .sort((a, b) => b.date.localeCompare(a.date))[0];
  const involved = new Set([meeting.chairId, ...meeting.attendees.map((a) => a.personId), ...meeting.attendees.flatMap((a) => (a.apology?.substituteId ? [a.apology.substituteId] : [])), ...actions.map((a) => a.ownerId)]);
  return {
    meeting,
    academy: academy ? { id: academy.id, name: academy.name } : undefined,
    kind: kind ? { id: kind.id, name: kind.name, abbreviation: kind.abbreviation, agenda: kind.agenda, notesApprovers: kind.notesApprovers, recordsJudgements: kind.recordsJudgements } : undefined,
    papersState: papersState(meeting, trust.today),
    carriedForward: carryForwardActions(actions, meeting, { ...(previousMeeting ? { previousMeeting } : {}), ...(kind ? { kind } : {}) }),
    actionsRaised: actions.filter((a) => a.raisedInMeetingId === meeting.id),
    inspectionAreas: trust.model.inspectionAreas,
    people: people.filter((p) => involved.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
  };
}
