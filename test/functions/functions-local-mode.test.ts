import { HttpRequest, InvocationContext, type Timer } from '@azure/functions';
import pino from 'pino';
import { startAzuriteStorage, type RunningAzuriteStorage } from '../../bot/local/azurite';
import { defineFunctions, type FunctionDefinition, type FunctionsRuntime } from '../../functions/azure/function-definitions';
import { createFunctionsRuntime } from '../../functions/azure/runtime';

/**
 * `func start` with TRUST_MODE=local (local.settings.example.json): the same function definitions on
 * the embedded default (SQLite demo trust, dev identity) with the reminder queue on Azurite.
 */
let azurite: RunningAzuriteStorage;
let runtime: FunctionsRuntime;
let functions: Map<string, FunctionDefinition>;
beforeAll(async () => {
  azurite = await startAzuriteStorage({ timeoutMs: 20_000 });
  const clock = { now: () => new Date('2026-11-23T08:00:00Z') };
  runtime = createFunctionsRuntime(
    { TRUST_MODE: 'local', TRUST_DB: ':memory:', LOG_LEVEL: 'silent', AzureWebJobsStorage: azurite.connectionString },
    { logger: pino({ level: 'silent' }), overrides: { clock } },
  );
  functions = new Map(defineFunctions(runtime, pino({ level: 'silent' })).map((f) => [f.name, f]));
}, 60_000);
afterAll(async () => {
  await (await runtime?.app().catch(() => undefined))?.close();
  await azurite?.stop();
});

const call = async (name: string, input: unknown, meta?: Record<string, unknown>) =>
  (functions.get(name)!.handler as (i: unknown, c: InvocationContext) => Promise<{ status?: number; jsonBody?: unknown } | void>)(
    input,
    new InvocationContext({ invocationId: 'l1', functionName: name, ...(meta ? { triggerMetadata: meta } : {}) }),
  );

test('the API answers the dev identity on the seeded trust, as npm start does', async () => {
  const res = (await call('api', new HttpRequest({ method: 'GET', url: 'http://localhost:7071/api/dashboard?as=ceo' }))) as {
    status: number;
    jsonBody: { academies: unknown[] };
  };
  expect(res.status).toBe(200);
  expect(res.jsonBody.academies).toHaveLength(12);
  const health = (await call('health', new HttpRequest({ method: 'GET', url: 'http://localhost:7071/health' }))) as { jsonBody: unknown };
  expect(health.jsonBody).toMatchObject({ store: 'sqlite', trust: 'Meadowbank Learning Trust' });
});

test('the daily timer fans reminders out onto the Azurite queue and the queue trigger settles them', async () => {
  const timer: Timer = { isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };
  await call('dailySweep', timer);
  const app = await runtime.app();
  const [message] = await app.queue.receive(1, { visibilityTimeoutMs: 30_000 });
  expect(message).toBeDefined();
  await call('deliverReminder', JSON.parse(message!.body), { dequeueCount: 1 });
  const key = (JSON.parse(message!.body) as { key: string }).key;
  expect((await app.ledger.get(key))?.record.status).toBe('no-conversation');
});
