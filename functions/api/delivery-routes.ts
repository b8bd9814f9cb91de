import { z } from 'zod';
import { ForbiddenError, parseOrThrow } from '../../core/domain/errors';
import { canAdministerTrust } from '../../core/domain/permissions';
import { allPages, collect } from '../../core/ports/record-store.port';
import type { ServiceDeps } from '../../core/services/service-context';
import type { DeliveryRecord } from '../../bot/proactive/delivery-ledger.port';
import { retryDelivery, type DeliveryAdmin } from '../../bot/proactive/delivery-admin';
import { ok, type ApiContext, type ApiResponse, type Route } from './api-types';
import { refused } from './error-responses';

/** Service deps with the reminder delivery ledger and queue, when the host has them (Azurite or Azure Storage). */
export type DeliveryAdminDeps = ServiceDeps & { deliveries?: DeliveryAdmin };

/** Adds the delivery ledger and queue to the deps the API handler gets (the routes read them from there). */
export const withDeliveries = <D extends ServiceDeps>(deps: D, deliveries: DeliveryAdmin | undefined): D & { deliveries?: DeliveryAdmin } => (deliveries ? { ...deps, deliveries } : deps);

const REMINDER_NAMES: Record<string, string> = {
  'paper-deadline': 'Paper deadline',
  'paper-escalation': 'Late papers (to the chair)',
  'notes-approval': 'Notes awaiting approval',
  'attendee-reminder': 'Meeting reminder',
  'action-due': 'Action due soon',
  'action-overdue': 'Action overdue',
};

/** `?status=` is one status or several, comma-separated. */
const statusQuery = z.string().transform((s) => s.split(',').map((x) => x.trim())).pipe(z.array(z.enum(['poisoned', 'failed', 'no-conversation', 'sent'])).min(1));

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

/** Trust admin and CEO only; 503 when this host has no delivery ledger (Azurite did not start). */
function adminDeliveries(ctx: ApiContext): DeliveryAdmin | ApiResponse {
  if (!canAdministerTrust(ctx.viewer)) throw new ForbiddenError('Only the trust administrator or the CEO can see reminder deliveries.');
  const deliveries = (ctx.deps as DeliveryAdminDeps).deliveries;
  return deliveries ?? { status: 503, body: { error: { code: 'DELIVERY.UNAVAILABLE', message: 'Reminder deliveries are not recorded on this host (no queue storage is running).' } } };
}
const isResponse = (x: DeliveryAdmin | ApiResponse): x is ApiResponse => 'status' in x;

/** `GET /api/admin/deliveries?status=poisoned,failed` and `POST /api/admin/deliveries/:key/retry`. */
export const DELIVERY_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/admin/deliveries',
    handler: async (ctx) => {
      const admin = adminDeliveries(ctx);
      if (isResponse(admin)) return admin;
      const statuses = parseOrThrow(statusQuery, ctx.req.query.status ?? 'poisoned,failed,no-conversation', 'status');
      const records = await admin.ledger.list(statuses, { limit: 200 });
      const people = new Map((await collect(allPages((p) => ctx.deps.store.people.list({}, p)))).map((p) => [p.id, p.name]));
      return ok({ deliveries: records.map((r) => deliveryItem(r, people.get(r.personId))) });
    },
  },
  {
    method: 'POST',
    pattern: '/api/admin/deliveries/:key/retry',
    handler: async (ctx) => {
      const admin = adminDeliveries(ctx);
      if (isResponse(admin)) return admin;
      const out = await retryDelivery(admin, ctx.deps.clock, ctx.params.key!);
      if (!out.ok) return out.code === 'DELIVERY.NOT_FOUND' ? { status: 404, body: { error: { code: out.code, message: out.message } } } : refused(out.code, out.message);
      return ok({ delivery: deliveryItem(out.record, (await ctx.deps.store.people.get(out.record.personId))?.name), requeued: true });
    },
  },
];
