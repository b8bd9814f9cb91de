import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { provisionSite } from '../../core/adapters/sharepoint/provisioning/provision-site';
import { createSharePointRecordStore } from '../../core/adapters/sharepoint/sharepoint-record-store';
import { fixedClock, type Clock } from '../../core/ports/clock.port';
import { type RecordStore } from '../../core/ports/record-store.port';
import { seedDemoTrust } from '../../core/seed/seed-demo-trust';
import { startAzuriteStorage, type RunningAzuriteStorage } from '../../bot/local/azurite';
import { defineFunctions, type FunctionDefinition, type FunctionsRuntime } from '../../functions/azure/function-definitions';
import { createFunctionsRuntime } from '../../functions/azure/runtime';
import { createAppLogger } from '../../functions/observability/app-logger';
import { startGraphServer, type GraphServer } from '../graph-server/graph-server';
import { testClient } from '../graph-server/sharepoint-test-site';

export const TENANT = '6f1c2d3e-0000-4000-8000-00000000aa01';
export const CLIENT_ID = '0b7e9c1a-0000-4000-8000-00000000bb02';
export const APP_ID_URI = `api://improve.example.net/${CLIENT_ID}`;
export const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/** Everything a production Functions app talks to, stood up locally: a Graph-compatible server holding a provisioned SharePoint site with the demo trust, Azurite, and the tenant's signing keys. */
export interface ProductionStack {
  graph: GraphServer;
  azurite: RunningAzuriteStorage;
  store: RecordStore;
  clock: Clock;
  runtime: FunctionsRuntime;
  functions: Map<string, FunctionDefinition>;
  /** Every structured log line written, parsed. */
  logs: Record<string, unknown>[];
  /** An SSO token for a person of the trust (their Entra object id is set up by the stack). */
  tokenFor(
    personId: string,
    claims?: { aud?: string; iss?: string; expiresIn?: string | number; key?: 'trusted' | 'stranger' },
  ): Promise<string>;
  /** Calls an HTTP function as the Functions host would. */
  http(
    name: string,
    init: { method?: string; path: string; headers?: Record<string, string>; body?: unknown },
  ): Promise<{ status: number; body: unknown; headers: Record<string, string> }>;
  tabDir: string;
  stop(): Promise<void>;
}

export const oidOf = (personId: string): string => {
  const hex = Buffer.from(personId).toString('hex').padEnd(12, '0').slice(0, 12);
  return `00000000-0000-4000-8000-${hex}`;
};

export async function startProductionStack(options: { env?: Record<string, string>; clock?: Clock } = {}): Promise<ProductionStack> {
  const clock = options.clock ?? fixedClock('2026-11-23T10:00:00Z');
  const graph = await startGraphServer();
  const azurite = await startAzuriteStorage({ timeoutMs: 20_000 });
  try {
    const site = graph.state.addSite('meadowbank.sharepoint.com', '/sites/improvement');
    const client = testClient(graph);
    await provisionSite(client, site.id);
    const store = await createSharePointRecordStore({ client, site: { id: site.id } });
    await seedDemoTrust(store, clock);
    // The trust's people as Entra ID knows them: what onboarding records for each person.
    for (const p of await store.people.list({}).toArray()) await store.people.update({ ...p, entraObjectId: oidOf(p.id) });

    const trusted: KeyPair = await generateKeyPair('RS256');
    const stranger: KeyPair = await generateKeyPair('RS256');
    const jwk: JWK = { ...(await exportJWK(trusted.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const logs: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const logger = createAppLogger('info', sink);

    const tabDir = mkdtempSync(join(tmpdir(), 'functions-tab-'));
    mkdirSync(join(tabDir, 'assets'));
    writeFileSync(join(tabDir, 'index.html'), '<!doctype html><title>School improvement</title><div id="root"></div>');
    writeFileSync(join(tabDir, 'assets', 'app-1a2b3c.js'), 'console.log("tab")');

    const env: Record<string, string> = {
      TRUST_MODE: 'production',
      TRUST_STORE: 'sharepoint',
      LOG_LEVEL: 'info',
      SHAREPOINT_SITE_URL: `https://meadowbank.sharepoint.com${site.path}`,
      AZURE_TENANT_ID: TENANT,
      AZURE_CLIENT_ID: CLIENT_ID,
      AZURE_CLIENT_SECRET: 'not-used-the-test-graph-server-takes-no-token',
      PUBLIC_BASE_URL: 'https://improve.example.net',
      SSO_APP_ID_URI: APP_ID_URI,
      BOT_ID: '5a5a5a5a-0000-4000-8000-00000000cc03',
      AzureWebJobsStorage: azurite.connectionString,
      ORGANISER_MAILBOX: 'improvement@meadowbank.example',
      ...options.env,
    };
    const runtime = createFunctionsRuntime(env, {
      logger,
      tabDir,
      overrides: { graph: client, sso: { jwks: createLocalJWKSet({ keys: [jwk] }), issuer: ISSUER }, clock, allowInsecureStorage: true },
    });
    const functions = new Map(defineFunctions(runtime, logger).map((f) => [f.name, f]));

    let invocations = 0;
    return {
      graph,
      azurite,
      store,
      clock,
      runtime,
      functions,
      logs,
      tabDir,
      async tokenFor(personId, claims = {}) {
        return new SignJWT({ tid: TENANT, oid: oidOf(personId) })
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setIssuer(claims.iss ?? ISSUER)
          .setAudience(claims.aud ?? APP_ID_URI)
          .setIssuedAt()
          .setExpirationTime(claims.expiresIn ?? '10m')
          .sign((claims.key === 'stranger' ? stranger : trusted).privateKey);
      },
      async http(name, init) {
        const f = functions.get(name);
        if (!f || f.trigger !== 'http') throw new Error(`no HTTP function ${name}`);
        const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        const req = new HttpRequest({
          method: init.method ?? 'GET',
          url: `https://improve.example.net${init.path}`,
          headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
          ...(body !== undefined ? { body: { string: body } } : {}),
        });
        const ctx = new InvocationContext({ invocationId: `inv-${++invocations}`, functionName: name });
        const res = await f.handler(req, ctx);
        const headers: Record<string, string> = {};
        new Headers(res.headers).forEach((v, k) => (headers[k] = v));
        const text =
          res.jsonBody !== undefined
            ? JSON.stringify(res.jsonBody)
            : res.body === undefined
              ? ''
              : Buffer.isBuffer(res.body)
                ? res.body.toString('utf8')
                : String(res.body);
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: the tab's HTML, a file
        }
        return { status: res.status ?? 200, body: parsed, headers };
      },
      async stop() {
        try {
          const app = await runtime.app().catch(() => undefined);
          await app?.close();
        } finally {
          await azurite.stop();
          await graph.close();
        }
      },
    };
  } catch (e) {
    await azurite.stop();
    await graph.close();
    throw e;
  }
}
