import { decideExtension, notThePapersActor, requestExtension, submitPaper } from './paper-submissions';
import { effectiveDueDate, isPaperOverdue, papersState } from './paper-deadlines';
import { calendar, makeMeeting } from './test-factories';

// An AIM on Tuesday 13 October 2026: DSAT papers are due a week before, Tuesday 6 October.
const aim = makeMeeting({ kind: 'aim', date: '2026-10-13' });
const now = '2026-10-05T14:00:00.000Z';

describe('submitPaper', () => {
  it('records the head’s report as in, with who sent it and where it is', () => {
    const r = submitPaper(aim, 'heads-report', { by: 'head', now, link: 'https://trust.sharepoint.com/papers/heads-report.docx' });
    expect(r.ok && r.paper).toMatchObject({
      submittedAt: now,
      submittedBy: 'head',
      link: 'https://trust.sharepoint.com/papers/heads-report.docx',
    });
    expect(r.ok && r.meeting.papers.filter((p) => p.submittedAt).map((p) => p.requirementId)).toEqual(['heads-report']);
  });

  it('says so when the paper is already in', () => {
    const first = submitPaper(aim, 'heads-report', { by: 'head', now });
    if (!first.ok) throw new Error(first.message);
    const again = submitPaper(first.meeting, 'heads-report', { by: 'head', now });
    expect(again).toEqual({ ok: false, code: 'PAPER.ALREADY_IN', message: expect.stringContaining('Headteacher’s report is already in') });
  });

  it('refuses a paper the meeting does not need', () => {
    expect(submitPaper(aim, 'sef', { by: 'head', now })).toMatchObject({ ok: false, code: 'PAPER.NOT_REQUIRED' });
  });

  it('shows all papers in once the last one arrives', () => {
    const all = aim.papers.reduce((m, p) => {
      const r = submitPaper(m, p.requirementId, { by: 'head', now });
      if (!r.ok) throw new Error(r.message);
      return r.meeting;
    }, aim);
    expect(papersState(all, '2026-10-07')).toBe('all-in');
  });
});

describe('requestExtension', () => {
  const ask = (newDueDate: string, reason = 'Data drop delayed by the MIS upgrade') =>
    requestExtension(aim, 'pupil-achievement-data', { by: 'head', now, newDueDate, reason }, calendar);

  it('records a request for a later working day before the meeting', () => {
    const r = ask('2026-10-08');
    expect(r.ok && r.paper.extension).toEqual({
      requestedBy: 'head',
      requestedAt: now,
      newDueDate: '2026-10-08',
      reason: 'Data drop delayed by the MIS upgrade',
      status: 'requested',
    });
    expect(r.ok && effectiveDueDate(r.paper)).toBe('2026-10-06'); // not moved until the chair agrees
  });

  it('refuses a date that is not after the current deadline', () => {
    expect(ask('2026-10-06')).toMatchObject({
      ok: false,
      code: 'PAPER.EXTENSION_NOT_LATER',
      message: expect.stringContaining('6 October 2026'),
    });
  });

  it('refuses a Saturday', () => {
    expect(ask('2026-10-10')).toMatchObject({
      ok: false,
      code: 'PAPER.EXTENSION_NOT_A_WORKING_DAY',
      message: expect.stringContaining('is at the weekend'),
    });
  });

  it('refuses a date on or after the meeting, since attendees must read the paper first', () => {
    expect(ask('2026-10-13')).toMatchObject({ ok: false, code: 'PAPER.EXTENSION_NOT_BEFORE_MEETING' });
  });

  it('refuses a request with no reason', () => {
    expect(ask('2026-10-08', '   ')).toMatchObject({ ok: false, code: 'PAPER.EXTENSION_REASON_REQUIRED' });
  });

  it('refuses the early May bank holiday', () => {
    const summer = makeMeeting({ kind: 'aim', date: '2027-05-06' }); // papers due Thursday 29 April
    const r = requestExtension(
      summer,
      'heads-report',
      { by: 'head', now: '2027-04-27T10:00:00.000Z', newDueDate: '2027-05-03', reason: 'Illness' },
      calendar,
    );
    expect(r).toMatchObject({
      ok: false,
      code: 'PAPER.EXTENSION_NOT_A_WORKING_DAY',
      message: expect.stringContaining('is the Early May bank holiday'),
    });
  });

  it('refuses a day in the half-term holiday', () => {
    const early = makeMeeting({ kind: 'aim', date: '2026-11-03' }); // papers due Friday 23 October, the last day before half term
    const inHoliday = requestExtension(
      early,
      'heads-report',
      { by: 'head', now: '2026-10-20T10:00:00.000Z', newDueDate: '2026-10-28', reason: 'Illness' },
      calendar,
    );
    expect(inHoliday).toMatchObject({
      ok: false,
      code: 'PAPER.EXTENSION_NOT_A_WORKING_DAY',
      message: expect.stringContaining('in the school holidays'),
    });
  });

  it('refuses a second request while one is waiting', () => {
    const first = ask('2026-10-08');
    if (!first.ok) throw new Error(first.message);
    const second = requestExtension(
      first.meeting,
      'pupil-achievement-data',
      { by: 'head', now, newDueDate: '2026-10-09', reason: 'More time' },
      calendar,
    );
    expect(second).toMatchObject({ ok: false, code: 'PAPER.EXTENSION_ALREADY_REQUESTED' });
  });
});

describe('decideExtension', () => {
  const requested = (() => {
    const r = requestExtension(
      aim,
      'pupil-achievement-data',
      { by: 'head', now, newDueDate: '2026-10-08', reason: 'Data drop delayed' },
      calendar,
    );
    if (!r.ok) throw new Error(r.message);
    return r.meeting;
  })();

  it('moves the deadline when the chair (the AID) approves', () => {
    const r = decideExtension(requested, 'pupil-achievement-data', { by: 'aid', now: '2026-10-05T16:00:00.000Z', approve: true });
    expect(r.ok && r.paper.extension).toMatchObject({ status: 'approved', decidedBy: 'aid', decidedAt: '2026-10-05T16:00:00.000Z' });
    expect(r.ok && effectiveDueDate(r.paper)).toBe('2026-10-08');
    expect(r.ok && isPaperOverdue(r.paper, r.meeting, '2026-10-07')).toBe(false);
  });

  it('keeps the original deadline when the chair declines, so the paper is overdue after it', () => {
    const r = decideExtension(requested, 'pupil-achievement-data', { by: 'aid', now, approve: false });
    expect(r.ok && r.paper.extension?.status).toBe('declined');
    expect(r.ok && isPaperOverdue(r.paper, r.meeting, '2026-10-07')).toBe(true);
  });

  it('lets only the meeting’s chair decide', () => {
    expect(decideExtension(requested, 'pupil-achievement-data', { by: 'head', now, approve: true })).toMatchObject({
      ok: false,
      code: 'PAPER.NOT_THE_CHAIR',
    });
  });

  it('refuses a decision when no extension was asked for, or it was already decided', () => {
    expect(decideExtension(aim, 'heads-report', { by: 'aid', now, approve: true })).toMatchObject({
      ok: false,
      code: 'PAPER.NO_EXTENSION_REQUESTED',
    });
    const decided = decideExtension(requested, 'pupil-achievement-data', { by: 'aid', now, approve: true });
    if (!decided.ok) throw new Error(decided.message);
    expect(decideExtension(decided.meeting, 'pupil-achievement-data', { by: 'aid', now, approve: false })).toMatchObject({
      ok: false,
      code: 'PAPER.NO_EXTENSION_REQUESTED',
      message: expect.stringContaining('already been approved'),
    });
  });
});

describe('notThePapersActor: who answers for a paper', () => {
  const governor = { id: 'governor', roles: [{ role: 'governor' as const, academyId: aim.academyId }] };
  const owner = {
    id: aim.papers.find((p) => p.requirementId === 'heads-report')!.ownerId!,
    roles: [{ role: 'head' as const, academyId: aim.academyId }],
  };

  it('lets the paper’s owner, the meeting’s chair and the trust’s improvement team mark it in or ask for more time', () => {
    for (const viewer of [
      owner,
      { id: aim.chairId, roles: [{ role: 'peer-head' as const, academyId: aim.academyId }] },
      { id: 'someone-at-the-trust', roles: [{ role: 'trust-admin' as const }] },
    ]) {
      expect(notThePapersActor(viewer, aim, 'heads-report', 'mark-in')).toBeUndefined();
      expect(notThePapersActor(viewer, aim, 'heads-report', 'more-time')).toBeUndefined();
    }
  });

  it('refuses a governor at the academy, and the board, politely', () => {
    expect(notThePapersActor(governor, aim, 'heads-report', 'mark-in')).toMatch(
      /^Sorry, only the paper’s owner, the chair of the meeting or the trust’s improvement team can mark the Headteacher’s report in\.$/,
    );
    expect(notThePapersActor({ id: 'board', roles: [{ role: 'board' }] }, aim, 'heads-report', 'more-time')).toMatch(
      /can ask for more time on the Headteacher’s report/,
    );
  });

  it('leaves a paper the meeting does not have to submitPaper to refuse', () => {
    expect(notThePapersActor(governor, aim, 'no-such-paper', 'mark-in')).toBeUndefined();
  });
});
