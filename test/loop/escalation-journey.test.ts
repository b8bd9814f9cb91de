import { historyActors, startLoopStack, type LoopStack } from './loop-stack';

/**
 * Journey 3 of issue 15, through the API: an academy escalated to the formal action plan, then to
 * "managed as a sponsored academy". The preview comes first and saves nothing; then its status,
 * cadence and planned meetings change; the ladder's history shows who, when and why.
 */
let stack: LoopStack;
const ACADEMY = 'oakfield';

type Ladder = {
  version: string;
  position: { step: number; label: string };
  history: { by: string; reason: string; label: string; at: string }[];
  up?: { allowed: boolean; by: string };
};
const ladder = async (as = 'ceo'): Promise<Ladder> =>
  (await stack.call('GET', `/api/academies/${ACADEMY}/improvement`, { as })).body.ladder;
const move = (as: string, body: Record<string, unknown>) => stack.call('POST', `/api/academies/${ACADEMY}/escalation`, { as, body });
const plannedAt = async () =>
  (
    (await stack.call('GET', '/api/planner', { as: 'ceo' })).body.meetings as {
      academyId: string;
      kind: string;
      status: string;
      date: string;
    }[]
  ).filter((m) => m.academyId === ACADEMY && m.status === 'planned');

beforeAll(async () => {
  stack = await startLoopStack('2026-11-23T10:00:00Z');
});
afterAll(async () => stack?.stop());

describe('up the ladder to a formal action plan', () => {
  it('is refused to the academy’s head, and moved one step at a time by the improvement director', async () => {
    const start = await ladder();
    expect(start.position).toMatchObject({ step: 1, label: 'Improving with its own capacity' });
    expect((await move('head-oakfield', { direction: 'up', reason: 'We need help', version: start.version })).status).toBe(403);
    const noReason = await move('aid-graham', { direction: 'up', reason: ' ', version: start.version });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.problems[0]).toMatchObject({ field: 'reason', label: 'Reason' });
    const support = await move('aid-graham', {
      direction: 'up',
      reason: 'Phonics below KPI at two data points; the head asked for trust support',
      version: start.version,
    });
    expect(support.status).toBe(200);
    expect(support.body).toMatchObject({
      preview: false,
      to: { step: 2, label: 'Support from across the trust' },
      meetings: { added: [], moved: [], dropped: [] },
    });
    const plan = await move('aid-graham', {
      direction: 'up',
      reason: 'No resolution after trust support: formal action plan drawn up',
      version: (await ladder()).version,
    });
    expect(plan.status).toBe(200);
    expect(plan.body.to).toMatchObject({ step: 3, label: 'Formal action plan' });
  });

  it('keeps the improvement director from changing the academy’s status: that is the CEO’s or the board’s', async () => {
    const now = await ladder('aid-graham');
    expect(now.up).toMatchObject({ allowed: false, by: 'Chief Executive or Board / Standards Committee' });
    const res = await move('aid-graham', { direction: 'up', reason: 'Plan not working', version: now.version });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/Chief Executive or Board/);
  });
});

describe('to “managed as a sponsored academy”', () => {
  let before: Awaited<ReturnType<typeof plannedAt>>;

  it('previews the change first: sponsored status, the cadence, and the meetings added, with nothing saved', async () => {
    before = await plannedAt();
    const { version } = await ladder();
    const res = await move('ceo', {
      direction: 'up',
      reason: 'The formal action plan has not brought satisfactory change',
      version,
      preview: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      preview: true,
      to: { step: 4, of: 4, label: 'Change of status: managed as a sponsored academy' },
      changes: { sponsored: { from: false, to: true }, supportStage: { from: 'Good or better', to: 'Not yet Good' } },
    });
    expect(res.body.cadence.after.join(' ')).toMatch(/iAIM each term/);
    expect(res.body.cadence.before.join(' ')).not.toMatch(/iAIM/);
    expect(res.body.meetings.added.map((m: { abbreviation: string }) => m.abbreviation)).toEqual(expect.arrayContaining(['iAIM']));
    expect(res.body.meetings.added.length).toBeGreaterThanOrEqual(2);
    expect(res.body.meetings.added.every((m: { date: string }) => m.date > '2026-11-23')).toBe(true);
    // Nothing saved yet.
    expect((await ladder()).position.step).toBe(3);
    expect((await stack.call('GET', `/api/academies/${ACADEMY}`, { as: 'ceo' })).body.sponsored).toBe(false);
    expect(await plannedAt()).toEqual(before);
  });

  it('refuses a stale version, then changes the status, cadence and planned meetings on confirming', async () => {
    const { version } = await ladder();
    expect((await move('ceo', { direction: 'up', reason: 'x', version: 'never-moved' })).status).toBe(409);
    const res = await move('ceo', { direction: 'up', reason: 'The formal action plan has not brought satisfactory change', version });
    expect(res.status).toBe(200);
    expect(res.body.preview).toBe(false);
    const status = (await stack.call('GET', `/api/academies/${ACADEMY}`, { as: 'ceo' })).body;
    expect(status).toMatchObject({ sponsored: true, stage: { id: 'below-good' }, escalation: { step: 4 } });
    expect(status.reasons.map((r: { code: string }) => r.code)).toContain('RAG.ESCALATION');
    const after = await plannedAt();
    const added = after.filter((m) => !before.some((b) => b.date === m.date && b.kind === m.kind));
    expect(added.map((m) => m.kind)).toEqual(res.body.meetings.added.map((m: { kind: string }) => m.kind));
    expect(added.every((m) => m.kind === 'iaim')).toBe(true);
    expect(await historyActors(stack, 'academies', ACADEMY)).toContain('ceo');
  });

  it('shows the ladder’s history on the academy page: who, when and why', async () => {
    const { history, position } = await ladder('head-oakfield');
    expect(position.step).toBe(4);
    expect(history.map((h) => `${h.label} by ${h.by}: ${h.reason}`)).toEqual([
      'Change of status: managed as a sponsored academy by ceo: The formal action plan has not brought satisfactory change',
      'Formal action plan by aid-graham: No resolution after trust support: formal action plan drawn up',
      'Support from across the trust by aid-graham: Phonics below KPI at two data points; the head asked for trust support',
    ]);
    expect(history.every((h) => Math.abs(Date.parse(h.at) - Date.parse('2026-11-23T10:00:00Z')) < 1000)).toBe(true);
  });

  it('lets the board bring the academy back down, restoring what it had, and the added meetings go again', async () => {
    const { version } = await ladder();
    const preview = await move('board-chair', {
      direction: 'down',
      reason: 'Leadership secured; the board returns the academy to a formal action plan',
      version,
      preview: true,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.changes).toEqual({
      sponsored: { from: true, to: false },
      supportStage: { from: 'Not yet Good', to: 'Good or better' },
    });
    expect(preview.body.meetings.dropped.every((m: { abbreviation: string }) => m.abbreviation === 'iAIM')).toBe(true);
    const res = await move('board-chair', {
      direction: 'down',
      reason: 'Leadership secured; the board returns the academy to a formal action plan',
      version,
    });
    expect(res.status).toBe(200);
    expect((await stack.call('GET', `/api/academies/${ACADEMY}`, { as: 'ceo' })).body).toMatchObject({
      sponsored: false,
      stage: { id: 'good-or-better' },
    });
    expect((await plannedAt()).filter((m) => m.kind === 'iaim')).toEqual([]);
  });
});
