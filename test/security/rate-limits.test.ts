import { createRateLimits } from '../../functions/security/rate-limits';
import { expectJsonProblem, startSecureStack, type SecureStack } from './secure-stack';

/**
 * Rate limits (issue 14): 1,000 requests and 500 identity guesses from one person in a burst were all
 * accepted. Bursts here are bounded: the limits are set low for the test, and the defaults are shown
 * to leave a normal session alone.
 */
const LIMITED = {
  RATE_LIMIT_PER_PERSON: '20',
  RATE_LIMIT_PER_ADDRESS: '400',
  RATE_LIMIT_SIGN_IN_FAILURES: '10',
  RATE_LIMIT_BOT_PER_SENDER: '5',
};

const expect429 = (res: { status: number; headers: Record<string, string>; text: string; json: any }) => {
  expect(res.status).toBe(429);
  expect(res.headers['retry-after']).toMatch(/^\d+$/);
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  expectJsonProblem(res, 429, 'RATE.LIMITED');
};

describe('one person bursting past their limit', () => {
  let stack: SecureStack;
  beforeAll(async () => {
    stack = await startSecureStack(LIMITED);
  }, 60_000);
  afterAll(() => stack?.stop());

  it('gets 429 with Retry-After past the limit, while someone else carries on', async () => {
    const burst = await Promise.all(Array.from({ length: 30 }, () => stack.call('GET', '/api/me', { as: 'head-oakfield' })));
    expect(burst.filter((r) => r.status === 200)).toHaveLength(20);
    const refused = burst.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(10);
    for (const r of refused) expect429(r);
    expect(refused[0]!.text).not.toMatch(/Oakfield/);
    expect((await stack.call('GET', '/api/me', { as: 'ceo' })).status).toBe(200);
  });

  it('a bot sender past its limit gets 429 too', async () => {
    const activity = {
      type: 'event',
      name: 'ping',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:1/',
      from: { id: 'aid-priya' },
      recipient: { id: 'bot' },
      conversation: { id: 'personal-aid-priya' },
    };
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await stack.call('POST', '/api/messages', { body: { ...activity, id: `m${i}` } }));
    expect(answers.slice(0, 5).every((r) => r.status !== 429)).toBe(true);
    for (const r of answers.slice(5)) expect429(r);
  });
});

describe('identity guesses from one address', () => {
  let stack: SecureStack;
  beforeAll(async () => {
    stack = await startSecureStack(LIMITED);
  }, 60_000);
  afterAll(() => stack?.stop());

  it('are refused 401 up to the limit, then the address waits (429), whoever it names', async () => {
    const answers = [];
    for (let i = 0; i < 14; i++) answers.push(await stack.call('GET', '/api/dashboard', { as: `guess-${i}@meadowbank.example` }));
    expect(answers.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(401));
    for (const r of answers.slice(10)) expect429(r);
    // The guesser cannot slip a real name in afterwards.
    const real = await stack.call('GET', '/api/dashboard', { as: 'ceo' });
    expect429(real);
    expect(real.text).not.toMatch(/Oakfield/);
  });
});

describe('the default limits', () => {
  let stack: SecureStack;
  beforeAll(async () => {
    stack = await startSecureStack();
  }, 60_000);
  afterAll(() => stack?.stop());

  it('leave a busy person’s session alone (every page of the tab, several times over)', async () => {
    const pages = [
      '/api/me',
      '/api/dashboard',
      '/api/academies',
      '/api/people',
      '/api/my-work',
      '/api/planner',
      '/api/academies/oakfield',
      '/api/academies/oakfield/actions',
      '/api/model',
      '/api/kpis',
    ];
    const statuses: number[] = [];
    for (let round = 0; round < 10; round++)
      for (const page of pages) statuses.push((await stack.call('GET', page, { as: 'aid-graham' })).status);
    expect(statuses).toHaveLength(100);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
  });
});

describe('the limiter', () => {
  afterEach(() => jest.useRealTimers());

  it('counts per window: past the limit it says how long to wait, and lets the person in again once the window has passed', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-23T10:00:00Z') });
    const limits = createRateLimits({
      windowSeconds: 60,
      perPerson: 3,
      perAddress: 100,
      signInFailuresPerAddress: 2,
      botPerAddress: 100,
      botPerSender: 100,
    });
    for (let i = 0; i < 3; i++) expect(await limits.person('head-oakfield')).toEqual({ ok: true });
    expect(await limits.person('head-oakfield')).toEqual({ ok: false, retryAfterSeconds: 60, limit: 'person' });
    jest.advanceTimersByTime(45_000);
    expect(await limits.person('head-oakfield')).toEqual({ ok: false, retryAfterSeconds: 15, limit: 'person' });
    expect(await limits.person('ceo')).toEqual({ ok: true });
    jest.advanceTimersByTime(15_001);
    expect(await limits.person('head-oakfield')).toEqual({ ok: true });
  });
});
