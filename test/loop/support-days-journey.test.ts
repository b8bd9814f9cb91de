import { startLoopStack, type LoopStack } from './loop-stack';

/**
 * Issue 16, part 1, through the API: the improvement director books a development day at Hill Top
 * given by Riverside's head (DSAT: "this recharge would show as income to the supporting
 * Headteacher's academy"); it shows as spend at Hill Top and income at Riverside, on the academy
 * pages and the dashboard. Around it: school days only, the allowances, the budget, cancelling,
 * the audit trail, and a head who cannot see Hill Top seeing nothing of it.
 */
let stack: LoopStack;
type Usage = { coreUsed: number; allowance: number; spendPence: number; budgetPence: number; developmentDays: number; mustBudget: boolean };
type Support = {
  usage: Usage;
  corePlanned: number;
  budget: { pence: number; version: string };
  days: { id: string; version: string; kind: string; description: string; supportingAcademyName?: string; canCancel: boolean }[];
  income: { days: number; incomePence: number; items: { id: string; academyName: string; description?: string }[] };
  can: { bookCore: boolean; bookDevelopment: boolean; bookOptional: boolean; setBudget: boolean };
};
const support = async (academyId: string, as: string): Promise<Support> => {
  const res = await stack.call('GET', `/api/academies/${academyId}/support`, { as });
  if (res.status !== 200) throw new Error(`${as} reading ${academyId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Support;
};
const book = (academyId: string, as: string, body: Record<string, unknown>) =>
  stack.call('POST', `/api/academies/${academyId}/support-days`, { as, body: { clientKey: `journey-${Math.random()}`, ...body } });

const DEVELOPMENT = {
  kind: 'development',
  date: '2026-11-26',
  days: 1.5,
  providerId: 'head-riverside',
  description: 'Behaviour systems: coaching the acting head',
};

beforeAll(async () => {
  stack = await startLoopStack('2026-11-23T10:00:00Z');
});
afterAll(async () => stack?.stop());

describe('a development day given by a supporting head’s academy', () => {
  let dayId: string;
  let dayVersion: string;
  let hillTopBefore: Support;
  let riversideBefore: Support;

  it('is recharged to Hill Top at £350 a day, halves allowed, and shows as Riverside’s income', async () => {
    hillTopBefore = await support('hill-top', 'aid-graham');
    riversideBefore = await support('riverside', 'head-riverside');
    expect(hillTopBefore.usage.mustBudget).toBe(true); // Inadequate: DSAT's academies below Good must budget
    expect(riversideBefore.income.incomePence).toBe(0);

    const res = await book('hill-top', 'aid-graham', DEVELOPMENT);
    expect(res.status).toBe(201);
    // The supporting academy is the provider's own: Riverside, whose head gave the time.
    expect(res.body.supportDay).toMatchObject({ kind: 'development', days: 1.5, chargePence: 52500, supportingAcademyId: 'riverside' });
    expect(res.body.usage.spendPence).toBe(hillTopBefore.usage.spendPence + 52500);
    ({ id: dayId, version: dayVersion } = res.body.supportDay);

    const hillTop = await support('hill-top', 'aid-graham');
    expect(hillTop.usage.developmentDays).toBe(hillTopBefore.usage.developmentDays + 1.5);
    expect(hillTop.days.find((d) => d.id === dayId)).toMatchObject({ supportingAcademyName: 'Riverside Academy', canCancel: true });

    const riverside = await support('riverside', 'head-riverside');
    expect(riverside.income).toMatchObject({ days: 1.5, incomePence: 52500 });
    // Hill Top's records are its own: Riverside's head sees the income, not which school or what for; the trust team sees both.
    expect(riverside.income.items).toEqual([expect.objectContaining({ academyName: 'another academy in the trust' })]);
    expect(JSON.stringify(riverside)).not.toContain('Behaviour systems');
    const asTrust = await support('riverside', 'ceo');
    expect(asTrust.income.items).toEqual([
      expect.objectContaining({ academyName: 'Hill Top Primary School', description: DEVELOPMENT.description }),
    ]);
  });

  it('shows on the dashboard: Hill Top’s spend and Riverside’s income', async () => {
    const dash = (await stack.call('GET', '/api/dashboard', { as: 'ceo' })).body as {
      academies: { academyId: string; supportDays: Usage }[];
      supportIncome: Record<string, { incomePence: number }>;
    };
    expect(dash.academies.find((a) => a.academyId === 'hill-top')!.supportDays.spendPence).toBe(hillTopBefore.usage.spendPence + 52500);
    expect(dash.supportIncome.riverside).toEqual({ days: 1.5, incomePence: 52500 });
    const mine = (await stack.call('GET', '/api/dashboard', { as: 'head-riverside' })).body as typeof dash;
    expect(mine.academies.map((a) => a.academyId)).toEqual(['riverside']);
    expect(Object.keys(mine.supportIncome)).toEqual(['riverside']);
  });

  it('names the person in the audit trail', async () => {
    const res = await stack.call('GET', `/api/history/supportDays/${dayId}`, { as: 'ceo' });
    expect(res.body.items).toEqual([expect.objectContaining({ action: 'created', actorId: 'aid-graham' })]);
  });

  it('is refused to Riverside’s head at Hill Top, who sees nothing there, and at their own school (the AID brokers)', async () => {
    expect((await stack.call('GET', '/api/academies/hill-top/support', { as: 'head-riverside' })).status).toBe(403);
    const there = await book('hill-top', 'head-riverside', DEVELOPMENT);
    expect(there.status).toBe(403);
    expect(JSON.stringify(there.body)).not.toContain('Behaviour systems');
    const own = await book('riverside', 'head-riverside', { ...DEVELOPMENT, providerId: 'aid-graham' });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/improvement team/);
    expect(
      (await stack.call('POST', `/api/support-days/${dayId}/cancellation`, { as: 'head-riverside', body: { version: dayVersion } })).status,
    ).toBe(404);
    expect((await stack.call('GET', `/api/history/supportDays/${dayId}`, { as: 'head-riverside' })).status).toBe(403);
  });

  it('is cancelled by the trust team, with a stale version a conflict, and the spend and income go back', async () => {
    const stale = await stack.call('POST', `/api/support-days/${dayId}/cancellation`, { as: 'aid-priya', body: { version: 'stale' } });
    expect(stale.status).toBe(409);
    const res = await stack.call('POST', `/api/support-days/${dayId}/cancellation`, { as: 'aid-priya', body: { version: dayVersion } });
    expect(res.status).toBe(200);
    expect(res.body.usage.spendPence).toBe(hillTopBefore.usage.spendPence);
    expect((await support('riverside', 'head-riverside')).income.incomePence).toBe(0);
    const trail = await stack.local.audit.forRecord('supportDays', dayId);
    expect(trail.items[0]).toMatchObject({ action: 'removed', actorId: 'aid-priya' });
  });
});

describe('the rules of booking', () => {
  it('refuses a Saturday and the Christmas holidays with a clear message', async () => {
    const sat = await book('hill-top', 'aid-graham', { ...DEVELOPMENT, date: '2026-11-28' });
    expect(sat.status).toBe(422);
    expect(sat.body.error).toEqual({
      code: 'SUPPORT.NOT_A_SCHOOL_DAY',
      message: 'Saturday 28 November 2026 is a weekend at Hill Top Primary School; support days are given on school days.',
    });
    const holiday = await book('hill-top', 'aid-graham', { ...DEVELOPMENT, date: '2026-12-30' });
    expect(holiday.body.error.code).toBe('SUPPORT.NOT_A_SCHOOL_DAY');
  });

  it('refuses core days beyond the six AID days, counting the AIMs still planned, and offers a development day', async () => {
    const before = await support('brook-lane', 'aid-graham');
    const left = before.usage.allowance - before.usage.coreUsed - before.corePlanned;
    const res = await book('brook-lane', 'aid-graham', { ...DEVELOPMENT, kind: 'core', providerId: 'aid-graham', days: left + 1 });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('SUPPORT.OVER_ALLOWANCE');
    expect(res.body.error.message).toMatch(/core days left .*book it as a development day \(£350\.00 a day\)/);
    if (left >= 0.5)
      expect((await book('brook-lane', 'aid-graham', { ...DEVELOPMENT, kind: 'core', providerId: 'aid-graham', days: 0.5 })).status).toBe(
        201,
      );
  });

  it('has no optional days in DSAT’s model, and names a bad number of days by its label', async () => {
    expect((await book('hill-top', 'aid-graham', { ...DEVELOPMENT, kind: 'optional' })).body.error.code).toBe('SUPPORT.NO_OPTIONAL_DAYS');
    const bad = await book('hill-top', 'aid-graham', { ...DEVELOPMENT, days: 1.3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems).toEqual([{ field: 'days', label: 'Days', message: 'book whole or half days' }]);
  });
});

describe('the improvement budget', () => {
  it('is recorded by the trust team, audited, and shown against spend; a head may not set it', async () => {
    const before = await support('northgate', 'head-northgate');
    expect(before.can.setBudget).toBe(false);
    const refused = await stack.call('PUT', '/api/academies/northgate/improvement-budget', {
      as: 'head-northgate',
      body: { budgetPence: 500000, version: before.budget.version },
    });
    expect(refused.status).toBe(403);
    const res = await stack.call('PUT', '/api/academies/northgate/improvement-budget', {
      as: 'ceo',
      body: { budgetPence: 280000, version: before.budget.version },
    });
    expect(res.status).toBe(200);
    expect(res.body.usage).toMatchObject({ budgetPence: 280000, spendPercent: Math.round((before.usage.spendPence / 280000) * 100) });
    const again = await stack.call('PUT', '/api/academies/northgate/improvement-budget', {
      as: 'ceo',
      body: { budgetPence: 1, version: before.budget.version },
    });
    expect(again.status).toBe(409);
    const trail = await stack.local.audit.forRecord('academies', 'northgate');
    expect(trail.items[0]).toMatchObject({ action: 'updated', actorId: 'ceo' });
    expect(JSON.stringify(trail.items[0]!.changes)).toContain('improvementBudgetPence');
  });
});
