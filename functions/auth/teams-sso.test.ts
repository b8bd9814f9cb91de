import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createSqliteRecordStore, openSqliteDatabase } from '../../core/adapters/sqlite';
import type { RecordStore } from '../../core/ports/record-store.port';
import { createTeamsSsoValidator, teamsSsoIdentity } from './teams-sso';
import { systemClock } from '../../core/ports/clock.port';
import { testServices } from '../../test/support/test-services';

const TENANT = '11111111-2222-3333-4444-555555555555';
const AUDIENCE = 'api://trust.example/9f1e2d3c-0000-4000-8000-000000000001';
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const OID = 'aaaaaaaa-0000-4000-8000-00000000c0e0';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
let trusted: KeyPair;
let stranger: KeyPair;
let server: Server;
let jwksUrl: string;
let store: RecordStore;

beforeAll(async () => {
  trusted = await generateKeyPair('RS256');
  stranger = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(trusted.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  // A local stand-in for the tenant's published keys (the discovery/v2.0/keys document).
  server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`;
  store = createSqliteRecordStore(openSqliteDatabase(':memory:'));
  await store.people.create(
    { name: 'Dr Helen Marsh', email: 'helen.marsh@trust.example', entraObjectId: OID, roles: [{ role: 'ceo' }] },
    { idempotencyKey: 'ceo' },
  );
});
afterAll(async () => {
  await store.close();
  await new Promise<void>((r) => server.close(() => r()));
});

interface TokenOptions {
  key?: KeyPair;
  aud?: string;
  iss?: string;
  tid?: string;
  oid?: string | null;
  expiresIn?: string | number;
  alg?: string;
  username?: string;
}

async function token(o: TokenOptions = {}): Promise<string> {
  const claims: Record<string, unknown> = { tid: o.tid ?? TENANT };
  if (o.oid !== null) claims.oid = o.oid ?? OID;
  if (o.username) claims.preferred_username = o.username;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: o.alg ?? 'RS256', kid: 'k1' })
    .setIssuer(o.iss ?? ISSUER)
    .setAudience(o.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(o.expiresIn ?? '10m')
    .sign((o.key ?? trusted).privateKey);
}

const identify = () => {
  const validate = createTeamsSsoValidator({
    tenantId: TENANT,
    audiences: [AUDIENCE],
    jwks: createRemoteJWKSet(new URL(jwksUrl)),
    issuer: ISSUER,
    clockToleranceSeconds: 0,
  });
  return teamsSsoIdentity(testServices(store, systemClock), validate);
};
const request = (authorization?: string) => ({
  method: 'GET',
  path: '/api/me',
  query: {},
  headers: authorization ? { authorization } : {},
  body: undefined,
});

describe('first sign-in of a person imported by e-mail', () => {
  const NEW_OID = 'cccccccc-0000-4000-8000-000000000001';
  it('links them by their sign-in name once, then knows them by object id', async () => {
    await store.people.create(
      { name: 'Simon Gallagher', email: 'simon.gallagher@northgate.example', roles: [{ role: 'head', academyId: 'northgate' }] },
      { idempotencyKey: 'head-northgate-import' },
    );
    const first = await identify()(request(`Bearer ${await token({ oid: NEW_OID, username: 'Simon.Gallagher@northgate.example' })}`));
    expect(first?.name).toBe('Simon Gallagher');
    expect((await store.people.byEmail('simon.gallagher@northgate.example'))?.entraObjectId).toBe(NEW_OID);
    const again = await identify()(request(`Bearer ${await token({ oid: NEW_OID })}`));
    expect(again?.name).toBe('Simon Gallagher');
  });

  it('never re-links a person already linked to another Entra account', async () => {
    const person = await identify()(
      request(`Bearer ${await token({ oid: 'dddddddd-0000-4000-8000-000000000002', username: 'helen.marsh@trust.example' })}`),
    );
    expect(person).toBeUndefined();
    expect((await store.people.byEmail('helen.marsh@trust.example'))?.entraObjectId).toBe(OID);
  });

  it('a sign-in name that is no one in the trust is nobody', async () => {
    expect(
      await identify()(
        request(`Bearer ${await token({ oid: 'eeeeeeee-0000-4000-8000-000000000003', username: 'visitor@elsewhere.example' })}`),
      ),
    ).toBeUndefined();
  });
});

describe('Teams SSO tokens', () => {
  it('a valid token for the app, from the tenant, names the person by their Entra object id', async () => {
    const person = await identify()(request(`Bearer ${await token()}`));
    expect(person?.name).toBe('Dr Helen Marsh');
  });

  it.each<[string, () => Promise<string | undefined>]>([
    ['no token', async () => undefined],
    ['not a bearer token', async () => 'Basic dXNlcjpwYXNz'],
    ['an expired token', async () => `Bearer ${await token({ expiresIn: Math.floor(Date.now() / 1000) - 120 })}`],
    ['a token for another app (wrong audience)', async () => `Bearer ${await token({ aud: 'api://someone-else/123' })}`],
    ['a token from another issuer', async () => `Bearer ${await token({ iss: 'https://login.microsoftonline.com/common/v2.0' })}`],
    ['a token signed with a key the tenant never published', async () => `Bearer ${await token({ key: stranger })}`],
    ['a token for another tenant', async () => `Bearer ${await token({ tid: '99999999-2222-3333-4444-555555555555' })}`],
    ['a token without an object id', async () => `Bearer ${await token({ oid: null })}`],
    [
      'a token whose object id is no one in the trust',
      async () => `Bearer ${await token({ oid: 'bbbbbbbb-0000-4000-8000-000000000000' })}`,
    ],
    [
      'a token with its payload tampered',
      async () => {
        const [h, , s] = (await token()).split('.');
        const forged = Buffer.from(JSON.stringify({ tid: TENANT, oid: OID, aud: AUDIENCE, iss: ISSUER, exp: 9999999999 })).toString(
          'base64url',
        );
        return `Bearer ${h}.${forged}.${s}`;
      },
    ],
  ])('refuses %s (nobody, so the API answers 401)', async (_label, header) => {
    expect(await identify()(request(await header()))).toBeUndefined();
  });
});
