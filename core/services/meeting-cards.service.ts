import { isTrustMeeting } from '../domain/meeting';
import { carryForwardActions } from '../domain/carry-forward';
import { getAction } from './actions.service';
import { actionView } from './mappers/action.mapper';
import type { Person } from '../domain/people';
import { canAccessAcademy } from '../domain/permissions';
import { meetingCan } from '../domain/viewer-can';
import { nameDirectory } from './directory.service';
import { meetingRecordView } from './mappers/meeting-record.mapper';
import { meetingFor } from './meeting-writes';
import { loadTrust, type ServiceDeps } from './service-context';

/**
 * A meeting as one viewer's cards show it: the record through the mapper, the academy's and kind's
 * names, names of people the viewer may see, who may stand in as a substitute, today, and what the
 * viewer may do. Cards for someone else (the chair told of an extension request) are built from
 * that person's own view.
 */
export async function meetingForCards(deps: ServiceDeps, viewer: Person, meetingId: string) {
  const meeting = await meetingFor(deps, viewer, meetingId, 'read');
  const [trust, academy, dir, actions] = await Promise.all([
    loadTrust(deps),
    deps.store.academies.get(meeting.academyId),
    nameDirectory(deps, viewer),
    deps.store.actions.list({ academyId: meeting.academyId }).toArray(),
  ]);
  const kind = trust.model.meetingKinds.find((k) => k.id === meeting.kind);
  // A trust meeting (a heads' forum, the board) has no academy and its kind is one of the model's trust meetings.
  const trustKind = isTrustMeeting(meeting) ? trust.model.trustMeetings.find((k) => k.id === meeting.kind) : undefined;
  const attending = new Set(meeting.attendees.map((a) => a.personId));
  // A substitute may see the meeting's academy: its staff and governors, or the trust's roles.
  const substitutes = dir.people
    .filter((p) => !attending.has(p.id) && canAccessAcademy(p, meeting.academyId, 'read'))
    .map((p) => ({ id: p.id, name: p.name }));
  return {
    meeting: meetingRecordView(viewer, meeting, kind),
    academyName: academy?.name ?? (trustKind ? 'the trust' : 'the academy'),
    kindName: kind?.name ?? trustKind?.name ?? 'meeting',
    today: trust.today,
    nameOf: dir.nameOf,
    substitutes,
    agenda: kind?.agenda ?? [],
    carriedForward: carryForwardActions(actions, meeting, kind ? { kind } : {}),
    can: meetingCan(viewer, meeting, kind, trust.today),
  };
}

/** An action as its cards show it, with its academy's name. */
export async function actionForCards(deps: ServiceDeps, viewer: Person, actionId: string) {
  const action = await getAction(deps, viewer, actionId);
  const academy = await deps.store.academies.get(action.academyId);
  return { action: actionView(action), academyName: academy?.name ?? 'the academy' };
}

export type MeetingForCards = Awaited<ReturnType<typeof meetingForCards>>;
