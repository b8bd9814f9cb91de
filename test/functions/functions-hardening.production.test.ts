import { TEAMS_FRAME_ANCESTORS } from '../../functions/security/security-headers';
import { expectJsonProblem } from '../security/secure-stack';
import { startProductionStack, type ProductionStack } from './production-stack';

/**
 * Issue 14 on the production composition (SharePoint through a Graph-compatible server, Azurite,
 * the test tenant's SSO keys): headers with HSTS, JSON errors, papers checked by role × academy,
 * the bot's token, and the rate limits.
 */
let stack: ProductionStack;
beforeAll(async () => {
  stack = await startProductionStack({ env: { RATE_LIMIT_PER_PERSON: '25', RATE_LIMIT_SIGN_IN_FAILURES: '15' } });
}, 90_000);
afterAll(async () => {
  await stack?.stop();
}, 20_000);

const bearer = async (personId: string) => ({ authorization: `Bearer ${await stack.tokenFor(personId)}` });
const json = (res: { body: unknown; headers: Record<string, string> }) => ({
  json: res.body as any,
  text: JSON.stringify(res.body),
  headers: res.headers,
});

describe('production headers', () => {
  it('HSTS, nosniff and no-referrer on the tab, the API and its errors; the tab framed only by Teams and Microsoft 365', async () => {
    const tab = await stack.http('tab', { path: '/tab/' });
    expect(tab.headers['content-security-policy']).toContain(`frame-ancestors ${TEAMS_FRAME_ANCESTORS.join(' ')}`);
    expect(tab.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    for (const res of [
      tab,
      await stack.http('api', { path: '/api/me', headers: await bearer('ceo') }),
      await stack.http('api', { path: '/api/me' }),
      await stack.http('health', { path: '/health' }),
    ]) {
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
    const missing = await stack.http('tab', { path: '/tab/assets/missing-0f0f0f.js' });
    expect(missing.status).toBe(404);
    expectJsonProblem({ ...json(missing), headers: missing.headers }, 404, 'ASSET.NOT_FOUND');
  });
});

describe('the bot in production', () => {
  it('refuses an activity without a Bot Framework token, in JSON', async () => {
    const res = await stack.http('messages', {
      method: 'POST',
      path: '/api/messages',
      body: {
        type: 'message',
        text: 'status of oakfield',
        from: { id: 'x' },
        conversation: { id: 'c1' },
        serviceUrl: 'https://evil.example/',
        channelId: 'msteams',
      },
    });
    expect(res.status).toBe(401);
    expectJsonProblem(json(res), 401, 'AUTH.BOT_TOKEN_REQUIRED');
  });
});

describe('papers in production', () => {
  it('the file route checks role × academy before anything else (SharePoint serves the files themselves)', async () => {
    const meetings = (
      (await stack.http('api', { path: '/api/planner', headers: await bearer('ceo') })).body as {
        meetings: { id: string; academyId: string }[];
      }
    ).meetings;
    const m = meetings.find((x) => x.academyId === 'elmwood')!;
    const other = await stack.http('api', {
      path: `/api/meetings/${m.id}/papers/files/Report.pdf`,
      headers: await bearer('head-oakfield'),
    });
    expect(other.status).toBe(403);
    expect((await stack.http('api', { path: `/api/meetings/${m.id}/papers/files/Report.pdf` })).status).toBe(401);
    const own = await stack.http('api', { path: `/api/meetings/${m.id}/papers/files/Report.pdf`, headers: await bearer('head-elmwood') });
    expect(own.status).toBe(404);
    expectJsonProblem(json(own), 404);
  });
});

describe('rate limits in production', () => {
  it('a bounded burst by one person gets 429 with Retry-After past the limit', async () => {
    const headers = await bearer('aid-priya');
    const burst = await Promise.all(Array.from({ length: 30 }, () => stack.http('api', { path: '/api/me', headers })));
    expect(burst.filter((r) => r.status === 200)).toHaveLength(25);
    for (const r of burst.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(429);
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
  });

  it('forged tokens from one address are refused 401, then the address waits', async () => {
    const from = { 'x-forwarded-for': '198.51.100.23:50123' };
    const statuses: number[] = [];
    for (let i = 0; i < 18; i++)
      statuses.push((await stack.http('api', { path: '/api/me', headers: { ...from, authorization: `Bearer forged-${i}` } })).status);
    expect(statuses.slice(0, 15)).toEqual(Array(15).fill(401));
    expect(statuses.slice(15)).toEqual([429, 429, 429]);
    // Another address is unaffected.
    expect(
      (await stack.http('api', { path: '/api/me', headers: { 'x-forwarded-for': '203.0.113.9', ...(await bearer('ceo')) } })).status,
    ).toBe(200);
  });
});
