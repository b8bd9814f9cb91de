import type { Logger } from 'pino';
import { tabLinks, type CardLinks } from './cards/card-links';
import { createBotApp, type BotApp } from './conversation/bot-app';
import { identifyBotUser } from './conversation/bot-identity';
import type { BotDeps } from './conversation/bot-types';
import { createBotbuilderHost, type BotCredentials, type HostRequest, type HostResponse } from './hosting/botbuilder-host';
import type { ConversationReferenceStore, SentLog } from '../core/ports/conversation-references.port';
import { createMemoryReferenceStore, createMemorySentLog } from '../core/adapters/memory/memory-conversation-references';
import { createProactiveSender, type ProactiveSender } from './proactive/proactive-sender';
import { runReminderSweep } from './proactive/reminder-sweep';
import { randomUUID } from 'node:crypto';
import type { DeliveryAdmin } from '../core/services/delivery/delivery-admin.service';
import { createLocalQueueConsumer, type LocalQueueConsumer } from './proactive/local-queue-consumer';
import type { TrustServices } from '../core/services/trust-services';
import { reminderKey } from '../core/services/delivery/send-decisions';
import { reminderCard } from './proactive/reminder-cards';
import { createReminderDeliverer, type ReminderDeliverer, type ReminderDelivererDeps } from './proactive/reminder-delivery';
import { scheduleDailySweep, type DailySweepScheduler } from './local/reminder-scheduler';

export interface BotOptions {
  /** Azure Table storage (Azurite locally); in memory when not given (tests, `npm start` without Azurite). */
  storage?: { references: ConversationReferenceStore; sent: SentLog };
  /** Run the reminder sweep daily at this UK time (HH:MM, e.g. `07:30`), catching up at start-up; off when absent. */
  dailySweepAt?: string;
  /**
   * The reminder queue and delivery ledger (Azurite locally): the sweep fans out onto the queue and a
   * local consumer delivers, as the Functions queue trigger does in Azure. Without them (Azurite did
   * not start, or a unit test) the sweep sends directly through the sender, once per person per reminder.
   */
  delivery?: DeliveryAdmin & { consumer?: false | { concurrency?: number; maxPollIntervalMs?: number } };
  /**
   * F5 "Debug in Teams" (m365agents.local.yml): the dev bot registration's credentials, so real Teams
   * can talk to the local host through a dev tunnel; absent for the Agents Playground.
   */
  credentials?: BotCredentials;
  /** Where card links go; the local tab by default. */
  links?: CardLinks;
  /** Production knows people only by their Entra object id; locally the Playground's user ids are person ids too. */
  mode?: 'local' | 'production';
  /** Reminder deliveries: proactive install for someone without a chat, and the per-instance send limit. */
  install?: ReminderDelivererDeps['install'];
  limits?: ReminderDelivererDeps['limits'];
}

export interface ComposedBot {
  app: BotApp;
  deps: BotDeps;
  sender: ProactiveSender;
  references: ConversationReferenceStore;
  handle(req: HostRequest, res: HostResponse): Promise<void>;
  /** Direct sends without a queue (counts by send result), fan-out onto the queue with one (counts of due, enqueued, skipped). */
  sweep(): Promise<Record<string, number>>;
  /** The local daily scheduler, when `dailySweepAt` was given. */
  scheduler?: DailySweepScheduler;
  /** When `delivery` was given: the queue's deliverer, its local consumer, and the ledger and queue for the admin API. */
  deliverer?: ReminderDeliverer;
  consumer?: LocalQueueConsumer;
  deliveries?: DeliveryAdmin;
  close(): Promise<void>;
}

/**
 * Wires the bot once for a host: the local host (no app id or password, so the Agents Playground can
 * talk to it; a daily scheduler and a queue consumer) and the Azure Functions app (credentials,
 * production identity, proactive install; the timers and queue trigger drive the sweep and delivery).
 */
export async function composeBot(input: { services: TrustServices; baseUrl: string; logger: Logger } & BotOptions): Promise<ComposedBot> {
  const storage = input.storage ?? { references: createMemoryReferenceStore(), sent: createMemorySentLog() };
  const services = input.services;
  const deps: BotDeps = { services, links: input.links ?? tabLinks(`${input.baseUrl}/tab`) };
  const onError = (e: unknown) => input.logger.error({ err: e }, 'bot');
  let transport: ReturnType<typeof createBotbuilderHost>['transport'] = async () => undefined;
  const sender = createProactiveSender({
    references: storage.references,
    sent: storage.sent,
    transport: (ref, card, signal) => transport(ref, card, signal),
  });
  const delivery = input.delivery;
  /** Someone's reminders due today (everyone's without `personId`), through the queue and ledger when there is one, so each goes once. */
  const sweepFor = async (personId?: string): Promise<Record<string, number>> => {
    const correlationId = `${personId ? 'first-conversation' : 'sweep'}-${randomUUID()}`;
    if (!delivery) return runReminderSweep(deps, sender, personId ? { personId } : {});
    return {
      ...(await services.jobs.fanOutReminders(delivery.queue, delivery.ledger, { correlationId, ...(personId ? { personId } : {}) })),
    };
  };
  const app = createBotApp({
    deps,
    identify: identifyBotUser(services, input.mode ?? 'local'),
    references: storage.references,
    sender,
    onError,
    onFirstConversation: (personId) => sweepFor(personId),
  });
  const host = createBotbuilderHost(app, input.credentials ?? {}, onError);
  transport = host.transport;
  const deliverer = delivery
    ? createReminderDeliverer({
        bot: deps,
        queue: delivery.queue,
        ledger: delivery.ledger,
        references: storage.references,
        transport: (ref, card, signal) => transport(ref, card, signal),
        logger: input.logger,
        ...(input.install ? { install: input.install } : {}),
        ...(input.limits ? { limits: input.limits } : {}),
      })
    : undefined;
  const consumer =
    delivery && deliverer && delivery.consumer !== false
      ? createLocalQueueConsumer({
          queue: delivery.queue,
          deliverer,
          ...delivery.consumer,
          onError: (e) => input.logger.warn({ err: e }, 'reminder delivery will be retried'),
        })
      : undefined;
  /** The daily sweep: reminders, then the term's board pack when it is due (a failure there never stops the reminders). */
  const sweep = async (): Promise<Record<string, number>> => {
    const counts = await sweepFor();
    const pack = await services.jobs.generateDueBoardPack().catch((e: unknown) => {
      input.logger.warn({ err: e }, 'the board pack could not be generated; the next sweep tries again');
      return { generated: 0 };
    });
    return { ...counts, boardPacks: pack.generated };
  };
  /**
   * Messages about a change (an extension asked for in the tab reaches the chair in Teams): onto the
   * queue and ledger like the reminders, so each goes to each person once within Teams' limits and an
   * undeliverable one shows in the admin's deliveries; sent directly when there is no queue.
   */
  const stopListening = services.onMessages(async (messages) => {
    if (delivery) return services.jobs.queueMessages(delivery.queue, delivery.ledger, messages, `change-${randomUUID()}`);
    for (const m of messages) {
      const card = await reminderCard(deps, m);
      if (card) await sender.send(m.personId, reminderKey(m.kind, m.occurrence, m.personId), card);
    }
  });
  const scheduler = input.dailySweepAt
    ? scheduleDailySweep(sweep, {
        at: input.dailySweepAt,
        now: () => services.clock.now(),
        onError,
        onRun: (date, counts) => input.logger.info({ counts }, `reminder sweep for ${date}`),
      })
    : undefined;
  return {
    app,
    deps,
    sender,
    references: storage.references,
    handle: (req, res) => host.handle(req, res),
    sweep,
    ...(scheduler ? { scheduler } : {}),
    ...(deliverer && delivery ? { deliverer, deliveries: { queue: delivery.queue, ledger: delivery.ledger } } : {}),
    ...(consumer ? { consumer } : {}),
    async close() {
      stopListening();
      scheduler?.stop();
      await consumer?.stop();
      await deliverer?.stop();
      await sender.stop();
    },
  };
}
