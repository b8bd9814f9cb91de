import { createGraphClient } from '../../core/adapters/graph/graph-client';
import { asInteractive, inBackground } from '../../core/adapters/graph/patience';
import { memoryThrottleGate } from '../../core/adapters/graph/throttle-gate';
import { errorResponse } from '../../functions/api/error-responses';
import { anAcademy, uniqueKey } from '../contracts/record-factories';
import { startGraphServer, type GraphServer } from './graph-server';
import { freshSharePointStore, testClient, testToken } from './sharepoint-test-site';
import { virtualClock } from './virtual-clock';

let server: GraphServer;
const clock = virtualClock();
beforeAll(async () => {
  server = await startGraphServer({ now: clock.now });
});
afterAll(() => server.close());
afterEach(() => Object.assign(server.faults, { errorRate: 0, kinds: ['429', '503'], methods: [], retryAfterSeconds: 0.01 }));

/** A client on the virtual clock with the production policies (no test shortcuts). */
const realPolicyClient = (gate = memoryThrottleGate()) => testClient(server, { retry: { timers: clock, gate } });

describe('a write SharePoint answers "429, Retry-After 120"', () => {
  it('as background work it is sent once more after the whole 120 s, and lands: 2 requests, not 14', async () => {
    const { store } = await freshSharePointStore(server, { client: realPolicyClient() });
    const academy = (await store.academies.create(anAcademy(), { idempotencyKey: uniqueKey() })).record;
    Object.assign(server.faults, { errorRate: 1, kinds: ['429'], methods: ['PATCH'], retryAfterSeconds: 120 });
    const from = server.calls.length;
    const started = clock.now();
    const saving = inBackground(() => store.academies.update({ ...academy, name: 'Renamed in the sweep' }));
    // The throttle lifts after the first answer: the retry finds SharePoint ready.
    const lift = setInterval(() => {
      if (server.calls.slice(from).some((c) => c.method === 'PATCH' && c.status === 429)) server.faults.errorRate = 0;
    }, 1);
    await saving.finally(() => clearInterval(lift));
    const patches = server.calls.slice(from).filter((c) => c.method === 'PATCH');
    expect(patches.map((c) => c.status)).toEqual([429, 200]);
    expect(clock.now() - started).toBeGreaterThanOrEqual(120_000);
    expect(clock.now() - started).toBeLessThan(122_000);
    expect((await store.academies.get(academy.id))?.name).toBe('Renamed in the sweep');
  });

  it("for a person's request it fails at once as SharePoint busy, Retry-After 120, and the next request sends nothing until then", async () => {
    const gate = memoryThrottleGate();
    const { store } = await freshSharePointStore(server, { client: realPolicyClient(gate) });
    const academy = (await store.academies.create(anAcademy(), { idempotencyKey: uniqueKey() })).record;
    Object.assign(server.faults, { errorRate: 1, kinds: ['429'], methods: ['PATCH'], retryAfterSeconds: 120 });
    const from = server.calls.length;
    const started = clock.now();
    const failure = await asInteractive(() => store.academies.update({ ...academy, name: 'Renamed by a person' })).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'SERVICE.BUSY', retryAfterSeconds: 120 });
    expect(clock.now() - started).toBe(0);
    expect(errorResponse(failure)).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '120' },
      body: { error: { message: expect.stringMatching(/SharePoint is busy/) } },
    });
    server.faults.errorRate = 0;
    const before = server.calls.length;
    await expect(asInteractive(() => store.academies.get(academy.id))).rejects.toMatchObject({ code: 'SERVICE.BUSY' });
    expect(server.calls.length).toBe(before);
    expect(server.calls.slice(from).filter((c) => c.method === 'PATCH')).toHaveLength(1);
  });

  it('every client sharing the gate backs off together after one 429', async () => {
    const gate = memoryThrottleGate();
    const first = realPolicyClient(gate);
    const second = realPolicyClient(gate);
    Object.assign(server.faults, { errorRate: 1, kinds: ['429'], methods: ['GET'], retryAfterSeconds: 90 });
    await expect(asInteractive(() => first.call('GET', '/sites/none'))).rejects.toMatchObject({ code: 'SERVICE.BUSY' });
    const before = server.stats.httpRequests;
    await expect(asInteractive(() => second.call('GET', '/sites/none'))).rejects.toMatchObject({
      code: 'SERVICE.BUSY',
      retryAfterSeconds: 90,
    });
    expect(server.stats.httpRequests).toBe(before);
  });
});

describe("the tenant's resource-unit budget", () => {
  it('past the budget the server answers 429 with Retry-After; near it RateLimit headers, and background work yields to people', async () => {
    const budgetClock = virtualClock();
    const tight = await startGraphServer({ now: budgetClock.now, resourceUnitsPerMinute: 40 });
    try {
      const gate = memoryThrottleGate();
      const client = testClient(tight, { retry: { timers: budgetClock, gate } });
      const site = [...tight.state.sites.values()][0]!;
      const path = `/sites/${site.id}/lists`;
      const answers = [];
      for (let i = 0; i < 21; i++) answers.push(await client.send('GET', path));
      expect(answers.slice(0, 20).every((a) => a.status === 200)).toBe(true);
      expect(answers.at(-1)?.status).toBe(429);
      expect(Number(answers.at(-1)?.headers['retry-after'])).toBeGreaterThan(0);
      expect(answers[19]?.headers['ratelimit-remaining']).toBe('0');
      // Background work waited for the window to reset instead of spending the last units.
      const started = budgetClock.now();
      await inBackground(() => client.call('GET', path));
      expect(budgetClock.now() - started).toBeGreaterThan(30_000);
      expect(tight.stats.budgetThrottled).toBe(1);
    } finally {
      await tight.close();
    }
  });
});

describe('every request as Graph wants it', () => {
  it('carries a bearer token and the ISV User-Agent; a request without a token is refused with 401', async () => {
    const before = server.stats.undecorated;
    await freshSharePointStore(server);
    expect(server.stats.undecorated).toBe(before);
    const anonymous = createGraphClient({ baseUrl: server.baseUrl });
    expect((await anonymous.send('GET', '/sites/none')).status).toBe(401);
    const decorated = createGraphClient({ baseUrl: server.baseUrl, getToken: testToken });
    expect((await decorated.send('GET', '/sites/none')).status).toBe(404);
  });
});

describe('the test server over HTTPS', () => {
  it('serves Graph on https:// with a certificate made at test time (the SDK follows only https links)', async () => {
    const secure = await startGraphServer({ https: true });
    try {
      expect(secure.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
      const { request } = await import('node:https');
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${secure.baseUrl}/sites/none`, { ca: secure.ca, headers: { Authorization: 'Bearer test-token' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(404);
    } finally {
      await secure.close();
    }
  });
});
