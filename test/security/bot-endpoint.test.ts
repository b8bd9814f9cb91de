import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectJsonProblem, startSecureStack, type SecureStack } from './secure-stack';

/**
 * The bot endpoint (issue 14): without an app id botbuilder checks no token, so anyone could post an
 * activity as any person with a `serviceUrl` of their own, register that conversation and have the
 * person's reminders posted to their server. Now local mode accepts loopback `serviceUrl`s only, and
 * with a bot app id every activity needs a Bot Framework token.
 */
const activity = (personId: string, serviceUrl: string) => ({
  type: 'installationUpdate',
  action: 'add',
  channelId: 'msteams',
  serviceUrl,
  id: `in-${personId}`,
  from: { id: personId, name: personId },
  recipient: { id: 'bot', name: 'Trust bot' },
  conversation: { id: `personal-${personId}`, conversationType: 'personal' },
  timestamp: new Date().toISOString(),
});

describe('local mode, no bot app id (the Agents Playground)', () => {
  let stack: SecureStack;
  let connector: Server;
  let loopbackUrl: string;
  const received: unknown[] = [];
  beforeAll(async () => {
    stack = await startSecureStack();
    const app = express();
    app.use(express.json());
    app.post(/.*/, (req, res) => {
      received.push(req.body);
      res.json({ id: `a${received.length}` });
    });
    connector = await new Promise((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    loopbackUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((r) => connector.close(() => r()));
    await stack?.stop();
  });

  it('refuses an activity whose serviceUrl is elsewhere, and registers no conversation for the person it names', async () => {
    for (const serviceUrl of ['https://evil.example/', 'http://10.0.0.7:3978/', 'https://127.0.0.1.evil.example/', 'not a url']) {
      const res = await stack.call('POST', '/api/messages', { body: activity('ceo', serviceUrl) });
      expect(res.status).toBe(403);
      expectJsonProblem(res, 403, 'BOT.SERVICE_URL_REFUSED');
    }
    const missing = await stack.call('POST', '/api/messages', { body: { ...activity('ceo', ''), serviceUrl: undefined } });
    expect(missing.status).toBe(403);
    expect(await stack.local.bot.references.get('ceo')).toBeUndefined();
  });

  it('still answers the Playground on this machine', async () => {
    const res = await stack.call('POST', '/api/messages', { body: activity('head-oakfield', loopbackUrl) });
    expect(res.status).toBeLessThan(300);
    expect((await stack.local.bot.references.get('head-oakfield'))?.reference).toMatchObject({ serviceUrl: loopbackUrl });
  });
});

describe('with a bot app id (F5 "Debug in Teams")', () => {
  let stack: SecureStack;
  beforeAll(async () => {
    stack = await startSecureStack({
      BOT_ID: '5a5a5a5a-0000-4000-8000-00000000cc03',
      BOT_PASSWORD: 'dev-bot-secret',
      BOT_TYPE: 'MultiTenant',
    });
  }, 60_000);
  afterAll(() => stack?.stop());

  it('needs a Bot Framework token, even for a loopback serviceUrl, and says so in JSON', async () => {
    // botbuilder logs each refused token with console.error; the refusal is what this test reads.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const serviceUrl of ['https://smba.trafficmanager.net/uk/', 'http://127.0.0.1:1/']) {
      const res = await stack.call('POST', '/api/messages', { body: activity('ceo', serviceUrl) });
      expect(res.status).toBe(401);
      expectJsonProblem(res, 401, 'AUTH.BOT_TOKEN_REQUIRED');
    }
    const forged = await stack.call('POST', '/api/messages', {
      headers: { authorization: 'Bearer not-a-bot-framework-token' },
      body: activity('ceo', 'https://smba.trafficmanager.net/uk/'),
    });
    expect(forged.status).toBe(401);
    expectJsonProblem(forged, 401);
    expect(await stack.local.bot.references.get('ceo')).toBeUndefined();
  });

  it('needs one with only an app id configured (no password) too', async () => {
    const idOnly = await startSecureStack({ BOT_ID: '5a5a5a5a-0000-4000-8000-00000000cc03', BOT_TYPE: 'MultiTenant' });
    try {
      const res = await idOnly.call('POST', '/api/messages', { body: activity('ceo', 'http://127.0.0.1:1/') });
      expect(res.status).toBe(401);
      expectJsonProblem(res, 401);
    } finally {
      await idOnly.stop();
    }
  });
});
