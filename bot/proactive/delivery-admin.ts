import type { Clock } from '../../core/ports/clock.port';
import type { DeliveryLedger, DeliveryRecord } from './delivery-ledger.port';
import { RETRYABLE_BY_ADMIN } from './delivery-decisions';
import type { ReminderQueue } from './reminder-queue.port';

/** The delivery ledger and reminder queue, as the trust admin's screens need them. */
export interface DeliveryAdmin {
  ledger: DeliveryLedger;
  queue: ReminderQueue;
}

export type RetryOutcome = { ok: true; record: DeliveryRecord } | { ok: false; code: 'DELIVERY.NOT_FOUND' | 'DELIVERY.NOT_RETRYABLE'; message: string };

/**
 * An admin's Retry: the record goes back to `pending` (so delivery may claim it again, attempts
 * counted afresh) and then its message goes back on the queue. Ledger first: if the enqueue fails
 * the next sweep still picks the key up, because only `sent` and `poisoned` keys are left out.
 */
export async function retryDelivery(admin: DeliveryAdmin, clock: Clock, key: string): Promise<RetryOutcome> {
  for (let i = 0; i < 3; i++) {
    const found = await admin.ledger.get(key);
    if (!found) return { ok: false, code: 'DELIVERY.NOT_FOUND', message: 'There is no delivery with that key.' };
    if (!RETRYABLE_BY_ADMIN.includes(found.record.status)) return { ok: false, code: 'DELIVERY.NOT_RETRYABLE', message: `This reminder is ${found.record.status}; only failed, poisoned or undelivered reminders can be sent again.` };
    const { leaseUntil: _l, ...rest } = found.record;
    const record: DeliveryRecord = { ...rest, status: 'pending', attempts: 0, updatedAt: clock.now().toISOString() };
    if ((await admin.ledger.replace(record, found.etag)) === undefined) continue;
    await admin.queue.send(record.message);
    return { ok: true, record };
  }
  return { ok: false, code: 'DELIVERY.NOT_RETRYABLE', message: 'This reminder is changing right now; try again in a moment.' };
}
