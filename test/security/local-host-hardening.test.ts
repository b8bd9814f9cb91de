import { TEAMS_FRAME_ANCESTORS } from '../../functions/security/security-headers';
import { expectJsonProblem, gzipped, startSecureStack, type SecureStack } from './secure-stack';

/**
 * The local host's edges as an attacker probes them (issue 14): headers on every response, JSON for
 * every failure, and only requests that name this host.
 */
let stack: SecureStack;
beforeAll(async () => {
  stack = await startSecureStack();
}, 60_000);
afterAll(() => stack?.stop());

const directive = (csp: string | undefined, name: string): string[] | undefined =>
  csp
    ?.split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

describe('security headers on every response', () => {
  it('the tab may be framed by exactly the Teams and Microsoft 365 hosts, and says nosniff and no-referrer', async () => {
    const tab = await stack.raw('GET', '/tab/');
    expect([200, 503]).toContain(tab.status);
    const csp = tab.headers['content-security-policy'];
    expect(directive(csp, 'frame-ancestors')).toEqual([...TEAMS_FRAME_ANCESTORS]);
    expect(directive(csp, 'frame-ancestors')).toEqual([
      'https://*.cloud.microsoft',
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://*.microsoft365.com',
      'https://*.office.com',
      'https://outlook.office.com',
      'https://outlook.office365.com',
      'https://outlook-sdf.office.com',
      'https://outlook-sdf.office365.com',
    ]);
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(tab.headers['x-content-type-options']).toBe('nosniff');
    expect(tab.headers['referrer-policy']).toBe('no-referrer');
    // Teams frames the tab: no X-Frame-Options to contradict frame-ancestors.
    expect(tab.headers['x-frame-options']).toBeUndefined();
    // Plain http on loopback: HSTS belongs to production only.
    expect(tab.headers['strict-transport-security']).toBeUndefined();
    expect(tab.headers['x-powered-by']).toBeUndefined();
  });

  it('the API and its errors are never framed nor rendered', async () => {
    for (const res of [
      await stack.call('GET', '/api/me', { as: 'ceo' }),
      await stack.call('GET', '/api/me'),
      await stack.raw('GET', '/health'),
    ]) {
      expect(directive(res.headers['content-security-policy'], 'default-src')).toEqual(["'none'"]);
      expect(directive(res.headers['content-security-policy'], 'frame-ancestors')).toEqual(["'none'"]);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});

describe('every error is JSON, never an HTML page or a stack trace', () => {
  it('a body over 6 MB is 413', async () => {
    const res = await stack.raw('POST', '/api/actions', {
      as: 'ceo',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(6.5 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expectJsonProblem(res, 413, 'INPUT.TOO_LARGE');
  });

  it('an unsupported content encoding is 415', async () => {
    const res = await stack.raw('POST', '/api/actions', {
      as: 'ceo',
      headers: { 'content-type': 'application/json', 'content-encoding': 'compress' },
      body: '{}',
    });
    expect(res.status).toBe(415);
    expectJsonProblem(res, 415, 'INPUT.UNSUPPORTED_ENCODING');
  });

  it('a body that says gzip but is not is 400, and real gzip still works', async () => {
    const bad = await stack.raw('POST', '/api/actions', {
      as: 'ceo',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: 'this is not gzip',
    });
    expect(bad.status).toBe(400);
    expectJsonProblem(bad, 400, 'INPUT.UNREADABLE');
    const good = await stack.raw('POST', '/api/planner/plan', {
      as: 'head-oakfield',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipped(JSON.stringify({ academicYear: '2026/27' })),
    });
    expect(good.status).toBe(403); // read and understood: a head may not plan the year
    expectJsonProblem(good);
  });

  it('bad JSON is 400 naming the body', async () => {
    const res = await stack.raw('POST', '/api/actions', {
      as: 'ceo',
      headers: { 'content-type': 'application/json' },
      body: '{"academyId": "oak',
    });
    expect(res.status).toBe(400);
    expectJsonProblem(res, 400, 'INPUT.INVALID');
    expect(res.json.error.problems).toEqual([{ field: '', message: 'not valid JSON' }]);
  });

  it('a missing asset and an unknown route are JSON 404s', async () => {
    const asset = await stack.raw('GET', '/tab/assets/no-such-file-1a2b3c.js');
    expect(asset.status).toBe(404);
    expectJsonProblem(asset, 404, 'ASSET.NOT_FOUND');
    const route = await stack.raw('GET', '/no/such/page');
    expect(route.status).toBe(404);
    expectJsonProblem(route, 404, 'ROUTE.NOT_FOUND');
    const api = await stack.call('GET', '/api/no-such-route', { as: 'ceo' });
    expect(api.status).toBe(404);
    expectJsonProblem(api, 404, 'ROUTE.NOT_FOUND');
  });

  it('a path that climbs out of the assets folder is refused as JSON', async () => {
    const res = await stack.raw('GET', '/tab/assets/..%2f..%2f..%2fpackage.json');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expectJsonProblem(res);
    expect(res.text).not.toMatch(/"dependencies"/);
  });
});

describe('DNS rebinding: only requests naming this host are answered', () => {
  it('refuses a Host header that names another site, with 421 and no data', async () => {
    for (const host of ['evil.example', 'evil.example:3978', 'localhost.evil.example', '10.0.0.5:3978', '']) {
      const res = await stack.raw('GET', '/api/dashboard', { as: 'ceo', headers: { host } });
      expect(res.status).toBe(421);
      expectJsonProblem(res, 421, 'HOST.NOT_ALLOWED');
      expect(res.text).not.toMatch(/Oakfield/);
    }
    expect((await stack.raw('GET', '/tab/dev/people', { headers: { host: 'evil.example' } })).status).toBe(421);
  });

  it('answers localhost and 127.0.0.1, with any port', async () => {
    for (const host of [`localhost:${stack.port}`, `127.0.0.1:${stack.port}`, 'localhost', 'LOCALHOST:3978'])
      expect((await stack.raw('GET', '/api/me', { as: 'ceo', headers: { host } })).status).toBe(200);
  });
});

describe('the dev people list', () => {
  it('is served in plain local mode, to this machine only', async () => {
    const people = await stack.raw('GET', '/tab/dev/people');
    expect(people.status).toBe(200);
    expect(people.json.people.length).toBeGreaterThan(20);
  });
});
