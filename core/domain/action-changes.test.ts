import { actionCan, checkDueDate, defaultDueDate, dueDateWarning, withdrawAction } from './action-changes';
import { calendar, makeAction, makeMeeting, makePerson } from './test-factories';

const owner = makePerson('head', 'Helen Shaw', [['head', 'oakfield']]);
const governor = makePerson('governor', 'Gwen Taylor', [['governor', 'oakfield']]);
const chair = makePerson('aid', 'Alison Reed', [['improvement-director']]);
const admin = makePerson('admin', 'Sam Okafor', [['trust-admin']]);
const outsider = makePerson('head-bl', 'Daniel Hughes', [['head', 'brook-lane']]);
const raisedByGovernor = makeAction({ raisedBy: 'governor', createdAt: '2026-11-23T09:00:00.000Z' });
const now = '2026-11-23T15:00:00.000Z';

describe('who may do what to an action', () => {
  it('lets the owner move it on, but not correct or withdraw it', () => {
    expect(actionCan(owner, raisedByGovernor, { now })).toEqual({ progress: true, edit: false, withdraw: false });
  });

  it('lets whoever raised it correct it, and withdraw it within a day', () => {
    expect(actionCan(governor, raisedByGovernor, { now })).toEqual({ progress: false, edit: true, withdraw: true });
    expect(actionCan(governor, raisedByGovernor, { now: '2026-11-24T09:30:00.000Z' }).withdraw).toBe(false);
  });

  it('lets the chair of the meeting that raised it move it on and correct it', () => {
    const chairOfMeeting = makePerson('chair-x', 'Chris Hale', [['chair-lgb', 'oakfield']]);
    expect(actionCan(chairOfMeeting, raisedByGovernor, { raisingChairId: 'chair-x', now })).toEqual({
      progress: true,
      edit: true,
      withdraw: false,
    });
    expect(actionCan(chairOfMeeting, raisedByGovernor, { now })).toEqual({ progress: false, edit: false, withdraw: false });
  });

  it('lets the trust team do both, and only the trust administrator withdraw at any time', () => {
    expect(actionCan(chair, raisedByGovernor, { now: '2027-01-10T10:00:00.000Z' })).toEqual({
      progress: true,
      edit: true,
      withdraw: false,
    });
    expect(actionCan(admin, raisedByGovernor, { now: '2027-01-10T10:00:00.000Z' }).withdraw).toBe(true);
  });

  it('gives someone who cannot see the academy nothing, and a done action no corrections', () => {
    expect(actionCan(outsider, { ...raisedByGovernor, ownerId: 'head-bl' }, { now })).toEqual({
      progress: false,
      edit: false,
      withdraw: false,
    });
    expect(actionCan(governor, { ...raisedByGovernor, status: 'done' }, { now }).edit).toBe(false);
  });
});

describe('withdrawing', () => {
  it('needs a reason, and keeps it in the progress log', () => {
    expect(withdrawAction(raisedByGovernor, { by: governor, now, reason: ' ' })).toMatchObject({
      ok: false,
      code: 'ACTION.WITHDRAW_REASON_REQUIRED',
    });
    const r = withdrawAction(raisedByGovernor, { by: governor, now, reason: 'Raised twice' });
    expect(r.ok && r.action.progress.at(-1)).toEqual({ at: now, by: 'governor', note: 'Withdrawn: Raised twice' });
  });

  it('is too late for whoever raised it after 24 hours, but not for the trust administrator', () => {
    const later = '2026-11-24T09:00:01.000Z';
    expect(withdrawAction(raisedByGovernor, { by: governor, now: later, reason: 'x' })).toMatchObject({
      ok: false,
      code: 'ACTION.WITHDRAW_TOO_LATE',
    });
    expect(withdrawAction(raisedByGovernor, { by: admin, now: later, reason: 'x' }).ok).toBe(true);
  });
});

describe('due dates', () => {
  it('says why a day is a poor due date: the holidays by name, a weekend, a bank holiday', () => {
    expect(dueDateWarning('2026-12-24', calendar)).toBe('Thursday 24 December 2026 is in the Christmas holidays');
    expect(dueDateWarning('2026-10-28', calendar)).toBe('Wednesday 28 October 2026 is in the October half term');
    expect(dueDateWarning('2027-04-01', calendar)).toBe('Thursday 1 April 2027 is in the Easter holidays');
    expect(dueDateWarning('2027-08-10', calendar)).toBe('Tuesday 10 August 2027 is in the summer holidays');
    expect(dueDateWarning('2026-11-28', calendar)).toBe('Saturday 28 November 2026 is a Saturday');
    expect(dueDateWarning('2027-05-03', calendar)).toMatch(/^Monday 3 May 2027 is a bank holiday/);
    expect(dueDateWarning('2026-12-11', calendar)).toBeUndefined();
  });

  it('refuses a holiday due date with a school day to choose instead, unless the person keeps it', () => {
    expect(checkDueDate('2026-12-24', calendar, false)).toEqual({
      ok: false,
      code: 'ACTION.DUE_IN_HOLIDAYS',
      message:
        'Thursday 24 December 2026 is in the Christmas holidays. Keep the date anyway, or choose a school day such as Friday 18 December 2026.',
    });
    expect(checkDueDate('2026-12-24', calendar, true)).toEqual({ ok: true });
  });

  it('defaults to the school day before the academy’s next meeting after the one raising it', () => {
    const raising = makeMeeting({ id: 'aim-1', date: '2026-11-24' });
    const next = makeMeeting({ id: 'aim-2', date: '2027-01-05' });
    const elsewhere = makeMeeting({ id: 'other', academyId: 'brook-lane', date: '2026-12-01' });
    // 5 January 2027 is the second day of the spring term: the school day before it is Monday 4 January.
    expect(defaultDueDate([raising, next, elsewhere], 'oakfield', raising.date, '2026-11-23', calendar)).toEqual({
      dueDate: '2027-01-04',
      nextMeeting: { id: 'aim-2', kind: 'aim', date: '2027-01-05' },
    });
    // The first day of term: the school day before it is the last day of the autumn term.
    expect(
      defaultDueDate([makeMeeting({ id: 'aim-3', date: '2027-01-04' })], 'oakfield', '2026-11-24', '2026-11-23', calendar).dueDate,
    ).toBe('2026-12-18');
  });

  it('with no meeting planned, is a school day about four weeks on', () => {
    expect(defaultDueDate([], 'oakfield', '2026-11-23', '2026-11-23', calendar).dueDate).toBe('2026-12-18');
  });
});
