import { carryForwardActions, isActionOverdue, updateActionStatus } from './carry-forward';
import { dsat, kindOf, makeAction, makeMeeting } from './test-factories';

describe('isActionOverdue', () => {
  it('is overdue the day after its due date while still open', () => {
    const a = makeAction({ dueDate: '2026-11-20' });
    expect(isActionOverdue(a, '2026-11-20')).toBe(false);
    expect(isActionOverdue(a, '2026-11-23')).toBe(true);
  });

  it('is never overdue once done or dropped', () => {
    expect(isActionOverdue(makeAction({ dueDate: '2026-11-20', status: 'done' }), '2027-01-10')).toBe(false);
    expect(isActionOverdue(makeAction({ dueDate: '2026-11-20', status: 'dropped' }), '2027-01-10')).toBe(false);
  });
});

describe('carryForwardActions', () => {
  const aim = makeMeeting({ id: 'aim-autumn', kind: 'aim', date: '2026-10-13', status: 'held' });
  const iaim = makeMeeting({ id: 'iaim-autumn', kind: 'iaim', date: '2026-11-25' });
  const actions = [
    makeAction({
      id: 'phonics',
      raisedInMeetingId: aim.id,
      createdAt: '2026-10-13T11:00:00.000Z',
      dueDate: '2026-11-06',
      status: 'in-progress',
    }),
    makeAction({
      id: 'attendance',
      raisedInMeetingId: aim.id,
      createdAt: '2026-10-13T11:00:00.000Z',
      dueDate: '2026-12-11',
      status: 'open',
    }),
    makeAction({
      id: 'sen-audit',
      raisedInMeetingId: aim.id,
      createdAt: '2026-10-13T11:00:00.000Z',
      dueDate: '2026-11-13',
      status: 'done',
      completedAt: '2026-11-12T16:00:00.000Z',
    }),
    makeAction({
      id: 'old-done',
      createdAt: '2026-09-10T11:00:00.000Z',
      dueDate: '2026-09-30',
      status: 'done',
      completedAt: '2026-09-25T16:00:00.000Z',
    }),
    makeAction({ id: 'dropped', createdAt: '2026-10-13T11:00:00.000Z', status: 'dropped' }),
    makeAction({ id: 'raised-at-iaim', raisedInMeetingId: iaim.id, createdAt: '2026-11-25T11:00:00.000Z' }),
    makeAction({ id: 'other-school', academyId: 'brook-lane', createdAt: '2026-10-01T11:00:00.000Z' }),
  ];

  it('groups the previous AIM’s actions as achieved, outstanding and plan for completion, as DSAT’s iAIM agenda asks', () => {
    const agenda = carryForwardActions(actions, iaim, { previousMeeting: aim });
    expect(agenda.achieved.map((a) => a.actionId)).toEqual(['sen-audit']);
    expect(agenda.outstanding.map((a) => a.actionId)).toEqual(['phonics']);
    expect(agenda.outstanding[0]!.overdue).toBe(true);
    expect(agenda.planForCompletion.map((a) => a.actionId)).toEqual(['attendance']);
  });

  it('counts as achieved only actions done since the previous meeting', () => {
    const agenda = carryForwardActions(actions, iaim, { previousMeeting: aim });
    expect(agenda.achieved.map((a) => a.actionId)).not.toContain('old-done');
    const noPrevious = carryForwardActions(actions, iaim);
    expect(noPrevious.achieved.map((a) => a.actionId)).toEqual(['old-done', 'sen-audit']);
  });

  it('leaves off dropped actions, actions raised in the meeting itself and other academies’ actions', () => {
    const agenda = carryForwardActions(actions, iaim, { previousMeeting: aim });
    const all = [...agenda.achieved, ...agenda.outstanding, ...agenda.planForCompletion].map((a) => a.actionId);
    expect(all).not.toContain('dropped');
    expect(all).not.toContain('raised-at-iaim');
    expect(all).not.toContain('other-school');
  });

  it('carries an action raised outside any meeting onto the next agenda', () => {
    const adHoc = makeAction({ id: 'ad-hoc', createdAt: '2026-11-02T09:00:00.000Z', dueDate: '2027-01-15' });
    expect(carryForwardActions([adHoc], iaim).planForCompletion.map((a) => a.actionId)).toEqual(['ad-hoc']);
  });

  it('shows the owner’s latest progress note on the agenda', () => {
    const a = makeAction({ progress: [{ at: '2026-10-20T09:00:00.000Z', by: 'head', note: 'Training booked for 4 November' }] });
    expect(carryForwardActions([a], iaim).planForCompletion[0]!.latestNote).toBe('Training booked for 4 November');
  });

  it('gives an empty agenda for a kind that does not carry actions forward', () => {
    const kind = { ...kindOf(dsat(), 'iaim'), carriesForwardActions: false };
    const agenda = carryForwardActions(actions, iaim, { previousMeeting: aim, kind });
    expect(agenda.achieved.length + agenda.outstanding.length + agenda.planForCompletion.length).toBe(0);
  });
});

describe('updateActionStatus', () => {
  const now = '2026-11-12T16:00:00.000Z';

  it('marks an action done with the time it was completed and keeps the note in its progress log', () => {
    const r = updateActionStatus(makeAction({ status: 'in-progress' }), {
      status: 'done',
      note: 'All Year 1 staff trained',
      by: 'head',
      now,
    });
    expect(r.ok && r.action.status).toBe('done');
    expect(r.ok && r.action.completedAt).toBe(now);
    expect(r.ok && r.action.progress).toEqual([{ at: now, by: 'head', note: 'All Year 1 staff trained', status: 'done' }]);
  });

  it('reopens a done action and clears its completion time', () => {
    const done = makeAction({ status: 'done', completedAt: '2026-11-01T10:00:00.000Z' });
    const r = updateActionStatus(done, { status: 'in-progress', by: 'aid', now });
    expect(r.ok && r.action.status).toBe('in-progress');
    expect(r.ok && r.action.completedAt).toBeUndefined();
    expect(r.ok && r.action.progress.at(-1)?.note).toBe('Reopened (was done), now in progress.');
  });

  it('refuses to drop an action without saying why', () => {
    const r = updateActionStatus(makeAction(), { status: 'dropped', note: '  ', by: 'aid', now });
    expect(r).toEqual({ ok: false, code: 'ACTION.NOTE_REQUIRED', message: expect.stringContaining('Say why') });
  });

  it('records a progress note without changing the status', () => {
    const r = updateActionStatus(makeAction({ status: 'in-progress' }), {
      status: 'in-progress',
      note: 'Half the staff trained',
      by: 'head',
      now,
    });
    expect(r.ok && r.action.progress).toHaveLength(1);
    expect(r.ok && r.action.status).toBe('in-progress');
  });

  it('refuses an update that changes nothing', () => {
    const r = updateActionStatus(makeAction({ status: 'open' }), { status: 'open', by: 'head', now });
    expect(r.ok ? undefined : r.code).toBe('ACTION.NOTHING_TO_RECORD');
  });

  it('does not change the action it was given', () => {
    const a = makeAction();
    updateActionStatus(a, { status: 'done', by: 'head', now });
    expect(a.status).toBe('open');
    expect(a.progress).toEqual([]);
  });
});
