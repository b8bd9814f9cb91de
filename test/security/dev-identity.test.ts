import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { loadConfig } from '../../functions/config/app-config';
import { expectJsonProblem, startSecureStack, type SecureStack } from './secure-stack';

/**
 * The dev identity (issue 14): F5 "Debug in Teams" opened a public tunnel to a host where `?as=ceo`
 * made anyone the CEO, even beside a bad bearer token. Now the dev identity is off whenever a tunnel,
 * an SSO audience or a bot app id is configured, and `/tab/dev/people` exists in plain local mode only.
 */
const TENANT = '6f1c2d3e-0000-4000-8000-00000000aa01';
const TUNNEL = 'https://k7m2x9-3978.uks1.devtunnels.ms';
const APP_ID_URI = 'api://k7m2x9-3978.uks1.devtunnels.ms/0b7e9c1a-0000-4000-8000-00000000bb02';
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const OID = '11111111-2222-4333-8444-555555555555';

const asTheCeo = async (stack: SecureStack, headers: Record<string, string> = {}) => [
  await stack.raw('GET', '/api/dashboard?as=ceo', { headers }),
  await stack.raw('GET', '/api/dashboard', { headers: { 'x-dev-person': 'ceo', ...headers } }),
  await stack.raw('GET', '/api/dashboard?as=ceo', { headers: { authorization: 'Bearer forged.token.here', ...headers } }),
];

describe.each([
  ['a tunnel', { PUBLIC_BASE_URL: TUNNEL }],
  ['an SSO audience', { SSO_APP_ID_URI: APP_ID_URI, AZURE_TENANT_ID: TENANT }],
  ['a bot app id', { BOT_ID: '5a5a5a5a-0000-4000-8000-00000000cc03', BOT_TYPE: 'MultiTenant' }],
])('with %s configured', (_what, env) => {
  let stack: SecureStack;
  beforeAll(async () => {
    stack = await startSecureStack(env);
  }, 60_000);
  afterAll(() => stack?.stop());

  it('naming a person (?as=, x-dev-person, beside a bad token) makes nobody anyone: 401 and no data', async () => {
    for (const res of await asTheCeo(stack)) {
      expect(res.status).toBe(401);
      expectJsonProblem(res, 401, 'AUTH.REQUIRED');
      expect(res.text).not.toMatch(/Oakfield|Brook Lane/);
    }
  });

  it('does not serve the dev people list', async () => {
    const res = await stack.raw('GET', '/tab/dev/people');
    expect(res.text).not.toMatch(/Helen Marsh|"people"/);
  });
});

describe('F5 "Debug in Teams": tunnel, SSO and bot id together', () => {
  let stack: SecureStack;
  let sign: () => Promise<string>;
  beforeAll(async () => {
    const key = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(key.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    sign = () =>
      new SignJWT({ tid: TENANT, oid: OID })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(ISSUER)
        .setAudience(APP_ID_URI)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(key.privateKey);
    stack = await startSecureStack(
      {
        PUBLIC_BASE_URL: TUNNEL,
        SSO_APP_ID_URI: APP_ID_URI,
        AZURE_TENANT_ID: TENANT,
        BOT_ID: '5a5a5a5a-0000-4000-8000-00000000cc03',
        BOT_PASSWORD: 'dev-bot-secret',
        BOT_TYPE: 'MultiTenant',
      },
      { sso: { jwks: createLocalJWKSet({ keys: [jwk] }), issuer: ISSUER } },
    );
    const head = (await stack.local.store.people.get('head-oakfield'))!;
    await stack.local.store.people.update({ ...head, entraObjectId: OID });
  }, 60_000);
  afterAll(() => stack?.stop());

  it('the tab in Teams still signs in with its SSO token through the tunnel (its Host is the tunnel’s)', async () => {
    const res = await stack.raw('GET', '/api/me', { headers: { host: new URL(TUNNEL).host, authorization: `Bearer ${await sign()}` } });
    expect(res.status).toBe(200);
    expect(res.json.id).toBe('head-oakfield');
    expect((await stack.raw('GET', '/tab/', { headers: { host: new URL(TUNNEL).host } })).status).not.toBe(421);
  });

  it('but the dev identity through the tunnel is nobody, and another Host is refused', async () => {
    for (const res of await asTheCeo(stack, { host: new URL(TUNNEL).host })) expect(res.status).toBe(401);
    expect(
      (
        await stack.raw('GET', '/api/me', {
          headers: { host: 'k7m2x9-3978.uks1.devtunnels.ms.evil.example', authorization: `Bearer ${await sign()}` },
        })
      ).status,
    ).toBe(421);
  });
});

describe('the local host listens on loopback only', () => {
  it('refuses to start on another address, naming HOST', () => {
    for (const HOST of ['0.0.0.0', '192.168.1.20', '::']) expect(() => loadConfig({ TRUST_MODE: 'local', HOST })).toThrow(/HOST/);
    for (const HOST of ['127.0.0.1', 'localhost', '::1']) expect(loadConfig({ TRUST_MODE: 'local', HOST }).HOST).toBe(HOST);
  });
});
