import { mailboxBatches } from '../../core/adapters/graph-calendar/mailbox-batches';
import { startGraphServer, type GraphServer } from './graph-server';
import { testClient } from './sharepoint-test-site';

const event = (subject: string, transactionId?: string) => ({
  subject,
  start: { dateTime: '2026-12-02T09:30:00', timeZone: 'UTC' },
  end: { dateTime: '2026-12-02T11:30:00', timeZone: 'UTC' },
  attendees: [{ emailAddress: { address: 'head@trust.example', name: 'Head' }, type: 'required' }],
  ...(transactionId ? { transactionId } : {}),
});
const json = { 'Content-Type': 'application/json' };
type Answer = { id: string; status: number; headers?: Record<string, string>; body?: { error?: { code: string; message: string } } };

describe('the Graph test server, Outlook events as documented', () => {
  let server: GraphServer;
  beforeAll(async () => {
    server = await startGraphServer({ seed: 3 });
  });
  afterAll(() => server.close());

  it('a create repeating a transactionId makes no second event and answers 400 ErrorDuplicateTransactionId', async () => {
    const client = testClient(server);
    const first = await client.send('POST', '/users/dedupe@trust.example/events', { body: event('AIM', 'tx-1') });
    const again = await client.send('POST', '/users/dedupe@trust.example/events', { body: event('AIM', 'tx-1') });
    expect(first.status).toBe(201);
    expect(again.status).toBe(400);
    expect((again.body as Answer['body'])?.error?.code).toBe('ErrorDuplicateTransactionId');
    expect(server.events.get('dedupe@trust.example')).toHaveLength(1);
  });

  it('five event requests to one mailbox at once in a batch: the fifth is refused with 429 MailboxConcurrency and a Retry-After', async () => {
    const client = testClient(server);
    const requests = Array.from({ length: 5 }, (_, i) => ({
      id: String(i),
      method: 'POST',
      url: '/users/busy@trust.example/events',
      headers: json,
      body: event(`AIM ${i}`),
    }));
    const raw = await client.send('POST', '/$batch', { body: { requests } });
    const answers = (raw.body as { responses: Answer[] }).responses;
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.body?.error?.code).toBe('ApplicationThrottled');
    expect(refused[0]!.body?.error?.message).toMatch(/MailboxConcurrency/);
    expect(Object.keys(refused[0]!.headers ?? {}).map((h) => h.toLowerCase())).toContain('retry-after');
    expect(server.events.get('busy@trust.example')).toHaveLength(4);
  });

  it('a batch of four parallel requests to one mailbox all run at once; four dependsOn chains are refused with 400 and run nothing', async () => {
    const fresh = await startGraphServer({ seed: 4 });
    try {
      const items = Array.from({ length: 8 }, (_, i) => ({
        id: String(i),
        method: 'POST' as const,
        url: '/users/chained@trust.example/events',
        headers: json,
        body: event(`AIM ${i}`),
      }));
      const [batch] = mailboxBatches(items);
      const raw = await testClient(fresh).send('POST', '/$batch', { body: { requests: batch } });
      expect((raw.body as { responses: Answer[] }).responses.map((a) => a.status)).toEqual(Array(4).fill(201));
      expect(fresh.stats.mailboxPeak).toBe(4);
      const chains = items.map((r, i) => (i >= 4 ? { ...r, dependsOn: [String(i - 4)] } : r));
      const refused = await testClient(fresh).send('POST', '/$batch', { body: { requests: chains } });
      expect(refused.status).toBe(400);
      expect((refused.body as Answer['body'])?.error?.message).toBe('Batch should be either fully sequential or fully parallel');
      expect(fresh.events.get('chained@trust.example')).toHaveLength(4);
    } finally {
      await fresh.close();
    }
  });

  it('a failed request in a fully sequential batch gives 424 to every request after it', async () => {
    const client = testClient(server);
    const items = Array.from({ length: 4 }, (_, i) => ({
      id: String(i),
      method: 'POST' as const,
      url: '/users/chain-break@trust.example/events',
      headers: json,
      body: i === 1 ? { subject: 'no times' } : event(`AIM ${i}`),
      ...(i > 0 ? { dependsOn: [String(i - 1)] } : {}),
    }));
    const raw = await client.send('POST', '/$batch', { body: { requests: items } });
    const status = new Map((raw.body as { responses: Answer[] }).responses.map((a) => [a.id, a.status]));
    expect([...status.entries()].sort((a, b) => Number(a[0]) - Number(b[0])).map(([, s]) => s)).toEqual([201, 400, 424, 424]);
  });

  it('cancelling tells every attendee, with the organiser’s comment, once', async () => {
    const client = testClient(server);
    const made = await client.call<{ id: string }>('POST', '/users/cancels@trust.example/events', { body: event('AIM') });
    await client.call('POST', `/users/cancels@trust.example/events/${made.id}/cancel`, {
      body: { comment: 'The academy is closed for snow' },
    });
    await client.call('POST', `/users/cancels@trust.example/events/${made.id}/cancel`, { body: { comment: 'again' } });
    expect(server.notices.filter((n) => n.eventId === made.id)).toEqual([
      { mailbox: 'cancels@trust.example', eventId: made.id, comment: 'The academy is closed for snow', attendees: ['head@trust.example'] },
    ]);
  });

  it('lists events in pages of $top with a nextLink, filtered on our extended property with eq or ne', async () => {
    const client = testClient(server);
    const prop = 'String {00000000-0000-0000-0000-000000000001} Name Mine';
    for (let i = 0; i < 5; i++)
      await client.call('POST', '/users/paged@trust.example/events', {
        body: { ...event(`AIM ${i}`), singleValueExtendedProperties: [{ id: prop, value: `m-${i}` }] },
      });
    await client.call('POST', '/users/paged@trust.example/events', { body: event('Not ours') });
    const filter = encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${prop}' and ep/value ne '')`);
    const seen: string[] = [];
    let next: string | undefined = `/users/paged@trust.example/events?$filter=${filter}&$top=2`;
    let pages = 0;
    while (next) {
      const page: { value: { subject: string }[]; '@odata.nextLink'?: string } = await client.call('GET', next);
      seen.push(...page.value.map((e) => e.subject));
      next = page['@odata.nextLink'] ? client.relative(page['@odata.nextLink']) : undefined;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['AIM 0', 'AIM 1', 'AIM 2', 'AIM 3', 'AIM 4']);
    const one = await client.call<{ value: unknown[] }>(
      'GET',
      `/users/paged@trust.example/events?$filter=${encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${prop}' and ep/value eq 'M-3')`)}`,
    );
    expect(one.value).toHaveLength(1);
  });
});

describe('the Graph test server answering a repeated transactionId with the existing event', () => {
  it('gives 201 and the first event, and still holds one', async () => {
    const server = await startGraphServer({ repeatedTransaction: 'existing' });
    try {
      const client = testClient(server);
      const first = await client.call<{ id: string }>('POST', '/users/x@trust.example/events', { body: event('AIM', 'tx-9') });
      const again = await client.call<{ id: string }>('POST', '/users/x@trust.example/events', { body: event('AIM', 'tx-9') });
      expect(again.id).toBe(first.id);
      expect(server.events.get('x@trust.example')).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
