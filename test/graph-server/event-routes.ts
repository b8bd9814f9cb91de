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

/** What an organiser's `/cancel` sent out: the attendees told, and why. */
export interface CancellationNotice {
  mailbox: string;
  eventId: string;
  comment: string;
  attendees: string[];
}

export interface EventRouteOptions {
  /** Every cancellation message sent (tests read it to check attendees were told). */
  notices: CancellationNotice[];
  /**
   * A POST repeating a `transactionId`: `error` answers 400 ErrorDuplicateTransactionId (GRAPH-NOTES,
   * observed); `existing` answers 201 with the event already made (also observed: no new event).
   * Unconfirmed which Graph does today, so the adapter must cope with both.
   */
  repeatedTransaction: 'error' | 'existing';
}

/** Graph's default page of events is 10; `$top` asks for more, up to 1,000 (user-list-events.md). */
const DEFAULT_TOP = 10;
const MAX_TOP = 1000;

const EP_FILTER = /^singleValueExtendedProperties\/Any\(ep: ep\/id eq '([^']+)' and ep\/value (eq|ne) '((?:[^']|'')*)'\)$/;

const eventJson = (e: EventState): Record<string, unknown> => ({
  ...e.body,
  id: e.id,
  isCancelled: e.isCancelled,
  ...(e.transactionId ? { transactionId: e.transactionId } : {}),
  ...(e.body.isOnlineMeeting ? { onlineMeeting: { joinUrl: `https://teams.microsoft.com/l/meetup-join/${e.id}` } } : {}),
});

const propsOf = (e: EventState) => (e.body.singleValueExtendedProperties as { id: string; value: string }[] | undefined) ?? [];

/** PATCH merges extended properties by id, as Graph creates or updates each one named. */
function patched(body: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const props = patch.singleValueExtendedProperties as { id: string; value: string }[] | undefined;
  if (!props) return { ...body, ...patch };
  const merged = new Map((body.singleValueExtendedProperties as { id: string; value: string }[] | undefined)?.map((p) => [p.id, p]) ?? []);
  for (const p of props) merged.set(p.id, p);
  return { ...body, ...patch, singleValueExtendedProperties: [...merged.values()] };
}

/**
 * `/users/{id}/events` as documented (user-post-events.md, user-list-events.md, event-update.md,
 * event-cancel.md, singlevaluelegacyextendedproperty-get.md): create (201) with `transactionId`,
 * list in pages (`$top`, `@odata.nextLink` with `$skip`) filtered on a single-value extended
 * property with `eq` or `ne`, PATCH (200), cancel (202, attendees told with the comment).
 */
export function routeEvents(
  state: EventsState,
  req: RouteRequest,
  options: EventRouteOptions = { notices: [], repeatedTransaction: 'error' },
): RouteResponse {
  const [, mailbox, , eventId, action] = req.segments;
  if (!mailbox) return notFound('user');
  const events = state.get(mailbox) ?? [];
  state.set(mailbox, events);
  if (eventId === undefined && req.method === 'GET') return listEvents(events, req);
  if (eventId === undefined && req.method === 'POST') {
    const body = req.body as Record<string, unknown> | undefined;
    if (!body?.subject || !body.start || !body.end) return badRequest('an event needs a subject, start and end');
    const tx = typeof body.transactionId === 'string' ? body.transactionId : undefined;
    const repeat = tx ? events.find((e) => e.transactionId === tx) : undefined;
    if (repeat && options.repeatedTransaction === 'existing') return json(201, eventJson(repeat));
    if (repeat) return graphError(400, 'ErrorDuplicateTransactionId', 'An event with this transactionId already exists');
    const { transactionId: _tx, ...rest } = body;
    const e: EventState = { id: randomUUID(), ...(tx ? { transactionId: tx } : {}), isCancelled: false, body: rest };
    events.push(e);
    return json(201, eventJson(e));
  }
  const e = events.find((x) => x.id === eventId);
  if (!e) return notFound('event');
  if (action === undefined && req.method === 'GET') return json(200, eventJson(e));
  if (action === undefined && req.method === 'PATCH') {
    e.body = patched(e.body, req.body as Record<string, unknown>);
    return json(200, eventJson(e));
  }
  if (action === 'cancel' && req.method === 'POST') {
    const comment = (req.body as { comment?: unknown } | undefined)?.comment;
    if (!e.isCancelled) {
      const attendees = ((e.body.attendees as { emailAddress: { address: string } }[] | undefined) ?? []).map(
        (a) => a.emailAddress.address,
      );
      options.notices.push({ mailbox, eventId: e.id, comment: typeof comment === 'string' ? comment : '', attendees });
    }
    e.isCancelled = true;
    return { status: 202, headers: {} };
  }
  return badRequest(`unsupported events request ${req.method} ${req.rawPath}`);
}

function listEvents(events: EventState[], req: RouteRequest): RouteResponse {
  const filter = req.query.get('$filter');
  let found = events;
  if (filter) {
    const f = EP_FILTER.exec(filter.trim());
    if (!f) return badRequest(`unsupported $filter for events: ${filter}`);
    const [, id, op, raw = ''] = f;
    const value = raw.replace(/''/g, "'").toLowerCase(); // value comparison is case-insensitive (the docs)
    found = events.filter((e) => {
      const p = propsOf(e).find((x) => x.id === id);
      return p !== undefined && (op === 'eq' ? p.value.toLowerCase() === value : p.value.toLowerCase() !== value);
    });
  }
  const top = Math.min(MAX_TOP, Math.max(1, Number(req.query.get('$top') ?? DEFAULT_TOP) || DEFAULT_TOP));
  const skip = Math.max(0, Number(req.query.get('$skip') ?? 0) || 0);
  const page = found.slice(skip, skip + top);
  const next = new URLSearchParams(req.query);
  next.set('$skip', String(skip + top));
  return json(200, {
    value: page.map(eventJson),
    ...(skip + top < found.length ? { '@odata.nextLink': `${req.root}${req.rawPath}?${next.toString()}` } : {}),
  });
}
