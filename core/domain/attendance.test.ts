import { apologiesFor, noticeDays, recordAttendance, sendApologies, substituteProblem } from './attendance';
import { ACADEMY_ID, makeMeeting, makePeople, makePerson } from './test-factories';

// An AIM on Tuesday 13 October 2026 at 09:30.
const aim = makeMeeting({ kind: 'aim', date: '2026-10-13' });
const people = [
  ...makePeople(),
  makePerson('deputy', 'Dee Patel', [['governor', ACADEMY_ID]]),
  makePerson('outsider', 'Daniel Hughes', [['head', 'brook-lane']]),
  makePerson('vice', 'Val Moore', [
    ['governor', ACADEMY_ID],
    ['chair-lgb', ACADEMY_ID],
  ]),
];

describe('noticeDays', () => {
  it('counts calendar days from the day the apologies were given in England to the meeting', () => {
    expect(noticeDays(aim, '2026-10-06T08:00:00.000Z')).toBe(7);
    expect(noticeDays(aim, '2026-10-12T23:30:00.000Z')).toBe(0); // 00:30 on the 13th in BST
  });
});

describe('sendApologies', () => {
  const now = '2026-10-06T08:00:00.000Z';

  it('records the chair of LGB’s apologies with the reason and the notice given', () => {
    const r = sendApologies(aim, { personId: 'chair', reason: 'Away on a school trip', now }, people);
    expect(r.ok && r.noticeDays).toBe(7);
    expect(r.ok && r.meeting.attendees.find((a) => a.personId === 'chair')).toMatchObject({
      attendance: 'apologies',
      apology: { reason: 'Away on a school trip', givenAt: now },
    });
  });

  it('adds a named substitute to the meeting as expected, in their own role at the academy', () => {
    const r = sendApologies(aim, { personId: 'chair', reason: 'Away on a school trip', now, substituteId: 'deputy' }, people);
    expect(r.ok && r.meeting.attendees.find((a) => a.personId === 'deputy')).toEqual({
      personId: 'deputy',
      role: 'governor',
      presence: 'expected',
      attendance: 'expected',
    });
    expect(r.ok && apologiesFor(r.meeting)[0]?.apology?.substituteId).toBe('deputy');
  });

  it('lists the CEO standing in for the chair of LGB as the CEO, not as the chair of LGB', () => {
    const r = sendApologies(aim, { personId: 'chair', reason: 'Away on a school trip', now, substituteId: 'ceo' }, people);
    expect(r.ok && r.meeting.attendees.find((a) => a.personId === 'ceo')?.role).toBe('ceo');
  });

  it('lists a substitute who also holds the absent person’s role at the academy in that role', () => {
    const r = sendApologies(aim, { personId: 'chair', reason: 'Away on a school trip', now, substituteId: 'vice' }, people);
    expect(r.ok && r.meeting.attendees.find((a) => a.personId === 'vice')?.role).toBe('chair-lgb');
  });

  it('refuses a substitute from another academy, who may not see this one’s records', () => {
    const r = sendApologies(aim, { personId: 'chair', reason: 'Ill', now, substituteId: 'outsider' }, people);
    expect(r).toMatchObject({
      ok: false,
      code: 'ATTENDANCE.SUBSTITUTE_OUTSIDE_ACADEMY',
      message: expect.stringContaining('Daniel Hughes cannot see'),
    });
  });

  it('needs a reason, as DSAT asks for "sufficient notice and explanation"', () => {
    expect(sendApologies(aim, { personId: 'chair', reason: ' ', now }, people)).toMatchObject({
      ok: false,
      code: 'ATTENDANCE.REASON_REQUIRED',
    });
  });

  it('refuses a substitute the trust does not know', () => {
    expect(sendApologies(aim, { personId: 'chair', reason: 'Ill', now, substituteId: 'stranger' }, people)).toMatchObject({
      ok: false,
      code: 'ATTENDANCE.UNKNOWN_SUBSTITUTE',
    });
  });

  it('refuses a substitute who is already attending', () => {
    expect(sendApologies(aim, { personId: 'chair', reason: 'Ill', now, substituteId: 'governor' }, people)).toMatchObject({
      ok: false,
      code: 'ATTENDANCE.SUBSTITUTE_ALREADY_ATTENDING',
      message: expect.stringContaining('Gwen Taylor is already attending'),
    });
  });

  it('refuses apologies from someone not invited, and after the meeting has happened', () => {
    expect(sendApologies(aim, { personId: 'deputy', reason: 'Ill', now }, people)).toMatchObject({
      ok: false,
      code: 'ATTENDANCE.NOT_AN_ATTENDEE',
    });
    expect(sendApologies(aim, { personId: 'chair', reason: 'Ill', now: '2026-10-14T08:00:00.000Z' }, people)).toMatchObject({
      ok: false,
      code: 'ATTENDANCE.MEETING_PAST',
    });
  });

  it('refuses apologies given twice', () => {
    const first = sendApologies(aim, { personId: 'chair', reason: 'Ill', now }, people);
    if (!first.ok) throw new Error(first.message);
    expect(sendApologies(first.meeting, { personId: 'chair', reason: 'Still ill', now }, people)).toMatchObject({
      ok: false,
      code: 'ATTENDANCE.APOLOGIES_ALREADY_GIVEN',
    });
  });
});

describe('recordAttendance', () => {
  it('marks who attended and who was absent', () => {
    const r1 = recordAttendance(aim, 'head', 'attended');
    if (!r1.ok) throw new Error(r1.message);
    const r2 = recordAttendance(r1.meeting, 'partner', 'absent');
    expect(r2.ok && r2.meeting.attendees.filter((a) => a.attendance !== 'expected').map((a) => [a.personId, a.attendance])).toEqual([
      ['head', 'attended'],
      ['partner', 'absent'],
    ]);
  });

  it('keeps someone who sent apologies under apologies rather than absent', () => {
    const sent = sendApologies(aim, { personId: 'chair', reason: 'Ill', now: '2026-10-12T08:00:00.000Z' }, people);
    if (!sent.ok) throw new Error(sent.message);
    const r = recordAttendance(sent.meeting, 'chair', 'absent');
    expect(r.ok && r.meeting.attendees.find((a) => a.personId === 'chair')?.attendance).toBe('apologies');
  });

  it('refuses someone not on the list', () => {
    expect(recordAttendance(aim, 'deputy', 'attended')).toMatchObject({ ok: false, code: 'ATTENDANCE.NOT_AN_ATTENDEE' });
  });
});

describe('substituteProblem', () => {
  const oakfield = { id: ACADEMY_ID, name: 'Oakfield Primary Academy' };
  it('lets the academy’s own people and trust roles stand in, and names anyone else on substituteId', () => {
    expect(
      substituteProblem(
        people.find((p) => p.id === 'deputy')!,
        oakfield,
      ),
    ).toBeUndefined();
    expect(
      substituteProblem(
        people.find((p) => p.id === 'ceo')!,
        oakfield,
      ),
    ).toBeUndefined();
    expect(
      substituteProblem(
        people.find((p) => p.id === 'outsider')!,
        oakfield,
      ),
    ).toEqual({
      field: 'substituteId',
      message: 'Daniel Hughes cannot see Oakfield Primary Academy’s records, so cannot stand in at this meeting.',
    });
  });
});
