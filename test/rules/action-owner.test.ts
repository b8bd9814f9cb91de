import { startLocalStack, type RunningStack } from '../e2e/local-stack';

// Rule: an action's owner must be someone who may see the action's academy, since the owner reads
// its text in My work. The attack: a governor at Oakfield makes the Brook Lane head the owner of an
// Oakfield action, and the Brook Lane head then reads Oakfield's business.

let stack: RunningStack;
beforeAll(async () => {
  stack = await startLocalStack('2026-11-23T10:00:00Z');
});
afterAll(async () => stack.stop());

const action = (over: Record<string, unknown>) => ({
  academyId: 'oakfield',
  text: 'Oakfield: review the safeguarding referral log',
  ownerId: 'head-oakfield',
  dueDate: '2026-12-10',
  clientKey: `key-${Math.random().toString(36).slice(2)}`,
  ...over,
});
const oakfieldActionTexts = async (as: string): Promise<string[]> =>
  ((await stack.call('GET', '/api/academies/oakfield/actions', { as })).body.items as { text: string }[]).map((a) => a.text);

describe('an action’s owner must be able to see its academy', () => {
  it('refuses a governor at Oakfield making the Brook Lane head the owner (400 on ownerId), and the Brook Lane head sees nothing of Oakfield', async () => {
    const brookLaneHead = (await stack.call('GET', '/api/me', { as: 'head-brook-lane' })).body;
    const res = await stack.call('POST', '/api/actions', {
      as: 'governor-oakfield',
      body: action({ ownerId: 'head-brook-lane', text: 'Oakfield: the confidential staffing matter' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual([
      {
        field: 'ownerId',
        label: 'Owner',
        message: expect.stringMatching(new RegExp(`^${brookLaneHead.name} cannot see Oakfield.*’s records, so cannot own this action\\.$`)),
      },
    ]);

    const myWork = (await stack.call('GET', '/api/my-work', { as: 'head-brook-lane' })).body;
    expect(myWork.actions.filter((a: { academyId: string }) => a.academyId !== 'brook-lane')).toEqual([]);
    expect(JSON.stringify(myWork)).not.toContain('confidential staffing matter');
    expect(await oakfieldActionTexts('ceo')).not.toContain('Oakfield: the confidential staffing matter');
  });

  it('lets the academy’s own people and the trust’s roles own its actions', async () => {
    for (const ownerId of ['head-oakfield', 'chair-oakfield', 'aid-graham', 'ceo']) {
      const res = await stack.call('POST', '/api/actions', {
        as: 'governor-oakfield',
        body: action({ ownerId, text: `Oakfield: an action for ${ownerId}` }),
      });
      expect(res.status).toBe(201);
    }
    // Head of Ashworth partners Brook Lane, so may own a Brook Lane action though Ashworth is their school.
    expect(
      (
        await stack.call('POST', '/api/actions', {
          as: 'head-brook-lane',
          body: action({ academyId: 'brook-lane', ownerId: 'head-ashworth', text: 'Brook Lane: partner visit' }),
        })
      ).status,
    ).toBe(201);
  });

  it('still needs the caller to be able to write at the academy: another academy’s governor and the board are refused (403)', async () => {
    for (const as of ['governor-brook-lane', 'board-chair']) {
      const res = await stack.call('POST', '/api/actions', { as, body: action({ text: `Oakfield: written by ${as}` }) });
      expect(res.status).toBe(403);
    }
    const texts = await oakfieldActionTexts('ceo');
    expect(texts.filter((t) => t.startsWith('Oakfield: written by'))).toEqual([]);
  });

  it('cannot hand an action to an outsider by updating it: an ownerId in the update is not applied', async () => {
    const made = (await stack.call('POST', '/api/actions', { as: 'head-oakfield', body: action({ text: 'Oakfield: phonics audit' }) })).body
      .action;
    const res = await stack.call('PATCH', `/api/actions/${made.id}`, {
      as: 'head-oakfield',
      body: { status: 'in-progress', ownerId: 'head-brook-lane', version: made.version },
    });
    expect(res.status).toBe(200);
    expect(res.body.action.ownerId).toBe('head-oakfield');
    expect((await stack.call('GET', `/api/actions/${made.id}`, { as: 'head-brook-lane' })).status).toBe(404);
  });
});
