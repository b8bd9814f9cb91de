import { testServices } from '../../support/test-services';
import pino from 'pino';
import { createSqliteRecordStore, openSqliteDatabase } from '../../../core/adapters/sqlite';
import { fixedClock } from '../../../core/ports/clock.port';
import { seedDemoTrust } from '../../../core/seed/seed-demo-trust';
import type { DueReminder } from '../../../core/services/reminders.service';
import { startAzuriteStorage } from '../../../bot/local/azurite';
import { composeBot } from '../../../bot/compose-bot';
import { createAzureReminderQueue } from '../../../core/adapters/azure-storage/azure-reminder-queue';
import { runFanOutSweep } from '../../../core/services/delivery/reminder-fanout.service';
import { TEAMS_LIMITS } from '../../../core/services/delivery/send-decisions';
import { createTableDeliveryLedger } from '../../../core/adapters/azure-storage/table-delivery-ledger';
import { createTableStorage } from '../../../core/adapters/azure-storage/table-conversation-references';
import { startTestConnector } from '../../fanout/support/bot-connector';
import type { BenchRow } from '../measure';

const PEOPLE = 2000;

/**
 * Reminder fan-out at trust scale: 2,000 reminders to 2,000 people (each their own conversation)
 * through the real reminder queue and delivery ledger on Azurite, the local queue consumer and the
 * botbuilder transport, to a local Bot Connector that enforces Teams' 50 requests a second per app
 * with 429 and Retry-After. Timed from the sweep's start to the last card's arrival.
 */
export async function fanoutBench(): Promise<BenchRow[]> {
  const clock = fixedClock('2026-11-23T07:30:00Z');
  const azurite = await startAzuriteStorage({ timeoutMs: 30_000 });
  const connector = await startTestConnector({ perSecond: TEAMS_LIMITS.perTenantPerSecond, retryAfterSeconds: 1 });
  const store = createSqliteRecordStore(openSqliteDatabase(':memory:'));
  try {
    await seedDemoTrust(store, clock);
    // Real actions, each reminding a distinct person (so per-conversation limits never bind; the per-app one does).
    const actions = (await store.actions.list({}).toArray()).filter((a) => a.status === 'open' || a.status === 'in-progress');
    const due: DueReminder[] = Array.from({ length: PEOPLE }, (_, i) => {
      const a = actions[i % actions.length]!;
      return { kind: 'action-due', personId: `bench-person-${i}`, actionId: a.id, occurrence: `${a.id}@${a.dueDate}` };
    });
    const storage = await createTableStorage(azurite.connectionString, { allowInsecureConnection: true });
    for (let i = 0; i < PEOPLE; i += 50) {
      await Promise.all(
        due.slice(i, i + 50).map((r) =>
          storage.references.save({
            personId: r.personId,
            conversationId: `personal-${r.personId}`,
            reference: {
              channelId: 'msteams',
              serviceUrl: connector.serviceUrl,
              conversation: { id: `personal-${r.personId}` },
              user: { id: `29:${r.personId}` },
              bot: { id: '28:bench-bot' },
            },
            savedAt: clock.now().toISOString(),
          }),
        ),
      );
    }
    const queue = await createAzureReminderQueue(azurite.connectionString, 'bench-reminders');
    const ledger = await createTableDeliveryLedger(azurite.connectionString, { allowInsecureConnection: true });
    const bot = await composeBot({
      services: testServices(store, clock),
      baseUrl: 'http://127.0.0.1:1',
      logger: pino({ level: 'silent' }),
      storage,
      delivery: { queue, ledger, consumer: { concurrency: 64, maxPollIntervalMs: 100 } },
    });
    try {
      const started = Date.now();
      const counts = await runFanOutSweep({ store, clock, queue, ledger, due: async () => due }, { correlationId: 'bench-sweep' });
      const fanOutMs = Date.now() - started;
      await bot.consumer!.idle({ quietMs: 1500, timeoutMs: 180_000 });
      const lastAt = Math.max(...connector.received.map((r) => r.at));
      const totalS = (lastAt - started) / 1000;
      const allowedS = PEOPLE / TEAMS_LIMITS.perTenantPerSecond;
      const perConversation = new Map<string, number>();
      for (const r of connector.received) perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
      const lost = due.filter((r) => !perConversation.has(`personal-${r.personId}`)).length;
      const duplicates = [...perConversation.values()].reduce((n, c) => n + c - 1, 0);
      const sentInLedger = (await ledger.list(['sent'], { limit: 10_000 })).length;
      const ratio = totalS / allowedS;
      return [
        {
          name: `reminder fan-out, ${PEOPLE} deliveries via Azurite queue (limit allows ${allowedS} s)`,
          figure: `${totalS.toFixed(1)} s = ${ratio.toFixed(3)}x (fan-out ${(fanOutMs / 1000).toFixed(1)} s, ${counts.enqueued} enqueued)`,
          target: '<= 1.25x',
          pass: ratio <= 1.25,
        },
        {
          name: 'reminder fan-out: lost / duplicates',
          figure: `${lost} lost, ${duplicates} duplicates (${sentInLedger} sent in the ledger)`,
          target: '0 / 0',
          pass: lost === 0 && duplicates === 0 && sentInLedger === PEOPLE,
        },
        {
          name: 'reminder fan-out: 429s from the connector, most accepted in any second',
          figure: `${connector.rejected429} x 429, ${connector.maxInAnyWindow(1000)} in a second`,
          target: `<= ${TEAMS_LIMITS.perTenantPerSecond} a second`,
          pass: connector.maxInAnyWindow(1000) <= TEAMS_LIMITS.perTenantPerSecond,
        },
      ];
    } finally {
      await bot.close();
    }
  } finally {
    await store.close();
    await connector.close();
    await azurite.stop();
  }
}
