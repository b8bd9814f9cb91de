import { dsat, kindOf, makeMeeting, makePeople, makePerson } from './test-factories';
import { meetingCan, viewerCan } from './viewer-can';

const model = dsat();
const people = makePeople();
const who = (id: string) => people.find((p) => p.id === id)!;
const aim = makeMeeting({ kind: 'aim', date: '2027-01-20', status: 'planned' });
const kind = kindOf(model, 'aim');

describe('meetingCan: what the meeting page offers at each moment', () => {
  it('before the meeting: the chair may take apologies but not record attendance, judgements or notes, nor raise actions', () => {
    const can = meetingCan(who(aim.chairId), aim, kind, '2026-11-23');
    expect(can).toEqual(
      expect.objectContaining({
        moment: 'before',
        run: true,
        sendApologies: true,
        recordAttendance: false,
        recordJudgements: false,
        writeNotes: false,
        raiseActions: false,
      }),
    );
  });

  it('on the day: the chair records attendance, judgements and notes; a governor raises actions but records nothing', () => {
    expect(meetingCan(who(aim.chairId), aim, kind, '2027-01-20')).toEqual(
      expect.objectContaining({
        moment: 'on-the-day',
        recordAttendance: true,
        recordJudgements: true,
        writeNotes: true,
        raiseActions: true,
      }),
    );
    expect(meetingCan(who('governor'), aim, kind, '2027-01-20')).toEqual(
      expect.objectContaining({ moment: 'on-the-day', run: false, recordAttendance: false, recordJudgements: false, writeNotes: false }),
    );
  });

  it('after: no more apologies; the chair may still write the notes until they are circulated', () => {
    const held = { ...aim, status: 'held' as const };
    expect(meetingCan(who(aim.chairId), held, kind, '2027-01-25')).toEqual(
      expect.objectContaining({ moment: 'after', sendApologies: false, writeNotes: true }),
    );
    const circulated = {
      ...held,
      notes: {
        text: 'Notes',
        writtenBy: aim.chairId,
        writtenAt: '2027-01-20T15:00:00.000Z',
        approvals: [],
        circulatedAt: '2027-01-22T09:00:00.000Z',
      },
    };
    expect(meetingCan(who(aim.chairId), circulated, kind, '2027-01-25').writeNotes).toBe(false);
  });

  it('offers a governor apologies only while they are expected, and judgements only where the kind records them', () => {
    expect(meetingCan(who('governor'), aim, kind, '2026-11-23').sendApologies).toBe(true);
    const away = {
      ...aim,
      attendees: aim.attendees.map((a) =>
        a.personId === 'governor'
          ? { ...a, attendance: 'apologies' as const, apology: { reason: 'Away', givenAt: '2026-11-20T09:00:00.000Z' } }
          : a,
      ),
    };
    expect(meetingCan(who('governor'), away, kind, '2026-11-23').sendApologies).toBe(false);
    const iaim = makeMeeting({ kind: 'iaim', date: '2027-01-20', status: 'planned' });
    expect(meetingCan(who(iaim.chairId), iaim, kindOf(model, 'iaim'), '2027-01-20').recordJudgements).toBe(false);
  });
});

describe('viewerCan: each role sees its own tools', () => {
  it('gives a head and a governor their academy as their dashboard, without the trust’s export and search', () => {
    expect(viewerCan(who('head'))).toEqual(
      expect.objectContaining({ homeAcademyId: 'oakfield', useTrustTools: false, seeWholeTrust: false }),
    );
    expect(viewerCan(who('governor')).homeAcademyId).toBe('oakfield');
  });

  it('keeps the trust dashboard and its tools for trust roles, and a table for someone at two academies', () => {
    expect(viewerCan(who('ceo'))).toEqual(expect.objectContaining({ useTrustTools: true, seeWholeTrust: true }));
    expect(viewerCan(who('ceo')).homeAcademyId).toBeUndefined();
    const partner = makePerson('p', 'Pat Two', [
      ['headteacher-partner', 'oakfield'],
      ['head', 'riverside'],
    ]);
    expect(viewerCan(partner).homeAcademyId).toBeUndefined();
    expect(viewerCan(partner).useTrustTools).toBe(false);
  });
});
