import { startAzuriteTable, type RunningAzurite } from '../../bot/local/azurite';
import { createTableThrottleGate } from '../../core/adapters/azure-storage/table-throttle-gate';
import { asInteractive, inBackground } from '../../core/adapters/graph/patience';
import { startGraphServer, type GraphServer } from './graph-server';
import { testClient } from './sharepoint-test-site';
import { virtualClock } from './virtual-clock';

/**
 * Two instances of the app, each with its own Graph client and its own Table gate object on one
 * table in Azurite (as two Functions workers on one storage account): once the first is throttled,
 * the second sends nothing until the time SharePoint gave.
 */
let azurite: RunningAzurite;
let server: GraphServer;
const clock = virtualClock();
beforeAll(async () => {
  [azurite, server] = await Promise.all([startAzuriteTable({ timeoutMs: 20_000 }), startGraphServer({ now: clock.now })]);
}, 30_000);
afterAll(async () => {
  await Promise.all([azurite?.stop(), server?.close()]);
});

const instance = (table: string) => {
  const gate = createTableThrottleGate(azurite.connectionString, {
    table,
    allowInsecureConnection: true,
    now: clock.now,
    onError: (e) => {
      throw e;
    },
  });
  return testClient(server, { retry: { timers: clock, gate } });
};

describe('two instances sharing the Table throttle gate', () => {
  it('after the first gets "429, Retry-After 90", the second sends nothing: a person gets 503 at once, background work waits the 90 s', async () => {
    const first = instance('sharedgate1');
    const second = instance('sharedgate1');
    const site = [...server.state.sites.values()][0]!;
    const path = `/sites/${site.id}/lists`;
    // The second instance has read the open gate just before (its cached read must not let it through for long).
    expect((await second.send('GET', path)).status).toBe(200);

    Object.assign(server.faults, { errorRate: 1, kinds: ['429'], methods: ['GET'], retryAfterSeconds: 90 });
    const throttledAt = clock.now();
    await expect(asInteractive(() => first.call('GET', path))).rejects.toMatchObject({ code: 'SERVICE.BUSY', retryAfterSeconds: 90 });
    server.faults.errorRate = 0;
    // Past the second instance's 1 s cache on the virtual clock, as any later request would be.
    await clock.sleep(1_000);

    const before = server.stats.httpRequests;
    await expect(asInteractive(() => second.call('GET', path))).rejects.toMatchObject({ code: 'SERVICE.BUSY' });
    expect(server.stats.httpRequests).toBe(before);

    await inBackground(() => second.call('GET', path));
    expect(clock.now() - throttledAt).toBeGreaterThanOrEqual(90_000);
    expect(server.stats.httpRequests).toBe(before + 1);
  });
});
