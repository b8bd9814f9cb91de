import { z } from 'zod';
import { ForbiddenError, parseOrThrow } from '../../domain/errors';
import type { Person } from '../../domain/people';
import { canAdministerTrust } from '../../domain/permissions';
import type { Clock } from '../../ports/clock.port';
import { type RecordStore } from '../../ports/record-store.port';
import type { DeliveryLedger, DeliveryRecord } from '../../ports/delivery-ledger.port';
import { RETRYABLE_BY_ADMIN } from './delivery-decisions';
import type { ReminderQueue } from '../../ports/reminder-queue.port';

/** The delivery ledger and reminder queue, as the trust admin's screens need them. */
export interface DeliveryAdmin {
  ledger: DeliveryLedger;
  queue: ReminderQueue;
}

export type RetryOutcome =
  { ok: true; record: DeliveryRecord } | { ok: false; code: 'DELIVERY.NOT_FOUND' | 'DELIVERY.NOT_RETRYABLE'; message: string };

/**
 * An admin's Retry: the record goes back to `pending` (so delivery may claim it again, attempts
 * counted afresh) and then its message goes back on the queue. Ledger first: if the enqueue fails
 * the next sweep still picks the key up, because only `sent` and `poisoned` keys are left out.
 */
export async function retryDelivery(admin: DeliveryAdmin, clock: Clock, key: string): Promise<RetryOutcome> {
  for (let i = 0; i < 3; i++) {
    const found = await admin.ledger.get(key);
    if (!found) return { ok: false, code: 'DELIVERY.NOT_FOUND', message: 'There is no delivery with that key.' };
    if (!RETRYABLE_BY_ADMIN.includes(found.record.status))
      return {
        ok: false,
        code: 'DELIVERY.NOT_RETRYABLE',
        message: `This reminder is ${found.record.status}; only failed, poisoned or undelivered reminders can be sent again.`,
      };
    const { leaseUntil: _l, ...rest } = found.record;
    const record: DeliveryRecord = { ...rest, status: 'pending', attempts: 0, updatedAt: clock.now().toISOString() };
    if ((await admin.ledger.replace(record, found.etag)) === undefined) continue;
    await admin.queue.send(record.message);
    return { ok: true, record };
  }
  return { ok: false, code: 'DELIVERY.NOT_RETRYABLE', message: 'This reminder is changing right now; try again in a moment.' };
}

const REMINDER_NAMES: Record<string, string> = {
  'paper-deadline': 'Paper deadline',
  'paper-escalation': 'Late papers (to the chair)',
  'report-due': 'Report due after a meeting',
  'notes-approval': 'Notes awaiting approval',
  'attendee-reminder': 'Meeting reminder',
  'action-due': 'Action due soon',
  'action-overdue': 'Action overdue',
};

/** `?status=` is one status or several, comma-separated. */
const statusQuery = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()))
  .pipe(z.array(z.enum(['poisoned', 'failed', 'no-conversation', 'sent'])).min(1));

/** One delivery as the admin's panel shows it; copies only the fields it names. */
const deliveryItem = (r: DeliveryRecord, personName: string | undefined) => ({
  key: r.key,
  reminder: REMINDER_NAMES[r.kind] ?? r.kind,
  occurrence: r.occurrence,
  personId: r.personId,
  personName: personName ?? r.personId,
  status: r.status,
  attempts: r.attempts,
  lastError: r.lastError ?? null,
  updatedAt: r.updatedAt,
  sentAt: r.sentAt ?? null,
});

/** Undelivered (or sent) reminders for the trust admin or the CEO; `undefined` admin means this host records none. */
export function deliveriesForAdmin(deps: { store: RecordStore; clock: Clock; deliveries?: DeliveryAdmin | undefined }, viewer: Person) {
  if (!canAdministerTrust(viewer)) throw new ForbiddenError('Only the trust administrator or the CEO can see reminder deliveries.');
  const admin = deps.deliveries;
  if (!admin) return undefined;
  return {
    async list(status: string | undefined) {
      const statuses = parseOrThrow(statusQuery, status ?? 'poisoned,failed,no-conversation', 'status');
      const records = await admin.ledger.list(statuses, { limit: 200 });
      const people = new Map((await deps.store.people.list({}).toArray()).map((p) => [p.id, p.name]));
      return { deliveries: records.map((r) => deliveryItem(r, people.get(r.personId))) };
    },
    async retry(key: string) {
      const out = await retryDelivery(admin, deps.clock, key);
      if (!out.ok) return out;
      return {
        ok: true as const,
        delivery: deliveryItem(out.record, (await deps.store.people.get(out.record.personId))?.name),
        requeued: true,
      };
    },
  };
}
