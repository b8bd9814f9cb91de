import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createSqliteRecordStore, openSqliteDatabase } from '../../../core/adapters/sqlite';
import type { Clock } from '../../../core/ports/clock.port';
import type { RecordStore } from '../../../core/ports/record-store.port';
import { seedDemoTrust } from '../../../core/seed/seed-demo-trust';
import type { BotDeps } from '../../../bot/conversation/bot-types';
import { startAzuriteStorage, type RunningAzuriteStorage } from '../../../bot/local/azurite';
import { composeBot, type ComposedBot } from '../../../bot/compose-bot';
import { testBotDeps } from '../../support/test-services';
import { createAzureReminderQueue } from '../../../core/adapters/azure-storage/azure-reminder-queue';
import type { ConversationReferenceStore } from '../../../core/ports/conversation-references.port';
import type { DeliveryLedger } from '../../../core/ports/delivery-ledger.port';
import { reminderCard } from '../../../bot/proactive/reminder-cards';
import type { ReminderQueue } from '../../../core/ports/reminder-queue.port';
import { createTableDeliveryLedger } from '../../../core/adapters/azure-storage/table-delivery-ledger';
import { createTableStorage } from '../../../core/adapters/azure-storage/table-conversation-references';
import { startTestConnector, type TestConnector } from './bot-connector';

export const conversationOf = (personId: string) => `personal-${personId}`;

/** A conversation reference as Teams saves it on install, pointing at the test connector. */
export const referenceFor = (personId: string, serviceUrl: string) => ({
  personId,
  conversationId: conversationOf(personId),
  reference: {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: conversationOf(personId), conversationType: 'personal' },
    user: { id: `29:${personId}` },
    bot: { id: '28:bot', name: 'Trust bot' },
  },
  savedAt: '2026-11-23T06:00:00.000Z',
});

/** Azurite (table + queue) started once per test file; each test takes its own queue and table. */
export async function startStorage(): Promise<RunningAzuriteStorage> {
  return startAzuriteStorage({ timeoutMs: 20_000 });
}

let n = 0;
/** A fresh reminder queue and delivery ledger on `azurite`. */
export async function freshQueueAndLedger(
  azurite: RunningAzuriteStorage,
  prefix = 'reminders',
): Promise<{ queue: ReminderQueue; ledger: DeliveryLedger; queueName: string; table: string }> {
  const id = `${process.pid}x${++n}x${Date.now() % 100000}`;
  const queueName = `${prefix}-${id}`.toLowerCase();
  const table = `deliveries${id.replace(/[^a-z0-9]/gi, '')}`;
  return {
    queue: await createAzureReminderQueue(azurite.connectionString, queueName),
    ledger: await createTableDeliveryLedger(azurite.connectionString, { table, allowInsecureConnection: true }),
    queueName,
    table,
  };
}

export interface SeededTrust {
  store: RecordStore;
  dbPath: string;
  deps: BotDeps;
  close(): Promise<void>;
}

/** The demo trust in a SQLite file (a child process can open it too), as of `clock`. */
export async function seededTrust(clock: Clock): Promise<SeededTrust> {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'fanout-')), 'trust.db');
  const store = createSqliteRecordStore(openSqliteDatabase(dbPath));
  await seedDemoTrust(store, clock);
  return { store, dbPath, deps: testBotDeps(store, clock), close: () => store.close() };
}

/** Everyone the trust would remind today gets a conversation reference (they installed the app). */
export async function installForEveryoneDue(deps: BotDeps, references: ConversationReferenceStore, serviceUrl: string): Promise<void> {
  const people = new Set((await deps.services.jobs.dueReminders()).map((r) => r.personId));
  for (const personId of people) await references.save(referenceFor(personId, serviceUrl));
}

/** What each conversation should receive: each due reminder's card, once. */
export async function expectedCards(deps: BotDeps): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of await deps.services.jobs.dueReminders()) {
    const card = await reminderCard(deps, r);
    if (!card) continue;
    const m = out.get(conversationOf(r.personId)) ?? new Map<string, number>();
    m.set(JSON.stringify(card), 1);
    out.set(conversationOf(r.personId), m);
  }
  return out;
}

/** Lost (expected, never arrived) and duplicates (arrived more than once, or not expected at all). */
export function lostAndDuplicates(
  expected: Map<string, Map<string, number>>,
  connector: TestConnector,
): { lost: number; duplicates: number; delivered: number } {
  const got = connector.countsByConversation();
  let lost = 0;
  let duplicates = 0;
  for (const [conv, cards] of expected) for (const card of cards.keys()) if (!got.get(conv)?.get(card)) lost++;
  for (const [conv, cards] of got) for (const [card, count] of cards) duplicates += count - (expected.get(conv)?.has(card) ? 1 : 0);
  return { lost, duplicates, delivered: connector.received.length };
}

/** The bot as `npm start` wires it, on Azurite tables and the given queue and ledger, sending through botbuilder to the connector. */
export async function botOnQueue(input: {
  trust: SeededTrust;
  clock: Clock;
  azurite: RunningAzuriteStorage;
  queue: ReminderQueue;
  ledger: DeliveryLedger;
  consumer?: boolean;
}): Promise<ComposedBot & { references: ConversationReferenceStore }> {
  const suffix = `${process.pid}x${++n}`;
  const storage = await createTableStorage(input.azurite.connectionString, {
    referencesTable: `refs${suffix}`,
    sentTable: `sent${suffix}`,
    allowInsecureConnection: true,
  });
  return composeBot({
    services: input.trust.deps.services,
    baseUrl: 'http://127.0.0.1:1',
    logger: pino({ level: 'silent' }),
    storage,
    delivery: {
      queue: input.queue,
      ledger: input.ledger,
      ...(input.consumer === false ? { consumer: false as const } : { consumer: { maxPollIntervalMs: 200 } }),
    },
  });
}

export { startTestConnector };
