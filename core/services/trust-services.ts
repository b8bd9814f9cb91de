import type { Person } from '../domain/people';
import type { DeliveryLedger } from '../ports/delivery-ledger.port';
import type { ReminderQueue } from '../ports/reminder-queue.port';
import { auditedStore } from './audited-store';
import { feedForToken } from './calendar-feed.service';
import { currentYearRange, syncCalendar } from './calendar-sync.service';
import { requeueStalledDeliveries, runFanOutSweep } from './delivery/reminder-fanout.service';
import { dueReminders, type DueReminder } from './reminders.service';
import { withoutMuted } from './message-settings.service';
import type { EventMessage } from '../domain/notifications';
import { openSession, type Session, type SessionDeps } from './session';
import { signIn, type SignInClaim } from './sign-in.service';
import { generateDueBoardPack } from './board-pack/board-packs.service';
import type { ServiceDeps } from './service-context';

/**
 * What a host holds: the door to the records. A request or bot turn opens a session for its
 * viewer; sign-in and the timers' jobs run as named system actors, so their writes are audited too.
 * Hosts never see the store.
 */
export function createTrustServices(sessionDeps: Omit<SessionDeps, 'publish'>) {
  /** Messages about changes go to whoever listens (the bot, which queues a card for each), without those their recipients turned off. */
  const listeners = new Set<(messages: EventMessage[]) => Promise<unknown>>();
  const publish = async (messages: EventMessage[]): Promise<void> => {
    const wanted = await withoutMuted(sessionDeps, messages);
    if (wanted.length) await Promise.all([...listeners].map((l) => l(wanted)));
  };
  const deps: SessionDeps = { ...sessionDeps, publish };
  /** The store as a named system job writes to it (sign-in linking, the sweeps, the calendar sync). */
  const asJob = (actor: string): ServiceDeps => ({
    ...deps,
    store: auditedStore(deps.store, deps.audit.log, actor, deps.clock, deps.audit.newId),
  });
  const delivery = (queue: ReminderQueue, ledger: DeliveryLedger) => ({ ...asJob('system:reminders'), queue, ledger });
  return {
    /** A session for one person: one request, one bot turn. */
    open: (viewer: Person): Session => openSession(deps, viewer),
    /** A session for someone the host knows only by id (a proactive card is built from its recipient's own view). */
    openFor: async (personId: string): Promise<Session | undefined> => {
      const person = await deps.store.people.get(personId);
      return person ? openSession(deps, person) : undefined;
    },
    /** Listens for messages about changes (the bot queues their cards); returns how to stop. */
    onMessages: (listener: (messages: EventMessage[]) => Promise<unknown>): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Who a sign-in names; linking an imported person at first sign-in is audited as `system:sign-in`. */
    signIn: (claim: SignInClaim) => signIn(asJob('system:sign-in'), claim),
    jobs: {
      /** Every reminder due today (or one person's, at their first conversation with the bot). */
      dueReminders: async (personId?: string) =>
        withoutMuted(
          deps,
          (await dueReminders(asJob('system:reminders'))).filter((r) => personId === undefined || r.personId === personId),
        ),
      /** The daily fan-out onto the queue, skipping what the ledger shows as sent; `personId` for one person. */
      fanOutReminders: (
        queue: ReminderQueue,
        ledger: DeliveryLedger,
        options: { correlationId: string; personId?: string; signal?: AbortSignal },
      ) => {
        const personId = options.personId;
        const due = async (d: ServiceDeps) =>
          withoutMuted(
            d,
            (await dueReminders(d)).filter((r) => personId === undefined || r.personId === personId),
          );
        return runFanOutSweep(
          { ...delivery(queue, ledger), due },
          { correlationId: options.correlationId, ...(options.signal ? { signal: options.signal } : {}) },
        );
      },
      /** Messages about a change onto the queue, each key once (the ledger skips what went out). */
      queueMessages: (queue: ReminderQueue, ledger: DeliveryLedger, messages: readonly DueReminder[], correlationId: string) => {
        return runFanOutSweep({ ...delivery(queue, ledger), due: async () => [...messages] }, { correlationId });
      },
      requeueStalledDeliveries: (queue: ReminderQueue, ledger: DeliveryLedger) =>
        requeueStalledDeliveries({ queue, ledger, clock: deps.clock }),
      /**
       * The term's board pack into the board's papers folder, once, from its lead days before the board
       * meets (core/services/board-pack/board-pack-term.ts); nothing on other days. Run by the daily sweep.
       */
      generateDueBoardPack: async () => {
        if (!deps.papers) return { generated: 0 };
        return generateDueBoardPack({ ...asJob('system:board-pack'), audit: deps.audit, papers: deps.papers });
      },
      /** The year's meetings reconciled with the calendar (Outlook in production, `.ics` locally). */
      syncCalendar: async () => {
        const job = asJob('system:calendar');
        if (!deps.calendar) throw new Error('This host has no calendar');
        return syncCalendar(job, deps.calendar, await currentYearRange(job));
      },
    },
    /** The calendar feed a private token opens (`/calendar/<token>.ics`), or undefined for an unknown or reset token. */
    calendarFeed: (token: string) => feedForToken(deps, deps.calendarFeeds, token),
    /** Whether the app is up and on which trust. */
    health: async () => (await deps.store.trust.get())?.name ?? null,
    /** Local mode only (the tab's dev identity list): everyone's id, name and job title. */
    devPeople: async () => (await deps.store.people.list({}).toArray()).map((p) => ({ id: p.id, name: p.name, jobTitle: p.jobTitle })),
    clock: deps.clock,
  };
}

export type TrustServices = ReturnType<typeof createTrustServices>;
