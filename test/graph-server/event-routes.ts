import { randomUUID } from 'node:crypto';
import { badRequest, graphError, json, notFound, type RouteResponse } from './graph-errors';
import type { RouteRequest } from './list-routes';

interface EventState {
  id: string;
  transactionId?: string;
  isCancelled: boolean;
  body: Record<string, unknown>;
}

/** Events per mailbox. */
export type EventsState = Map<string, EventState[]>;

const EP_FILTER = /singleValueExtendedProperties\/Any\(ep: ep\/id eq '([^']+)' and ep\/value eq '([^']+)'\)/;

const eventJson = (e: EventState): Record<string, unknown> => ({
  ...e.body,
  id: e.id,
  isCancelled: e.isCancelled,
  ...(e.body.isOnlineMeeting ? { onlineMeeting: { joinUrl: `https://teams.microsoft.com/l/meetup-join/${e.id}` } } : {}),
});

/**
 * `/users/{id}/events` as documented (user-post-events.md, event-update.md, event-cancel.md):
 * create (201) with `transactionId` — a repeat is refused with 400 `ErrorDuplicateTransactionId`
 * (observed) — `$filter` on a single-value extended property, PATCH (200), cancel (202).
 */
export function routeEvents(state: EventsState, req: RouteRequest): RouteResponse {
  const [, mailbox, , eventId, action] = req.segments;
  if (!mailbox) return notFound('user');
  const events = state.get(mailbox) ?? [];
  state.set(mailbox, events);
  if (eventId === undefined && req.method === 'GET') {
    const f = EP_FILTER.exec(req.query.get('$filter') ?? '');
    const found = f ? events.filter((e) => (e.body.singleValueExtendedProperties as { id: string; value: string }[] | undefined)?.some((p) => p.id === f[1] && p.value === f[2])) : events;
    return json(200, { value: found.map(eventJson) });
  }
  if (eventId === undefined && req.method === 'POST') {
    const body = req.body as Record<string, unknown> | undefined;
    if (!body?.subject || !body.start || !body.end) return badRequest('an event needs a subject, start and end');
    const tx = typeof body.transactionId === 'string' ? body.transactionId : undefined;
    if (tx && events.some((e) => e.transactionId === tx)) return graphError(400, 'ErrorDuplicateTransactionId', 'An event with this transactionId already exists');
    const e: EventState = { id: randomUUID(), ...(tx ? { transactionId: tx } : {}), isCancelled: false, body };
    events.push(e);
    return json(201, eventJson(e));
  }
  const e = events.find((x) => x.id === eventId);
  if (!e) return notFound('event');
  if (action === undefined && req.method === 'GET') return json(200, eventJson(e));
  if (action === undefined && req.method === 'PATCH') {
    e.body = { ...e.body, ...(req.body as Record<string, unknown>) };
    return json(200, eventJson(e));
  }
  if (action === 'cancel' && req.method === 'POST') {
    e.isCancelled = true;
    return { status: 202, headers: {} };
  }
  return badRequest(`unsupported events request ${req.method} ${req.rawPath}`);
}
