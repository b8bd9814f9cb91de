import { startProductionStack, oidOf, type ProductionStack } from './production-stack';

/**
 * The Azure Functions app's HTTP functions, called as the Functions host calls them (real
 * `HttpRequest`s), on the production composition: SharePoint through a Graph-compatible server,
 * Azure Tables on Azurite, Teams SSO tokens signed by the test's own tenant keys.
 */
let stack: ProductionStack;
beforeAll(async () => {
  stack = await startProductionStack();
}, 90_000);
afterAll(async () => {
  await stack?.stop();
}, 20_000);

const bearer = async (personId: string) => ({ authorization: `Bearer ${await stack.tokenFor(personId)}` });

describe('the API in production accepts only a valid Teams SSO token', () => {
  test('the CEO sees every academy of the trust on the dashboard', async () => {
    const res = await stack.http('api', { path: '/api/dashboard', headers: await bearer('ceo') });
    expect(res.status).toBe(200);
    expect((res.body as { academies: unknown[] }).academies).toHaveLength(12);
  });

  test('without a token, or naming a person the local way, the answer is 401 and no data', async () => {
    for (const headers of [{}, { 'x-dev-person': 'ceo' }] as Record<string, string>[]) {
      const res = await stack.http('api', { path: '/api/dashboard', headers });
      expect(res.status).toBe(401);
      expect(JSON.stringify(res.body)).not.toMatch(/Oakfield/);
    }
    expect((await stack.http('api', { path: '/api/dashboard?as=ceo' })).status).toBe(401);
  });

  test('expired, wrong-audience, wrong-issuer and wrongly signed tokens are refused with 401', async () => {
    const tokens = [
      await stack.tokenFor('ceo', { expiresIn: Math.floor(Date.now() / 1000) - 600 }),
      await stack.tokenFor('ceo', { aud: 'api://someone-else/0000' }),
      await stack.tokenFor('ceo', { iss: 'https://login.microsoftonline.com/another-tenant/v2.0' }),
      await stack.tokenFor('ceo', { key: 'stranger' }),
      'not-a-jwt',
    ];
    for (const t of tokens)
      expect((await stack.http('api', { path: '/api/me', headers: { authorization: `Bearer ${t}` } })).status).toBe(401);
  });

  test('a head sees their own academy and is refused another', async () => {
    const headers = await bearer('head-oakfield');
    expect((await stack.http('api', { path: '/api/academies/oakfield', headers })).status).toBe(200);
    const other = await stack.http('api', { path: '/api/academies/brook-lane', headers });
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).not.toMatch(/Brook Lane Academy/);
  });

  test('a write is recorded with who made it, in the audit trail on Azure Tables, and shown on the record', async () => {
    const head = await bearer('head-oakfield');
    const created = await stack.http('api', {
      method: 'POST',
      path: '/api/actions',
      headers: head,
      body: {
        academyId: 'oakfield',
        text: 'Share the phonics audit with governors',
        ownerId: 'head-oakfield',
        dueDate: '2026-12-11',
        clientKey: 'functions-audit-1',
      },
    });
    expect(created.status).toBe(201);
    const { action } = created.body as { action: { id: string; version: string } };
    const updated = await stack.http('api', {
      method: 'PATCH',
      path: `/api/actions/${action.id}`,
      headers: head,
      body: { status: 'in-progress', note: 'Audit shared with the SENCo', version: action.version },
    });
    expect(updated.status).toBe(200);
    const history = await stack.http('api', { path: `/api/history/actions/${action.id}`, headers: await bearer('aid-graham') });
    expect(history.status).toBe(200);
    const entries = (history.body as { items: { action: string; actorId: string; changes: { field: string; after?: unknown }[] }[] }).items;
    expect(entries.map((e) => e.action)).toEqual(['updated', 'created']);
    expect(entries.every((e) => e.actorId === 'head-oakfield')).toBe(true);
    expect(entries[0]!.changes.find((c) => c.field === 'status')?.after).toBe('in-progress');
  });

  test('a body that is not JSON gets a 400 that says so', async () => {
    const res = await stack.http('api', {
      method: 'POST',
      path: '/api/actions',
      headers: { ...(await bearer('ceo')), 'content-type': 'application/json' },
      body: '{"academyId": ',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/not valid JSON/);
  });

  test('every request is logged once as structured JSON with its correlation id, echoed to the caller', async () => {
    const res = await stack.http('api', { path: '/api/me', headers: { ...(await bearer('ceo')), 'x-correlation-id': 'tab-7f3a' } });
    expect(res.headers['x-correlation-id']).toBe('tab-7f3a');
    const lines = stack.logs.filter((l) => l.correlationId === 'tab-7f3a');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'api', path: '/api/me', status: 200, functionName: 'api', level: 'info' });
    expect(JSON.stringify(stack.logs)).not.toMatch(/Bearer /);
  });

  test('a W3C traceparent becomes the correlation id when the caller gives none', async () => {
    const trace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await stack.http('api', {
      path: '/api/me',
      headers: { ...(await bearer('ceo')), traceparent: `00-${trace}-00f067aa0ba902b7-01` },
    });
    expect(res.headers['x-correlation-id']).toBe(trace);
  });
});

describe('the bot, health and tab functions', () => {
  test('the bot endpoint refuses an activity without the Bot Framework token', async () => {
    const res = await stack.http('messages', {
      method: 'POST',
      path: '/api/messages',
      body: {
        type: 'message',
        text: 'how is Oakfield doing?',
        from: { id: 'x', aadObjectId: oidOf('ceo') },
        conversation: { id: 'c1' },
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
        channelId: 'msteams',
      },
    });
    expect(res.status).toBe(401);
  });

  test('health says which store and trust it runs on', async () => {
    const res = await stack.http('health', { path: '/health' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', store: 'sharepoint', trust: 'Meadowbank Learning Trust' });
  });

  test('the tab is served at /tab with deep links answered by index.html, and paths cannot climb out', async () => {
    const page = await stack.http('tab', { path: '/tab/academy/oakfield' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(String(page.body)).toContain('School improvement');
    const asset = await stack.http('tab', { path: '/tab/assets/app-1a2b3c.js' });
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    expect((await stack.http('tab', { path: '/tab/assets/..%2F..%2Fpackage.json' })).status).toBe(404);
  });
});

describe('the function definitions', () => {
  test('HTTP routes, timers and queues are the ones the host needs', () => {
    const byName = Object.fromEntries([...stack.functions.values()].map((f) => [f.name, { trigger: f.trigger, options: f.options }]));
    expect(byName).toMatchObject({
      messages: { trigger: 'http', options: { route: 'api/messages', methods: ['POST'] } },
      api: { trigger: 'http', options: { route: 'api/{*path}' } },
      dailySweep: { trigger: 'timer', options: { schedule: '0 */15 * * * *' } },
      deliverySweep: { trigger: 'timer' },
      deliverReminder: { trigger: 'queue', options: { queueName: '%REMINDER_QUEUE%', connection: 'AzureWebJobsStorage' } },
      reminderPoison: { trigger: 'queue', options: { queueName: '%REMINDER_QUEUE%-poison' } },
    });
  });
});
