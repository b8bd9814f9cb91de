import { HttpRequest, InvocationContext } from '@azure/functions';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { startAzuriteStorage, type RunningAzuriteStorage } from '../../bot/local/azurite';
import { defineFunctions, type FunctionDefinition, type FunctionsRuntime } from '../../functions/azure/function-definitions';
import { createFunctionsRuntime } from '../../functions/azure/runtime';
import { TEAMS_FRAME_ANCESTORS } from '../../functions/security/security-headers';
import { SAMPLE_FILES, expectJsonProblem } from '../security/secure-stack';

/**
 * Issue 14's holes on the Azure Functions app, where the same routes exist: `func start` in local
 * mode (the embedded demo trust, the dev identity, local papers) with Azurite, each function called
 * as the Functions host calls it.
 */
let azurite: RunningAzuriteStorage;
const runtimes: FunctionsRuntime[] = [];
let functions: Map<string, FunctionDefinition>;
let tabDir: string;

const build = (env: Record<string, string>) => {
  const runtime = createFunctionsRuntime(
    {
      TRUST_MODE: 'local',
      TRUST_DB: ':memory:',
      LOG_LEVEL: 'silent',
      AzureWebJobsStorage: azurite.connectionString,
      RATE_LIMIT_PER_PERSON: '40',
      ...env,
    },
    { logger: pino({ level: 'silent' }), tabDir, overrides: { clock: { now: () => new Date('2026-11-23T10:00:00Z') } } },
  );
  runtimes.push(runtime);
  return new Map(defineFunctions(runtime, pino({ level: 'silent' })).map((f) => [f.name, f]));
};

beforeAll(async () => {
  azurite = await startAzuriteStorage({ timeoutMs: 20_000 });
  tabDir = mkdtempSync(join(tmpdir(), 'functions-tab-'));
  mkdirSync(join(tabDir, 'assets'));
  writeFileSync(join(tabDir, 'index.html'), '<!doctype html><title>School improvement</title><div id="root"></div>');
  writeFileSync(join(tabDir, 'assets', 'app-1a2b3c.js'), 'console.log("tab")');
  functions = build({});
}, 90_000);
afterAll(async () => {
  for (const r of runtimes) await (await r.app().catch(() => undefined))?.close();
  await azurite?.stop();
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: any;
  bytes: Buffer;
}

let invocations = 0;
/** One HTTP function called with a real `HttpRequest`, as the Functions host does. */
async function http(
  name: string,
  init: { method?: string; path: string; host?: string; as?: string; headers?: Record<string, string>; body?: string | Buffer | object },
  defs = functions,
): Promise<Answer> {
  const f = defs.get(name);
  if (!f || f.trigger !== 'http') throw new Error(`no HTTP function ${name}`);
  const body =
    init.body === undefined
      ? undefined
      : Buffer.isBuffer(init.body)
        ? init.body
        : Buffer.from(typeof init.body === 'string' ? init.body : JSON.stringify(init.body));
  const req = new HttpRequest({
    method: init.method ?? 'GET',
    url: `http://${init.host ?? 'localhost:7071'}${init.path}`,
    headers: {
      host: init.host ?? 'localhost:7071',
      ...(body ? { 'content-type': 'application/json', 'content-length': String(body.byteLength) } : {}),
      ...(init.as ? { 'x-dev-person': init.as } : {}),
      ...init.headers,
    },
    ...(body ? { body: { bytes: body } } : {}),
  });
  const res = await f.handler(req, new InvocationContext({ invocationId: `h${++invocations}`, functionName: name }));
  const headers: Record<string, string> = {};
  new Headers(res.headers).forEach((v, k) => (headers[k] = v));
  const bytes =
    res.jsonBody !== undefined
      ? Buffer.from(JSON.stringify(res.jsonBody))
      : res.body === undefined
        ? Buffer.alloc(0)
        : Buffer.isBuffer(res.body)
          ? res.body
          : res.body instanceof Uint8Array
            ? Buffer.from(res.body)
            : Buffer.from(String(res.body));
  if (res.jsonBody !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const text = bytes.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status ?? 200, headers, text, json, bytes };
}

const directive = (csp: string | undefined, name: string) =>
  csp
    ?.split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

describe('security headers on every response of the Functions app', () => {
  it('the tab may be framed by exactly the Teams and Microsoft 365 hosts; the API never', async () => {
    for (const path of ['/tab/', '/tab/academy/oakfield', '/tab/assets/app-1a2b3c.js']) {
      const tab = await http('tab', { path });
      expect(tab.status).toBe(200);
      expect(directive(tab.headers['content-security-policy'], 'frame-ancestors')).toEqual([...TEAMS_FRAME_ANCESTORS]);
      expect(tab.headers['x-content-type-options']).toBe('nosniff');
      expect(tab.headers['referrer-policy']).toBe('no-referrer');
    }
    for (const res of [
      await http('api', { path: '/api/me', as: 'ceo' }),
      await http('api', { path: '/api/me' }),
      await http('health', { path: '/health' }),
    ]) {
      expect(directive(res.headers['content-security-policy'], 'frame-ancestors')).toEqual(["'none'"]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });
});

describe('every error is JSON in the API’s problem shape', () => {
  it('413, 415, a bad gzip body, bad JSON, a missing asset and an unknown API route', async () => {
    const big = await http('api', {
      method: 'POST',
      path: '/api/actions',
      as: 'ceo',
      body: JSON.stringify({ text: 'x'.repeat(6.5 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expectJsonProblem(big, 413, 'INPUT.TOO_LARGE');
    const encoding = await http('api', {
      method: 'POST',
      path: '/api/actions',
      as: 'ceo',
      headers: { 'content-encoding': 'br' },
      body: '{}',
    });
    expect(encoding.status).toBe(415);
    expectJsonProblem(encoding, 415, 'INPUT.UNSUPPORTED_ENCODING');
    const badGzip = await http('api', {
      method: 'POST',
      path: '/api/actions',
      as: 'ceo',
      headers: { 'content-encoding': 'gzip' },
      body: 'not gzip at all',
    });
    expect(badGzip.status).toBe(400);
    expectJsonProblem(badGzip, 400, 'INPUT.UNREADABLE');
    const gzipBomb = await http('api', {
      method: 'POST',
      path: '/api/actions',
      as: 'ceo',
      headers: { 'content-encoding': 'gzip' },
      body: gzipSync(Buffer.alloc(8 * 1024 * 1024, 32)),
    });
    expect(gzipBomb.status).toBe(413);
    const badJson = await http('api', { method: 'POST', path: '/api/actions', as: 'ceo', body: '{"academyId": "oak' });
    expect(badJson.status).toBe(400);
    expectJsonProblem(badJson, 400, 'INPUT.INVALID');
    const asset = await http('tab', { path: '/tab/assets/missing-9z9z9z.js' });
    expect(asset.status).toBe(404);
    expectJsonProblem(asset, 404, 'ASSET.NOT_FOUND');
    const climb = await http('tab', { path: '/tab/assets/..%2f..%2fpackage.json' });
    expect(climb.status).toBe(404);
    expectJsonProblem(climb, 404);
    const route = await http('api', { path: '/api/no-such-route', as: 'ceo' });
    expect(route.status).toBe(404);
    expectJsonProblem(route, 404, 'ROUTE.NOT_FOUND');
  });
});

describe('local mode answers only requests naming localhost (DNS rebinding)', () => {
  it('refuses another Host with 421 and no data', async () => {
    for (const name of ['api', 'health', 'tab'] as const) {
      const res = await http(name, {
        path: name === 'api' ? '/api/dashboard' : name === 'tab' ? '/tab/' : '/health',
        host: 'evil.example:7071',
        as: 'ceo',
      });
      expect(res.status).toBe(421);
      expectJsonProblem(res, 421, 'HOST.NOT_ALLOWED');
      expect(res.text).not.toMatch(/Oakfield|<div/);
    }
    expect((await http('api', { path: '/api/me', host: '127.0.0.1:7071', as: 'ceo' })).status).toBe(200);
  });
});

describe('papers on the Functions app', () => {
  it('are served through the API with role × academy checked, as a sandboxed download; uploads are checked first', async () => {
    const meetings = (await http('api', { path: '/api/planner', as: 'ceo' })).json.meetings as {
      id: string;
      status: string;
      academyId: string;
      papers: { requirementId: string; ownerId?: string }[];
    }[];
    const m = meetings.find(
      (x) => x.status === 'planned' && x.academyId === 'northgate' && x.papers.some((p) => p.ownerId === 'head-northgate'),
    )!;
    const requirementId = m.papers.find((p) => p.ownerId === 'head-northgate')!.requirementId;
    const version = (await http('api', { path: `/api/meetings/${m.id}`, as: 'head-northgate' })).json.meeting.version;
    const upload = (fileName: string, content: Buffer, v: string) =>
      http('api', {
        method: 'POST',
        path: `/api/meetings/${m.id}/papers/${requirementId}/file`,
        as: 'head-northgate',
        body: { fileName, contentBase64: content.toString('base64'), version: v },
      });
    const files = async () => (await http('api', { path: `/api/meetings/${m.id}/papers/folder`, as: 'head-northgate' })).json.files;

    expect((await upload('agenda.html', SAMPLE_FILES.html(), version)).json.error.problems[0].field).toBe('fileName');
    expect((await upload('report.pdf', SAMPLE_FILES.svg(), version)).json.error.problems[0].field).toBe('contentBase64');
    expect((await upload('report\u0000.pdf', SAMPLE_FILES.pdf(), version)).json.error.problems[0].field).toBe('fileName');
    expect((await upload('report.pdf', SAMPLE_FILES.pdf(), 'stale')).status).toBe(409);
    expect(await files()).toEqual([]);

    const saved = await upload('Head report.pdf', SAMPLE_FILES.pdf(), version);
    expect(saved.status).toBe(201);
    const path = new URL(saved.json.file.link).pathname;
    const file = await http('api', { path, as: 'head-northgate' });
    expect(file.status).toBe(200);
    expect(file.bytes.equals(SAMPLE_FILES.pdf())).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toMatch(/^sandbox\b/);
    expect((await http('api', { path, as: 'head-oakfield' })).status).toBe(403);
    expect((await http('api', { path })).status).toBe(401);
    const nul = await http('api', { path: `/api/meetings/${m.id}/papers/files/a%00.pdf`, as: 'head-northgate' });
    expect(nul.status).toBe(400);
    expect(nul.json.error.problems[0].field).toBe('fileName');
  });
});

describe('the bot endpoint in local mode', () => {
  it('refuses an activity whose serviceUrl is not on this machine', async () => {
    const res = await http('messages', {
      method: 'POST',
      path: '/api/messages',
      body: {
        type: 'installationUpdate',
        action: 'add',
        channelId: 'msteams',
        serviceUrl: 'https://evil.example/',
        from: { id: 'ceo' },
        recipient: { id: 'bot' },
        conversation: { id: 'personal-ceo' },
      },
    });
    expect(res.status).toBe(403);
    expectJsonProblem(res, 403, 'BOT.SERVICE_URL_REFUSED');
    expect(await (await runtimes[0]!.app()).references.get('ceo')).toBeUndefined();
  });
});

describe('calendar feed links on the Functions app', () => {
  it('are made in My work and never name the person', async () => {
    expect((await http('api', { path: '/api/my-work/calendar-feed', as: 'aid-priya' })).json).toEqual({ available: true, active: false });
    const made = await http('api', { method: 'POST', path: '/api/my-work/calendar-feed/reset', as: 'aid-priya', body: {} });
    expect(made.json.url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(made.json.url).not.toContain('aid-priya');
  });
});

describe('rate limits on the Functions app', () => {
  it('a bounded burst past the per-person limit gets 429 with Retry-After; another person carries on', async () => {
    const burst = await Promise.all(Array.from({ length: 50 }, () => http('api', { path: '/api/me', as: 'board-chair' })));
    expect(burst.filter((r) => r.status === 200)).toHaveLength(40);
    for (const r of burst.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(429);
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expectJsonProblem(r, 429, 'RATE.LIMITED');
    }
    expect((await http('api', { path: '/api/me', as: 'admin' })).status).toBe(200);
  });
});

describe('the dev identity on the Functions app', () => {
  it('is off once a tunnel is configured: ?as=ceo is nobody', async () => {
    const tunnelled = build({ PUBLIC_BASE_URL: 'https://k7m2x9-7071.uks1.devtunnels.ms' });
    const res = await http('api', { path: '/api/dashboard?as=ceo', host: 'k7m2x9-7071.uks1.devtunnels.ms' }, tunnelled);
    expect(res.status).toBe(401);
    expect(res.text).not.toMatch(/Oakfield/);
  }, 60_000);
});
