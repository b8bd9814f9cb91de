import type { Calendar } from '../../ports/calendar.port';
import type { GraphClient } from '../graph/graph-client';
import { isGraphStatus, GraphRequestError } from '../graph/graph-error';
import type { RetryPolicy } from '../graph/retry-decision';
import { reconcileEvents } from './graph-calendar-reconcile';
import {
  EXPAND_OURS,
  FINGERPRINT,
  fingerprintOf,
  fromGraph,
  MEETING_ID,
  propOf,
  ourProperties,
  toGraph,
  transactionIdFor,
  type GraphEvent,
} from './graph-event-mapping';

/**
 * Outlook events via Graph in the trust's organiser mailbox (the only one the app may write, by
 * application access policy), the chair invited as a required attendee. Each event carries our
 * meeting id as an extended property so it can be found again; creates carry a `transactionId` so
 * a retried POST never doubles an event (a repeat answers 400 ErrorDuplicateTransactionId, observed:
 * then the existing event is used; or 201 with the existing event, also observed). Moves are
 * PATCHes; cancelling notifies attendees (event-cancel.md). `reconcile` does a whole year in
 * `$batch`es within Outlook's 4-per-mailbox concurrency (graph-calendar-reconcile.ts).
 */
export function createGraphCalendar(options: { client: GraphClient; mailbox: string; policy?: RetryPolicy; maxRounds?: number }): Calendar {
  const { client } = options;
  const events = `/users/${encodeURIComponent(options.mailbox)}/events`;
  const expand = EXPAND_OURS;

  const findAll = async (meetingId: string, signal?: AbortSignal): Promise<GraphEvent[]> => {
    const filter = encodeURIComponent(
      `singleValueExtendedProperties/Any(ep: ep/id eq '${MEETING_ID}' and ep/value eq '${meetingId.replace(/'/g, "''")}')`,
    );
    const page = await client.call<{ value?: GraphEvent[] }>('GET', `${events}?$filter=${filter}&${expand}`, {
      signal,
      headers: { Prefer: 'outlook.timezone="UTC"' },
    });
    return page.value ?? [];
  };
  const live = (all: GraphEvent[]) => all.find((e) => !e.isCancelled);

  return {
    async schedule(input, o) {
      const all = await findAll(input.meetingId, o?.signal);
      const current = live(all);
      if (current && propOf(current, FINGERPRINT) === fingerprintOf(input)) return fromGraph(current, input); // already as asked
      if (current) {
        const body = { ...toGraph(input), singleValueExtendedProperties: ourProperties(input) };
        const updated = await client.call<GraphEvent>('PATCH', `${events}/${encodeURIComponent(current.id)}`, {
          body,
          signal: o?.signal,
          idempotent: true,
        });
        return fromGraph({ ...current, ...updated, singleValueExtendedProperties: ourProperties(input) }, input);
      }
      // One transaction id per life of the meeting's event: a retry repeats it, a re-plan after a cancellation does not.
      const transactionId = transactionIdFor(input.meetingId, all.filter((e) => e.isCancelled).length);
      try {
        const created = await client.call<GraphEvent>('POST', events, {
          body: {
            ...toGraph(input),
            transactionId,
            singleValueExtendedProperties: ourProperties(input),
          },
          signal: o?.signal,
          idempotent: true,
        });
        return fromGraph(created, input);
      } catch (e) {
        if (!(e instanceof GraphRequestError) || !(isGraphStatus(e, 400) && /DuplicateTransactionId/i.test(e.code ?? ''))) throw e;
        const existing = live(await findAll(input.meetingId, o?.signal));
        if (!existing) throw e;
        return fromGraph(existing, input);
      }
    },
    async cancel(meetingId, comment, o) {
      const current = live(await findAll(meetingId, o?.signal));
      if (!current) return;
      try {
        await client.call('POST', `${events}/${encodeURIComponent(current.id)}/cancel`, {
          body: { comment },
          signal: o?.signal,
          idempotent: true,
        });
      } catch (e) {
        if (!isGraphStatus(e, 404)) throw e; // already gone
      }
    },
    reconcile(inputs, cancellations, o) {
      return reconcileEvents(
        {
          client,
          eventsPath: events,
          ...(options.policy ? { policy: options.policy } : {}),
          ...(options.maxRounds ? { maxRounds: options.maxRounds } : {}),
        },
        inputs,
        cancellations,
        o,
      );
    },
    async get(meetingId, o) {
      const all = await findAll(meetingId, o?.signal);
      const e = live(all) ?? all[all.length - 1];
      return e ? fromGraph(e) : undefined;
    },
  };
}
