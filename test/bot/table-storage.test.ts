import pino from 'pino';
import { testServices } from '../support/test-services';
import { createSqliteRecordStore, openSqliteDatabase } from '../../core/adapters/sqlite';
import { fixedClock } from '../../core/ports/clock.port';
import type { RecordStore } from '../../core/ports/record-store.port';
import { seedDemoTrust } from '../../core/seed/seed-demo-trust';
import { startAzuriteTable, type RunningAzurite } from '../../bot/local/azurite';
import { composeBot, type ComposedBot } from '../../bot/compose-bot';
import type { TurnOrigin } from '../../bot/conversation/bot-app';
import { createTableStorage } from '../../core/adapters/azure-storage/table-conversation-references';

/**
 * Conversation references in Azure Table storage, against Azurite's table service on a free
 * loopback port (in memory, killed after the tests): saved on install and on the first message,
 * read back by a fresh client, removed on uninstall; the sent log's claim is atomic across clients.
 */
let azurite: RunningAzurite;
let store: RecordStore;
let bot: ComposedBot;
const clock = fixedClock('2026-11-23T10:00:00Z');

beforeAll(async () => {
  azurite = await startAzuriteTable({ timeoutMs: 15_000 });
  store = createSqliteRecordStore(openSqliteDatabase(':memory:'));
  await seedDemoTrust(store, clock);
  const storage = await createTableStorage(azurite.connectionString, { allowInsecureConnection: true });
  bot = await composeBot({
    services: testServices(store, clock),
    baseUrl: 'http://127.0.0.1:1',
    logger: pino({ level: 'silent' }),
    storage,
  });
}, 30_000);

afterAll(async () => {
  await bot?.close();
  await store?.close();
  await azurite?.stop();
});

const origin = (personId: string, conversationId: string): TurnOrigin => ({
  user: { id: personId },
  conversationId,
  reference: { conversation: { id: conversationId }, user: { id: personId }, serviceUrl: 'http://127.0.0.1:1/', channelId: 'msteams' },
});

/** A new TableClient pair over the same tables: what another instance (or a restart) would see. */
const freshClient = () => createTableStorage(azurite.connectionString, { allowInsecureConnection: true });

test('Azurite runs on loopback with the development account', () => {
  expect(azurite.connectionString).toContain(`TableEndpoint=http://127.0.0.1:${azurite.port}/devstoreaccount1`);
  expect(azurite.child.exitCode).toBeNull();
});

test('installing the app stores the reference; a new client reads it back', async () => {
  await bot.app.onInstalled(origin('head-oakfield', 'personal-head-oakfield'));
  const { references } = await freshClient();
  const ref = await references.get('head-oakfield');
  expect(ref).toMatchObject({ personId: 'head-oakfield', conversationId: 'personal-head-oakfield', savedAt: '2026-11-23T10:00:00.000Z' });
  expect(ref?.reference).toMatchObject({ serviceUrl: 'http://127.0.0.1:1/', conversation: { id: 'personal-head-oakfield' } });
});

test('the first message stores the reference; strangers are not stored', async () => {
  const { references } = await freshClient();
  expect(await references.get('chair-oakfield')).toBeUndefined();
  const replies = await bot.app.onMessage(origin('chair-oakfield', 'personal-chair-oakfield'), 'help');
  expect(replies.length).toBeGreaterThan(0);
  expect(await references.get('chair-oakfield')).toMatchObject({ conversationId: 'personal-chair-oakfield' });
  await bot.app.onMessage(origin('not-a-person', 'personal-stranger'), 'hello');
  expect(await references.get('not-a-person')).toBeUndefined();
});

test('uninstalling removes every reference of that conversation and only that one', async () => {
  await bot.app.onInstalled(origin('ceo', 'personal-ceo'));
  await bot.app.onUninstalled('personal-head-oakfield');
  const { references } = await freshClient();
  expect(await references.get('head-oakfield')).toBeUndefined();
  expect(await references.get('ceo')).toMatchObject({ conversationId: 'personal-ceo' });
  // Installing again after an uninstall stores it again (the bot forgot it had it).
  await bot.app.onInstalled(origin('head-oakfield', 'personal-head-oakfield-2'));
  expect(await references.get('head-oakfield')).toMatchObject({ conversationId: 'personal-head-oakfield-2' });
});

test('keys that Table storage cannot hold are hashed and conversation ids with quotes are escaped', async () => {
  const { references } = await freshClient();
  const odd = { personId: "o'brien/#?x", conversationId: "a:1'b/c?d", reference: { n: 1 }, savedAt: '2026-11-23T10:00:00.000Z' };
  await references.save(odd);
  expect(await (await freshClient()).references.get(odd.personId)).toEqual(odd);
  expect(await references.removeConversation(odd.conversationId)).toBe(1);
  expect(await references.get(odd.personId)).toBeUndefined();
});

test('the sent log claim is atomic across clients and release lets a later sweep retry', async () => {
  const [a, b] = await Promise.all([freshClient(), freshClient()]);
  const key = 'paper-deadline|m1@2026-12-01|head-oakfield';
  const claims = await Promise.all([a.sent.claim(key), b.sent.claim(key), a.sent.claim(key)]);
  expect(claims.filter(Boolean)).toHaveLength(1);
  await b.sent.release(key);
  expect(await a.sent.claim(key)).toBe(true);
  await a.sent.release('never-claimed|x|y');
});
