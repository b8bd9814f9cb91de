import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fixedClock } from '../../core/ports/clock.port';
import type { RunningAzuriteStorage } from '../../bot/local/azurite';
import { runFanOutSweep } from '../../core/services/delivery/reminder-fanout.service';
import { drainDeliveringTwice } from './support/drain';
import {
  botOnQueue,
  expectedCards,
  freshQueueAndLedger,
  installForEveryoneDue,
  lostAndDuplicates,
  seededTrust,
  startStorage,
  startTestConnector,
  type SeededTrust,
} from './support/fanout-stack';
import type { TestConnector } from './support/bot-connector';

/**
 * Reminder fan-out on real Azurite queue and table services, delivered through botbuilder to a
 * local Bot Connector: whatever is replayed or killed, each person receives each reminder once.
 */
const NOW = '2026-11-23T07:30:00Z';
const clock = fixedClock(NOW);
let azurite: RunningAzuriteStorage;
let trust: SeededTrust;
const connectors: TestConnector[] = [];

beforeAll(async () => {
  [azurite, trust] = await Promise.all([startStorage(), seededTrust(clock)]);
}, 30_000);

afterAll(async () => {
  await Promise.all(connectors.map((c) => c.close()));
  await trust?.close();
  await azurite?.stop();
});

const connector = async () => {
  const c = await startTestConnector();
  connectors.push(c);
  return c;
};

test('every timer fired twice and every queue message delivered twice: each person receives each reminder once', async () => {
  const { queue, ledger } = await freshQueueAndLedger(azurite);
  const endpoint = await connector();
  const bot = await botOnQueue({ trust, clock, azurite, queue, ledger, consumer: false });
  try {
    await installForEveryoneDue(trust.deps, bot.references, endpoint.serviceUrl);
    const due = await trust.deps.services.jobs.dueReminders();
    const expected = await expectedCards(trust.deps);
    expect(due.length).toBeGreaterThan(20);

    const sweep = (id: string) => runFanOutSweep({ store: trust.store, clock, queue, ledger }, { correlationId: id });
    // The daily timer fires twice before anything is delivered: every reminder is queued twice.
    expect(await sweep('timer-1')).toEqual({ due: due.length, enqueued: due.length, skipped: 0 });
    expect(await sweep('timer-1-again')).toEqual({ due: due.length, enqueued: due.length, skipped: 0 });
    expect(await queue.approximateCount()).toBe(2 * due.length);

    const outcomes = await drainDeliveringTwice(queue, bot.deliverer!, { timeoutMs: 90_000 });
    expect(outcomes.filter((o) => o.outcome === 'sent')).toHaveLength(due.length);
    expect(lostAndDuplicates(expected, endpoint)).toEqual({ lost: 0, duplicates: 0, delivered: due.length });

    // A third firing after delivery queues nothing: the ledger shows every key sent.
    expect(await sweep('timer-2')).toEqual({ due: due.length, enqueued: 0, skipped: due.length });
    const sent = await ledger.list(['sent'], { limit: 10_000 });
    expect(sent).toHaveLength(due.length);
    expect(sent.every((r) => r.attempts === 1 && r.sentAt === clock.now().toISOString())).toBe(true);
  } finally {
    await bot.close();
  }
}, 120_000);

test('a sweep killed half-way through its fan-out, then run again and delivered: 0 lost, 0 duplicates', async () => {
  const { queue, ledger, queueName, table } = await freshQueueAndLedger(azurite);
  const endpoint = await connector();
  const bot = await botOnQueue({ trust, clock, azurite, queue, ledger, consumer: false });
  try {
    await installForEveryoneDue(trust.deps, bot.references, endpoint.serviceUrl);
    const due = await trust.deps.services.jobs.dueReminders();
    const expected = await expectedCards(trust.deps);

    const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(__dirname, 'support', 'fanout-child.ts')], {
      env: {
        ...process.env,
        FANOUT_DB: trust.dbPath,
        FANOUT_STORAGE: azurite.connectionString,
        FANOUT_QUEUE: queueName,
        FANOUT_TABLE: table,
        FANOUT_NOW: NOW,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let enqueuedBeforeKill = 0;
    const killed = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const n = Number(/enqueued (\d+)\n$/.exec(out)?.[1] ?? 0);
      if (n >= 8 && enqueuedBeforeKill === 0) {
        enqueuedBeforeKill = n;
        child.kill('SIGKILL');
      }
    });
    expect(await killed).toBe('SIGKILL');
    const leftByCrash = await queue.approximateCount();
    expect(leftByCrash).toBeGreaterThanOrEqual(8);
    expect(leftByCrash).toBeLessThan(due.length);

    // The next timer runs the whole sweep again; then everything is delivered (twice over, as before).
    expect(await runFanOutSweep({ store: trust.store, clock, queue, ledger }, { correlationId: 'after-crash' })).toEqual({
      due: due.length,
      enqueued: due.length,
      skipped: 0,
    });
    await drainDeliveringTwice(queue, bot.deliverer!, { timeoutMs: 90_000 });
    expect(lostAndDuplicates(expected, endpoint)).toEqual({ lost: 0, duplicates: 0, delivered: due.length });
  } finally {
    await bot.close();
  }
}, 120_000);
