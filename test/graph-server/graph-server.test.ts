import { sendBatch } from '../../core/adapters/graph/batch';
import { provisionSite } from '../../core/adapters/sharepoint/provisioning/provision-site';
import { aMeeting, anAcademy, anEscalation, uniqueId, uniqueKey } from '../contracts/record-factories';
import { startGraphServer, type GraphServer } from './graph-server';
import { freshSharePointStore, testClient } from './sharepoint-test-site';

let server: GraphServer;
beforeAll(async () => {
  server = await startGraphServer();
});
afterAll(() => server.close());
afterEach(() => Object.assign(server.faults, { errorRate: 0, latencyMs: 0, emptyPageRate: 0, kinds: ['429', '503'], methods: [] }));

const writesTo = (from: number) => server.calls.slice(from).filter((c) => c.method !== 'GET' && !c.path.endsWith('$batch'));

describe('the Graph test server and $batch', () => {
  it('refuses a batch of 21 requests with a 400, as Graph does; the helper sends 45 as three batches', async () => {
    const client = testClient(server);
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/sites/none' }));
    const raw = await client.send('POST', '/$batch', { body: { requests } });
    expect(raw.status).toBe(400);
    const before = server.stats.httpRequests;
    const answers = await sendBatch(
      client,
      Array.from({ length: 45 }, (_, i) => ({ id: `r${i}`, method: 'GET' as const, url: '/sites/none' })),
    );
    expect(server.stats.httpRequests - before).toBe(3);
    expect(answers.size).toBe(45);
    expect(answers.get('r44')?.status).toBe(404);
  });

  it('a request whose dependency failed gets 424', async () => {
    const raw = await testClient(server).send('POST', '/$batch', {
      body: {
        requests: [
          { id: 'a', method: 'GET', url: '/sites/none' },
          { id: 'b', method: 'GET', url: '/sites/none', dependsOn: ['a'] },
        ],
      },
    });
    const byId = new Map((raw.body as { responses: { id: string; status: number }[] }).responses.map((r) => [r.id, r.status]));
    expect(byId).toEqual(
      new Map([
        ['a', 404],
        ['b', 424],
      ]),
    );
  });

  it('throttled requests inside a batch are sent again after their Retry-After, and every answer arrives', async () => {
    const { store } = await freshSharePointStore(server);
    const academies = [];
    for (let i = 0; i < 30; i++) academies.push((await store.academies.create(anAcademy(), { idempotencyKey: uniqueKey() })).record);
    Object.assign(server.faults, { errorRate: 0.3, kinds: ['429'], retryAfterSeconds: 0.01 });
    const from = server.calls.length;
    const found = await store.academies.getMany(academies.map((a) => a.id));
    expect(found.map((a) => a.id)).toEqual(academies.map((a) => a.id));
    expect(server.calls.slice(from).some((c) => c.inBatch && c.status === 429)).toBe(true);
  });

  it('a filter on a column that is not indexed is refused with 400, as SharePoint does', async () => {
    const { siteId, client } = await freshSharePointStore(server);
    const lists = (await client.call<{ value: { id: string; displayName: string }[] }>('GET', `/sites/${siteId}/lists`)).value;
    const academies = lists.find((l) => l.displayName === 'Academies')!;
    await expect(
      client.call('GET', `/sites/${siteId}/lists/${academies.id}/items?$filter=${encodeURIComponent("fields/Phase eq 'primary'")}`),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(/not indexed/),
    });
  });
});

describe('the SharePoint store under faults', () => {
  it('an update from a stale eTag is a 412 from Graph and a ConflictError to the caller', async () => {
    const { store } = await freshSharePointStore(server);
    const first = (await store.meetings.create(aMeeting(uniqueId('academy'), '2026-10-08'), { idempotencyKey: uniqueKey() })).record;
    await store.meetings.update({ ...first, focus: ['reading'] });
    const from = server.calls.length;
    await expect(store.meetings.update({ ...first, focus: ['maths'] })).rejects.toMatchObject({ code: 'RECORD.CONFLICT' });
    expect(server.calls.slice(from).some((c) => c.method === 'PATCH' && c.status === 412)).toBe(true);
  });

  it('creates under 429, 503, timeouts and responses lost after the write store each record exactly once', async () => {
    const { store } = await freshSharePointStore(server);
    const academyId = uniqueId('academy');
    Object.assign(server.faults, { errorRate: 0.3, kinds: ['429', '503', 'timeout', 'lost-after-write'], retryAfterSeconds: 0.005 });
    const made = [];
    for (let i = 0; i < 40; i++)
      made.push((await store.escalations.create(anEscalation(academyId), { idempotencyKey: `fault-${academyId}-${i}` })).record.id);
    server.faults.errorRate = 0;
    const listed = (await store.escalations.list({ academyId }, { pageSize: 500 }).page()).items.map((e) => e.id);
    expect(listed.sort()).toEqual([...made].sort());
  });

  it('an update whose response was lost after it was applied is not reported as a conflict', async () => {
    const { store } = await freshSharePointStore(server);
    const academy = (await store.academies.create(anAcademy(), { idempotencyKey: uniqueKey() })).record;
    Object.assign(server.faults, { errorRate: 1, kinds: ['lost-after-write'], methods: ['PATCH'] });
    const pending = store.academies.update({ ...academy, name: 'Renamed Academy' });
    // The first PATCH lands and its answer is lost; the read-back shows our body.
    setTimeout(() => (server.faults.errorRate = 0), 50);
    const saved = await pending;
    expect((await store.academies.get(academy.id))?.name).toBe('Renamed Academy');
    expect(saved.version).not.toBe(academy.version);
  });
});

describe('provisioning', () => {
  it('creates every list, indexed column and the papers library; a second run changes nothing', async () => {
    const site = server.state.addSite('contoso.sharepoint.com', `/sites/${uniqueId('provision')}`);
    const client = testClient(server);
    const first = await provisionSite(client, site.id);
    expect(first.length).toBeGreaterThan(10);
    const lists = [...site.lists.values()];
    expect(lists.map((l) => l.displayName)).toEqual(
      expect.arrayContaining(['Academies', 'Meetings', 'Actions', 'TrustSettings', 'Papers']),
    );
    const meetings = lists.find((l) => l.displayName === 'Meetings')!;
    expect(meetings.columns.filter((c) => c.indexed).map((c) => c.name)).toEqual(
      expect.arrayContaining(['RecordId', 'IdempotencyKey', 'AcademyId', 'MeetingDate', 'Status']),
    );
    const types = new Set(
      lists.flatMap((l) =>
        l.columns.flatMap((c) =>
          Object.keys(c).filter((k) => ['text', 'number', 'dateTime', 'choice', 'boolean', 'lookup', 'personOrGroup'].includes(k)),
        ),
      ),
    );
    expect([...types].sort()).toEqual(['boolean', 'choice', 'dateTime', 'lookup', 'number', 'personOrGroup', 'text']);

    const from = server.calls.length;
    expect(await provisionSite(client, site.id)).toEqual([]);
    expect(writesTo(from)).toEqual([]);
  });

  it('a column added to the schema is added to the list; an index someone removed is put back', async () => {
    const site = server.state.addSite('contoso.sharepoint.com', `/sites/${uniqueId('provision')}`);
    const client = testClient(server);
    await provisionSite(client, site.id);
    const actions = [...site.lists.values()].find((l) => l.displayName === 'Actions')!;
    actions.columns.find((c) => c.name === 'OwnerId')!.indexed = false;
    const schema = [
      {
        displayName: 'Actions',
        template: 'genericList' as const,
        columns: [
          { name: 'OwnerId', type: 'text' as const, indexed: true },
          { name: 'Priority', type: 'number' as const },
        ],
      },
    ];
    const steps = await provisionSite(client, site.id, { schema });
    expect(steps.map((s) => s.action).sort()).toEqual(['addColumn', 'updateColumn']);
    expect(actions.columns.find((c) => c.name === 'OwnerId')?.indexed).toBe(true);
    expect(actions.columns.some((c) => c.name === 'Priority')).toBe(true);
  });

  it('gives each stored meeting a papers folder, and a dry run writes nothing', async () => {
    const { store, siteId, client } = await freshSharePointStore(server);
    const meeting = (await store.meetings.create(aMeeting(uniqueId('academy'), '2026-10-08'), { idempotencyKey: uniqueKey() })).record;
    const from = server.calls.length;
    const planned = await provisionSite(client, siteId, { dryRun: true });
    expect(planned).toEqual([{ action: 'createFolder', library: 'Papers', folder: meeting.id }]);
    expect(writesTo(from)).toEqual([]);
    await provisionSite(client, siteId);
    expect(await provisionSite(client, siteId)).toEqual([]);
  });
});
