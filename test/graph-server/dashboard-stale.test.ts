import { fetchTransport } from '../../core/adapters/graph/fetch-transport';
import type { GraphRequest } from '../../core/adapters/graph/graph-types';
import { preset } from '../../core/domain/models/presets';
import { fixedClock } from '../../core/ports/clock.port';
import { createTrustServices } from '../../core/services/trust-services';
import { createApiHandler } from '../../functions/api/api-handler';
import { anAcademy, uniqueKey } from '../contracts/record-factories';
import { createMemoryAuditLog } from '../support/test-services';
import { startGraphServer, type GraphServer } from './graph-server';
import { freshSharePointStore, testClient } from './sharepoint-test-site';

/**
 * The dashboard through the API when SharePoint does not answer some of its lists (issue 19):
 * the view is answered with the last good values, each academy marked stale with the time they
 * were last read, instead of failing.
 */
let server: GraphServer;
beforeAll(async () => {
  server = await startGraphServer();
});
afterAll(() => server.close());

const CEO = { id: 'ceo', name: 'Chief Executive', email: 'ceo@stale.example', roles: [{ role: 'ceo' as const }] };

it('a dashboard whose lists SharePoint did not answer shows the last good values, marked stale with their time', async () => {
  let unanswered = false;
  const inner = fetchTransport();
  // The read model's delta queries go unanswered; everything else (the trust's settings, the person) still answers.
  const isStatusRead = (r: GraphRequest) => r.url.includes('/$batch') || r.url.includes('/items/delta');
  const client = testClient(server, {
    transport: (r) => (unanswered && isStatusRead(r) ? Promise.reject(new TypeError('fetch failed: no answer')) : inner(r)),
  });
  const { store } = await freshSharePointStore(server, { client });
  await store.trust.save({ id: 'stale', name: 'Stale Trust', model: preset('dsat'), termDates: [], closures: [] });
  const academy = (await store.academies.create(anAcademy({ name: 'Brook Lane Primary' }), { idempotencyKey: uniqueKey() })).record;
  await store.people.create(CEO, { idempotencyKey: uniqueKey() });
  const api = createApiHandler({
    services: createTrustServices({
      store,
      clock: fixedClock('2026-11-23T10:00:00Z'),
      audit: { log: createMemoryAuditLog(), newId: uniqueKey },
    }),
    identify: async () => store.people.get('ceo'),
  });
  const dashboard = () => api({ method: 'GET', path: '/api/dashboard', query: {}, headers: {}, body: undefined });

  const fresh = await dashboard();
  expect(fresh.status).toBe(200);
  const row = (fresh.body as { academies: { academyId: string; name: string; stale?: unknown }[] }).academies[0];
  expect(row).toMatchObject({ academyId: academy.id, name: 'Brook Lane Primary' });
  expect(row?.stale).toBeUndefined();

  unanswered = true;
  const stale = await dashboard();
  expect(stale.status).toBe(200);
  const staleRow = (stale.body as { academies: { name: string; stale?: { since: string; lists: string[] } }[] }).academies[0];
  expect(staleRow?.name).toBe('Brook Lane Primary');
  expect(staleRow?.stale).toEqual({ since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), lists: expect.arrayContaining(['academies']) });
});
