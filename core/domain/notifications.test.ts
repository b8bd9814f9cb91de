import { messagesFor } from './notifications';
import { makeMeeting } from './test-factories';

const meeting = makeMeeting({ date: '2027-01-20' });
const head = meeting.attendees.find((a) => a.role === 'head')!.personId;
const chairOfLgb = meeting.attendees.find((a) => a.role === 'chair-lgb')!.personId;
const paper = meeting.papers.find((p) => p.ownerId === head)!;
const withExtension = (status: 'requested' | 'approved') => ({
  ...meeting,
  papers: meeting.papers.map((p) =>
    p === paper
      ? {
          ...p,
          extension: {
            requestedBy: head,
            requestedAt: '2027-01-10T09:00:00.000Z',
            newDueDate: '2027-01-15',
            reason: 'MIS upgrade',
            status,
            ...(status === 'approved' ? { decidedBy: meeting.chairId, decidedAt: '2027-01-11T09:00:00.000Z' } : {}),
          },
        }
      : p,
  ),
});

describe('who is told when something happens', () => {
  it('tells the chair of an extension asked for, and the head of the decision, each once per request', () => {
    expect(
      messagesFor({ kind: 'extension-requested', meeting: withExtension('requested'), requirementId: paper.requirementId }, head),
    ).toEqual([
      {
        kind: 'extension-request',
        personId: meeting.chairId,
        meetingId: meeting.id,
        requirementIds: [paper.requirementId],
        occurrence: `${meeting.id}:${paper.requirementId}:2027-01-10T09:00:00.000Z`,
      },
    ]);
    const decided = messagesFor(
      { kind: 'extension-decided', meeting: withExtension('approved'), requirementId: paper.requirementId },
      meeting.chairId,
    );
    expect(decided.map((m) => [m.kind, m.personId, m.occurrence])).toEqual([
      ['extension-decision', head, `${meeting.id}:${paper.requirementId}:2027-01-11T09:00:00.000Z`],
    ]);
  });

  it('never tells the person who made the change', () => {
    expect(
      messagesFor(
        { kind: 'extension-requested', meeting: withExtension('requested'), requirementId: paper.requirementId },
        meeting.chairId,
      ),
    ).toEqual([]);
    expect(messagesFor({ kind: 'action-created', action: { id: 'a1', ownerId: head } }, head)).toEqual([]);
  });

  it('tells the approvers when notes are sent, with the same key as the sweep’s reminder', () => {
    const notes = {
      text: 'Notes',
      writtenBy: meeting.chairId,
      writtenAt: '2027-01-21T16:00:00.000Z',
      approvals: [
        { role: 'head' as const, personId: head, status: 'pending' as const },
        { role: 'chair-lgb' as const, personId: chairOfLgb, status: 'pending' as const },
      ],
    };
    const sent = messagesFor({ kind: 'notes-written', meeting: { ...meeting, notes } }, meeting.chairId);
    expect(sent.map((m) => [m.kind, m.personId, m.occurrence])).toEqual([
      ['notes-approval', head, `${meeting.id}@2027-01-21T16:00:00.000Z`],
      ['notes-approval', chairOfLgb, `${meeting.id}@2027-01-21T16:00:00.000Z`],
    ]);
  });

  it('tells every attendee but the mover of a meeting moved, and nobody when only its notes changed', () => {
    const moved = { ...meeting, date: '2027-01-27', startsAt: '2027-01-27T09:00:00.000Z' };
    const told = messagesFor({ kind: 'meeting-moved', before: meeting, meeting: moved }, meeting.chairId);
    expect(told.map((m) => m.personId).sort()).toEqual(
      meeting.attendees
        .map((a) => a.personId)
        .filter((id) => id !== meeting.chairId)
        .sort(),
    );
    expect(new Set(told.map((m) => m.occurrence))).toEqual(new Set([`${meeting.id}@2027-01-27T09:00:00.000Z`]));
    expect(messagesFor({ kind: 'meeting-moved', before: meeting, meeting }, meeting.chairId)).toEqual([]);
  });

  it('tells the chair of apologies, naming whose they are in the occurrence', () => {
    const apologised = {
      ...meeting,
      attendees: meeting.attendees.map((a) =>
        a.personId === chairOfLgb
          ? { ...a, attendance: 'apologies' as const, apology: { reason: 'Work', givenAt: '2027-01-12T10:00:00.000Z' } }
          : a,
      ),
    };
    expect(messagesFor({ kind: 'apologies', meeting: apologised, personId: chairOfLgb }, chairOfLgb)).toEqual([
      {
        kind: 'apologies-sent',
        personId: meeting.chairId,
        meetingId: meeting.id,
        occurrence: `${meeting.id}:${chairOfLgb}@2027-01-12T10:00:00.000Z`,
      },
    ]);
  });

  it('tells the academy’s head and chair of the LGB when it moves on the escalation ladder, once each', () => {
    const told = messagesFor(
      {
        kind: 'escalation-moved',
        academyId: 'brook-lane',
        at: '2027-01-12T16:00:00.000Z',
        headsAndChairs: ['head-brook-lane', 'chair-brook-lane', 'head-brook-lane'],
      },
      'aid-graham',
    );
    expect(told).toEqual([
      { kind: 'escalation-moved', personId: 'head-brook-lane', academyId: 'brook-lane', occurrence: 'brook-lane@2027-01-12T16:00:00.000Z' },
      {
        kind: 'escalation-moved',
        personId: 'chair-brook-lane',
        academyId: 'brook-lane',
        occurrence: 'brook-lane@2027-01-12T16:00:00.000Z',
      },
    ]);
  });
});
