import { mapLimit } from '../../core/adapters/graph/concurrency';
import { provisionSite } from '../../core/adapters/sharepoint/provisioning/provision-site';

import type { ReadModelInputs } from '../../core/adapters/sharepoint/status-read-model';
import { everyPage } from '../contracts/contract-helpers';
import { aMeeting, anAcademy, anEscalation, aPerson, uniqueId, uniqueKey } from '../contracts/record-factories';
import { startGraphServer, type GraphServer } from './graph-server';
import { freshSharePointStore, testClient } from './sharepoint-test-site';

let server: GraphServer;
beforeAll(async () => {
  server = await startGraphServer({ maxPageSize: 500, listViewThreshold: 40 });
});
afterAll(() => server.close());
afterEach(() => Object.assign(server.faults, { errorRate: 0, kinds: ['429', '503'], methods: [], retryAfterSeconds: 0.01 }));

const unitsSince = (from: number) => server.calls.slice(from).reduce((n, c) => n + c.units, 0);
const getsSince = (from: number) => server.calls.slice(from).filter((c) => c.method === 'GET' && !c.inBatch).length;

describe('paging carries Graph’s $skiptoken', () => {
  it('listing 1,200 records 500 a page takes 3 GETs, each record once in id order', async () => {
    const { store } = await freshSharePointStore(server);
    const academyId = uniqueId('academy');
    const ids = await mapLimit(
      Array.from({ length: 1200 }, (_, i) => i),
      16,
      async () => (await store.escalations.create(anEscalation(academyId), { idempotencyKey: uniqueKey() })).record.id,
    );
    const from = server.calls.length;
    const pages = await everyPage((p) => store.escalations.list({}, p).page(), 500);
    expect(pages.flatMap((p) => p.items.map((r) => r.id))).toEqual([...ids].sort());
    expect(getsSince(from)).toBe(3);
  });
});

describe('the trust dashboard within the tenant’s budget', () => {
  it('a steady view of 60 academies costs 8 resource units, and shows what changed since', async () => {
    const { store } = await freshSharePointStore(server);
    const academies = await mapLimit(
      Array.from({ length: 60 }, () => anAcademy()),
      16,
      async (a) => (await store.academies.create(a, { idempotencyKey: uniqueKey() })).record,
    );
    await mapLimit(academies, 16, (a) => store.meetings.create(aMeeting(a.id, '2026-11-10'), { idempotencyKey: uniqueKey() }));
    const ids = academies.map((a) => a.id);
    const cold = server.calls.length;
    expect(await store.statusInputsForMany(ids, '2026/27')).toHaveLength(60);
    const coldUnits = unitsSince(cold);

    const steady = server.calls.length;
    const again = await store.statusInputsForMany(ids, '2026/27');
    expect(unitsSince(steady)).toBe(8);
    expect(coldUnits).toBeGreaterThan(8);
    // A meeting added elsewhere shows on the next view, from the delta alone.
    const late = (await store.meetings.create(aMeeting(ids[7]!, '2026-12-01'), { idempotencyKey: uniqueKey() })).record;
    const next = await store.statusInputsForMany(ids, '2026/27');
    expect(next.find((i) => i.academy.id === ids[7])?.meetings.map((m) => m.id)).toContain(late.id);
    expect(again.every((i) => (i as ReadModelInputs).stale === undefined)).toBe(true);
  });

  it('when a list cannot be read, the view shows its last good values marked stale instead of failing', async () => {
    const { store } = await freshSharePointStore(server);
    const academy = (await store.academies.create(anAcademy(), { idempotencyKey: uniqueKey() })).record;
    await store.meetings.create(aMeeting(academy.id, '2026-11-10'), { idempotencyKey: uniqueKey() });
    await store.statusInputsForMany([academy.id], '2026/27');
    Object.assign(server.faults, { errorRate: 1, kinds: ['503'], methods: ['GET', 'POST'] });
    const [inputs] = (await store.statusInputsForMany([academy.id], '2026/27')) as ReadModelInputs[];
    server.faults.errorRate = 0;
    expect(inputs?.meetings).toHaveLength(1);
    expect(inputs?.stale).toEqual({ since: expect.any(String), lists: expect.arrayContaining(['academies', 'meetings']) });
  });
});

describe('queries stay under the list view threshold (here 40; 5,000 in SharePoint)', () => {
  it('meetings over the whole trust are asked for a month at a time', async () => {
    const { store } = await freshSharePointStore(server);
    const dates = ['2026-09-15', '2026-10-15', '2026-11-15'];
    await mapLimit(
      Array.from({ length: 90 }, (_, i) => i),
      16,
      (i) => store.meetings.create(aMeeting(uniqueId('academy'), dates[i % 3] as '2026-09-15'), { idempotencyKey: uniqueKey() }),
    );
    const all = await everyPage((p) => store.meetings.inRange({ from: '2026-09-01', to: '2026-11-30' }, p).page(), 500);
    expect(all.flatMap((p) => p.items)).toHaveLength(90);
  });
});

describe('field limits and unique clashes', () => {
  it('an id past 255 characters is refused before sending, naming the field; a long idempotency key still works', async () => {
    const { store } = await freshSharePointStore(server);
    const from = server.calls.length;
    await expect(
      store.academies.create({ ...anAcademy(), id: `academy-${'n'.repeat(300)}` }, { idempotencyKey: uniqueKey() }),
    ).rejects.toMatchObject({
      code: 'INPUT.INVALID',
      problems: expect.arrayContaining([expect.objectContaining({ field: 'id', message: expect.stringMatching(/255/) })]),
    });
    expect(server.calls.slice(from).filter((c) => c.method === 'POST')).toEqual([]);
    const key = `import:person:${'x'.repeat(280)}@trust.example`;
    const first = await store.people.create(aPerson('academy-1'), { idempotencyKey: key });
    const again = await store.people.create(aPerson('academy-1'), { idempotencyKey: key });
    expect([first.created, again.created, again.record.id]).toEqual([true, false, first.record.id]);
  });

  it.each([409, 500] as const)(
    'a unique clash answered %i: ten concurrent creates with one key make one record; a taken record id is a conflict',
    async (status) => {
      const strict = await startGraphServer({ uniqueClashStatus: status });
      try {
        const { store } = await freshSharePointStore(strict);
        const key = uniqueKey();
        const results = await Promise.all(Array.from({ length: 10 }, () => store.academies.create(anAcademy(), { idempotencyKey: key })));
        expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
        expect(results.filter((r) => r.created)).toHaveLength(1);
        const taken = results[0]!.record;
        await expect(store.academies.create({ ...anAcademy(), id: taken.id }, { idempotencyKey: uniqueKey() })).rejects.toMatchObject({
          code: 'RECORD.CONFLICT',
        });
        expect(strict.calls.some((c) => c.status === status && c.method === 'POST')).toBe(true);
      } finally {
        await strict.close();
      }
    },
  );
});

describe('provisioning under faults', () => {
  it('one run at 20% faults (lost answers to POST /lists and /columns included) completes, and a second plans nothing', async () => {
    const faulty = await startGraphServer({ seed: 31 });
    try {
      const site = faulty.state.addSite('contoso.sharepoint.com', '/sites/faulty');
      const client = testClient(faulty, { timeoutMs: 2000 });
      Object.assign(faulty.faults, { errorRate: 0.2, kinds: ['429', '503', 'timeout', 'lost-after-write'], retryAfterSeconds: 0.005 });
      const steps = await provisionSite(client, site.id);
      faulty.faults.errorRate = 0;
      expect(steps.length).toBeGreaterThan(10);
      expect(await provisionSite(client, site.id)).toEqual([]);
      const names = [...site.lists.values()].map((l) => l.displayName);
      expect(names.length).toBe(new Set(names).size);
    } finally {
      await faulty.close();
    }
  });
});
