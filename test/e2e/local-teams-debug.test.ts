import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import pino from 'pino';
import { fixedClock } from '../../core/ports/clock.port';
import { loadConfig } from '../../functions/config/app-config';
import { composeLocal, type LocalApp } from '../../functions/local/compose-local';

/**
 * F5 "Debug in Teams" (m365agents.local.yml): the local host with the dev registrations' settings
 * accepts the tab's Teams SSO tokens (validated as in production), answers real Teams only with a
 * Bot Framework token, and links cards into the Teams tab; the dev identity is off (issue 14: a
 * tunnel reaches this host, so `?as=ceo` must make nobody the CEO).
 */
const TENANT = '6f1c2d3e-0000-4000-8000-00000000aa01';
const APP_ID_URI = 'api://example.devtunnels.ms/0b7e9c1a-0000-4000-8000-00000000bb02';
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const OID = '11111111-2222-4333-8444-555555555555';

let local: LocalApp;
let server: Server;
let base: string;
let key: Awaited<ReturnType<typeof generateKeyPair>>;

beforeAll(async () => {
  key = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(key.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const config = loadConfig({
    TRUST_DB: ':memory:',
    LOG_LEVEL: 'silent',
    SSO_APP_ID_URI: APP_ID_URI,
    AZURE_TENANT_ID: TENANT,
    BOT_ID: '5a5a5a5a-0000-4000-8000-00000000cc03',
    BOT_PASSWORD: 'dev-bot-secret',
    BOT_TYPE: 'MultiTenant',
    TEAMS_APP_ID: 'a1b2c3d4-0000-4000-8000-00000000dd04',
    PUBLIC_BASE_URL: 'https://example.devtunnels.ms',
  });
  local = await composeLocal(config, fixedClock('2026-11-23T10:00:00Z'), {
    logger: pino({ level: 'silent' }),
    sso: { jwks: createLocalJWKSet({ keys: [jwk] }), issuer: ISSUER },
  });
  // The developer imported themselves with their Entra object id (npm run import).
  const head = (await local.store.people.get('head-oakfield'))!;
  await local.store.people.update({ ...head, entraObjectId: OID });
  server = local.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await local?.close();
});

const token = (claims: { aud?: string } = {}) =>
  new SignJWT({ tid: TENANT, oid: OID })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(ISSUER)
    .setAudience(claims.aud ?? APP_ID_URI)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(key.privateKey);

test('the tab in real Teams signs in with its SSO token', async () => {
  const res = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${await token()}` } });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { id: string }).id).toBe('head-oakfield');
});

test('a token for another app is nobody, and so is the dev identity', async () => {
  expect((await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${await token({ aud: 'api://other/1' })}` } })).status).toBe(
    401,
  );
  expect((await fetch(`${base}/api/me?as=ceo`)).status).toBe(401);
});

test('with the dev bot registration the bot answers only activities carrying a Bot Framework token', async () => {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      text: 'help',
      from: { id: '29:x', aadObjectId: OID },
      conversation: { id: 'a:1' },
      recipient: { id: '28:bot' },
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      channelId: 'msteams',
    }),
  });
  expect(res.status).toBe(401);
});

test('cards link into the Teams tab rather than the local address', () => {
  const link = local.bot.deps.links.academy('oakfield');
  expect(link).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\/a1b2c3d4-0000-4000-8000-00000000dd04\/dashboard\?context=/);
  expect(decodeURIComponent(link)).toContain('"subEntityId":"academy/oakfield"');
  // "Open the papers folder" opens the meeting's folder page (tab/src/pages/papers-folder), not the meeting.
  expect(decodeURIComponent(local.bot.deps.links.meetingPapers('m1'))).toContain('"subEntityId":"meeting/m1/papers"');
});
