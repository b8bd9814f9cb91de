import { historyActors, startLoopStack, type LoopStack } from './loop-stack';

/**
 * Journey 2 of issue 15, through the API: an action raised in a meeting is moved to in progress and
 * then done by its owner; the dashboard's counts change and the next meeting carries it forward as
 * achieved. Around it: who may move, correct and withdraw an action, its default due date, the
 * holiday warning, and 400s that name fields by their labels.
 */
let stack: LoopStack;
type M = { id: string; status: string; academyId: string; kind: string; date: string; chairId: string };
let aim: M;
let following: M;

const oakfieldOpen = async () =>
  ((await stack.call('GET', '/api/dashboard', { as: 'ceo' })).body.academies as { academyId: string; actions: { open: number } }[]).find(
    (a) => a.academyId === 'oakfield',
  )!.actions.open;

beforeAll(async () => {
  stack = await startLoopStack('2026-11-23T10:00:00Z');
  const meetings = ((await stack.call('GET', '/api/planner', { as: 'ceo' })).body.meetings as M[])
    .filter((m) => m.academyId === 'oakfield' && m.status === 'planned')
    .sort((a, b) => a.date.localeCompare(b.date));
  aim = meetings[0]!;
  following = meetings[1]!;
});
afterAll(async () => stack?.stop());

describe('an action raised in a meeting, moved on by its owner in the tab’s API', () => {
  let actionId: string;
  let version: string;

  it('defaults the due date to the school day before the academy’s next meeting', async () => {
    const listed = await stack.call('GET', `/api/actions?meetingId=${aim.id}`, { as: 'aid-graham' });
    expect(listed.status).toBe(200);
    expect(listed.body.nextMeeting.id).toBe(following.id);
    expect(listed.body.defaultDueDate < following.date).toBe(true);
    const before = await oakfieldOpen();
    const res = await stack.call('POST', '/api/actions', {
      as: aim.chairId,
      body: {
        academyId: 'oakfield',
        raisedInMeetingId: aim.id,
        text: 'Share the phonics catch-up plan with governors',
        ownerId: 'head-oakfield',
        clientKey: 'loop-action-1',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.action).toMatchObject({ dueDate: listed.body.defaultDueDate, raisedBy: aim.chairId, status: 'open' });
    ({ id: actionId, version } = res.body.action);
    expect(await oakfieldOpen()).toBe(before + 1);
  });

  it('lets only the owner, the chair or the trust team move it on: a governor and the chair of LGB are refused', async () => {
    for (const as of ['governor-oakfield', 'chair-oakfield', 'head-st-marys']) {
      const res = await stack.call('PATCH', `/api/actions/${actionId}`, { as, body: { status: 'in-progress', note: 'Started', version } });
      expect([as, res.status]).toEqual([as, as === 'head-st-marys' ? 404 : 403]);
    }
    const mine = await stack.call('GET', '/api/actions?mine=true', { as: 'head-oakfield' });
    expect(mine.body.items.find((a: { id: string }) => a.id === actionId).can).toEqual({ progress: true, edit: false, withdraw: false });
  });

  it('moves to in progress, then done, with progress notes; the dashboard and the next meeting follow', async () => {
    const before = await oakfieldOpen();
    const started = await stack.call('PATCH', `/api/actions/${actionId}`, {
      as: 'head-oakfield',
      body: { status: 'in-progress', note: 'Plan drafted with the English lead', version },
    });
    expect(started.status).toBe(200);
    expect(await oakfieldOpen()).toBe(before);
    const stale = await stack.call('PATCH', `/api/actions/${actionId}`, { as: 'head-oakfield', body: { status: 'done', version } });
    expect(stale.status).toBe(409);
    const done = await stack.call('PATCH', `/api/actions/${actionId}`, {
      as: 'head-oakfield',
      body: { status: 'done', note: 'Shared at the governors’ meeting', version: started.body.action.version },
    });
    expect(done.status).toBe(200);
    expect(await oakfieldOpen()).toBe(before - 1);
    const next = await stack.call('GET', `/api/meetings/${following.id}`, { as: 'ceo' });
    expect(next.body.carriedForward.achieved).toEqual(
      expect.arrayContaining([expect.objectContaining({ actionId, status: 'done', latestNote: 'Shared at the governors’ meeting' })]),
    );
    expect(await historyActors(stack, 'actions', actionId)).toEqual(['head-oakfield', 'head-oakfield', aim.chairId]);
  });
});

describe('correcting an action', () => {
  let action: { id: string; version: string };
  beforeAll(async () => {
    action = (
      await stack.call('POST', '/api/actions', {
        as: aim.chairId,
        body: {
          academyId: 'oakfield',
          raisedInMeetingId: aim.id,
          text: 'Book the maths moderation',
          ownerId: 'head-oakfield',
          dueDate: '2026-12-11',
          clientKey: 'loop-action-2',
        },
      })
    ).body.action;
  });

  it('warns of a due date in the holidays, and keeps it when the person says so', async () => {
    const warned = await stack.call('PATCH', `/api/actions/${action.id}/details`, {
      as: aim.chairId,
      body: { dueDate: '2026-12-24', version: action.version },
    });
    expect(warned.status).toBe(422);
    expect(warned.body.error).toMatchObject({
      code: 'ACTION.DUE_IN_HOLIDAYS',
      message: expect.stringMatching(/Christmas holidays.*Keep the date anyway/),
    });
    const kept = await stack.call('PATCH', `/api/actions/${action.id}/details`, {
      as: aim.chairId,
      body: { dueDate: '2026-12-24', keepHolidayDate: true, version: action.version },
    });
    expect(kept.status).toBe(200);
    expect(kept.body.action.dueDate).toBe('2026-12-24');
    action = kept.body.action;
  });

  it('lets whoever raised it change its owner, but not to someone who cannot see the academy, and refuses the owner', async () => {
    const outsider = await stack.call('PATCH', `/api/actions/${action.id}/details`, {
      as: aim.chairId,
      body: { ownerId: 'head-brook-lane', version: action.version },
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.problems).toEqual([
      expect.objectContaining({ field: 'ownerId', label: 'Owner', message: expect.stringContaining('cannot see Oakfield') }),
    ]);
    expect(
      (
        await stack.call('PATCH', `/api/actions/${action.id}/details`, {
          as: 'head-oakfield',
          body: { text: 'Mine now', version: action.version },
        })
      ).status,
    ).toBe(403);
    const moved = await stack.call('PATCH', `/api/actions/${action.id}/details`, {
      as: aim.chairId,
      body: { ownerId: 'chair-oakfield', version: action.version },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.action.ownerId).toBe('chair-oakfield');
  });

  it('names every bad field by its label in a 400', async () => {
    const res = await stack.call('POST', '/api/actions', {
      as: 'ceo',
      body: { academyId: 'oakfield', text: ' ', dueDate: '31/12/2026', clientKey: 'loop-bad-fields' },
    });
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(res.body.error.problems.map((p: { field: string; label: string }) => [p.field, p.label]));
    expect(byField).toEqual({ text: 'What', ownerId: 'Owner', dueDate: 'Due date' });
    expect(res.body.error.message).toMatch(/Owner: choose who owns the action/);
  });
});

describe('withdrawing an action raised by mistake', () => {
  it('lets whoever raised it withdraw it within a day, with the reason kept in the audit trail; it is gone everywhere else', async () => {
    const made = (
      await stack.call('POST', '/api/actions', {
        as: 'aid-graham',
        body: {
          academyId: 'oakfield',
          text: 'Duplicate of the phonics action',
          ownerId: 'head-oakfield',
          dueDate: '2026-12-11',
          clientKey: 'loop-action-3',
        },
      })
    ).body.action;
    expect(
      (
        await stack.call('POST', `/api/actions/${made.id}/withdrawal`, {
          as: 'head-oakfield',
          body: { reason: 'Not mine to withdraw', version: made.version },
        })
      ).status,
    ).toBe(403);
    const noReason = await stack.call('POST', `/api/actions/${made.id}/withdrawal`, {
      as: 'aid-graham',
      body: { reason: '', version: made.version },
    });
    expect(noReason.body.error.problems[0]).toMatchObject({ field: 'reason', label: 'Reason' });
    const res = await stack.call('POST', `/api/actions/${made.id}/withdrawal`, {
      as: 'aid-graham',
      body: { reason: 'Raised twice by mistake', version: made.version },
    });
    expect(res.status).toBe(200);
    expect((await stack.call('GET', `/api/actions/${made.id}`, { as: 'ceo' })).status).toBe(404);
    const mine = await stack.call('GET', '/api/actions?mine=true', { as: 'head-oakfield' });
    expect(mine.body.items.map((a: { id: string }) => a.id)).not.toContain(made.id);
    const trail = (await stack.local.audit.forRecord('actions', made.id)).items;
    expect(trail.map((e) => `${e.action} by ${e.actorId}`)).toEqual([
      'removed by aid-graham',
      'updated by aid-graham',
      'created by aid-graham',
    ]);
    expect(JSON.stringify(trail[0]!.changes)).toContain('Withdrawn: Raised twice by mistake');
  });

  it('after a day only the trust administrator may withdraw it', async () => {
    const made = (
      await stack.call('POST', '/api/actions', {
        as: 'aid-graham',
        body: {
          academyId: 'oakfield',
          text: 'Raised in error',
          ownerId: 'head-oakfield',
          dueDate: '2026-12-11',
          clientKey: 'loop-action-4',
        },
      })
    ).body.action;
    stack.setNow('2026-11-24T11:00:00Z');
    try {
      const late = await stack.call('POST', `/api/actions/${made.id}/withdrawal`, {
        as: 'aid-graham',
        body: { reason: 'Raised in error', version: made.version },
      });
      expect(late.status).toBe(422);
      expect(late.body.error.code).toBe('ACTION.WITHDRAW_TOO_LATE');
      const admin = await stack.call('POST', `/api/actions/${made.id}/withdrawal`, {
        as: 'admin',
        body: { reason: 'Raised in error', version: made.version },
      });
      expect(admin.status).toBe(200);
    } finally {
      stack.setNow('2026-11-23T10:00:00Z');
    }
  });
});
