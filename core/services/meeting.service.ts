import { carryForwardActions } from '../domain/carry-forward';
import { isPaperOverdue, papersState } from '../domain/paper-deadlines';
import type { Person } from '../domain/people';
import { canAccessAcademy } from '../domain/permissions';
import { meetingCan } from '../domain/viewer-can';
import { nameDirectory } from './directory.service';
import { actionView } from './mappers/action.mapper';
import { meetingRecordView } from './mappers/meeting-record.mapper';
import { meetingFor } from './meeting-writes';
import { loadTrust, type ServiceDeps } from './service-context';

/** A meeting with what the tab shows around it: its kind, academy, people's names, carried-forward and raised actions. */
export async function getMeetingView(deps: ServiceDeps, viewer: Person, meetingId: string) {
  const meeting = await meetingFor(deps, viewer, meetingId, 'read');
  const trust = await loadTrust(deps);
  const [academy, actions, academyMeetings] = await Promise.all([
    deps.store.academies.get(meeting.academyId),
    deps.store.actions.list({ academyId: meeting.academyId }).toArray(),
    deps.store.meetings.list({ academyId: meeting.academyId }).toArray(),
  ]);
  const kind = trust.model.meetingKinds.find((k) => k.id === meeting.kind);
  const previousMeeting = academyMeetings
    .filter((m) => m.status === 'held' && m.date < meeting.date && m.id !== meeting.id)
    .sort((a, b) => b.date.localeCompare(a.date))[0];
  const involved = new Set([
    meeting.chairId,
    ...meeting.attendees.map((a) => a.personId),
    ...meeting.attendees.flatMap((a) => (a.apology?.substituteId ? [a.apology.substituteId] : [])),
    ...actions.map((a) => a.ownerId),
  ]);
  const directory = (await nameDirectory(deps, viewer)).people;
  const visible = new Map(directory.map((p) => [p.id, p]));
  // Owners and substitutes must be able to see the academy: its staff and governors, or trust roles.
  const atAcademy = directory.filter((p) => canAccessAcademy(p, meeting.academyId, 'read'));
  const listed = new Set(meeting.attendees.map((a) => a.personId));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const firstAttendees = [meeting.chairId, ...meeting.attendees.map((a) => a.personId)].filter(
    (id, i, all) => all.indexOf(id) === i && atAcademy.some((p) => p.id === id),
  );
  return {
    meeting: meetingRecordView(viewer, meeting, kind),
    can: meetingCan(viewer, meeting, kind, trust.today),
    academy: academy ? { id: academy.id, name: academy.name } : undefined,
    kind: kind
      ? {
          id: kind.id,
          name: kind.name,
          abbreviation: kind.abbreviation,
          agenda: kind.agenda,
          notesApprovers: kind.notesApprovers,
          recordsJudgements: kind.recordsJudgements,
        }
      : undefined,
    papersState: papersState(meeting, trust.today),
    /** Requirement ids of the papers past their (extended) date and still not in, by the trust's today. */
    overduePapers: meeting.papers.filter((p) => isPaperOverdue(p, meeting, trust.today)).map((p) => p.requirementId),
    carriedForward: carryForwardActions(actions, meeting, { ...(previousMeeting ? { previousMeeting } : {}), ...(kind ? { kind } : {}) }),
    actionsRaised: actions.filter((a) => a.raisedInMeetingId === meeting.id).map(actionView),
    inspectionAreas: trust.model.inspectionAreas,
    actionOwners: [
      ...firstAttendees.map((id) => atAcademy.find((p) => p.id === id)!),
      ...atAcademy.filter((p) => !firstAttendees.includes(p.id)).sort(byName),
    ].map((p) => ({ id: p.id, name: p.name })),
    substitutes: atAcademy
      .filter((p) => !listed.has(p.id))
      .sort(byName)
      .map((p) => ({ id: p.id, name: p.name })),
    people: [...involved].flatMap((id) => {
      const p = visible.get(id);
      return p ? [{ id: p.id, name: p.name }] : [];
    }),
  };
}
