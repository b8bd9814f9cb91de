import type { CalendarCancellation, CalendarEventInput, ReconcileOutcome } from '../../ports/calendar.port';
import type { CallOptions } from '../../ports/record-store.port';
import type { BatchItem } from '../graph/batch';
import type { GraphClient } from '../graph/graph-client';
import { errorFromResponse, isAbortError } from '../graph/graph-error';
import { headerOf, type GraphResponse } from '../graph/graph-types';
import { inBackground } from '../graph/patience';
import { parseRetryAfter, type RetryPolicy } from '../graph/retry-decision';
import {
  EXPAND_OURS,
  FINGERPRINT,
  fingerprintOf,
  MEETING_ID,
  ourProperties,
  propOf,
  toGraph,
  transactionIdFor,
  type GraphEvent,
} from './graph-event-mapping';
import { mailboxBatches } from './mailbox-batches';

export interface ReconcileContext {
  client: GraphClient;
  /** `/users/{mailbox}/events` */
  eventsPath: string;
  /** Waits on throttling (`Retry-After` is honoured up to `maxDelayMs`); the client's background policy by default. */
  policy?: RetryPolicy;
  /** Read, write, read again: rounds before what is left is reported as failed (the next sync retries it). */
  maxRounds?: number;
}

/** Events per page when reading the mailbox; Graph allows `$top` up to 1,000 on events. */
const PAGE = 250;

interface MeetingInMailbox {
  live?: GraphEvent;
  /** Cancelled events the meeting had: each life of the event gets its own transaction id. */
  cancelled: number;
}

type Change = 'created' | 'updated' | 'cancelled';
interface Op {
  meetingId: string;
  change: Change;
  item: Omit<BatchItem, 'dependsOn'>;
}

/** Every event of ours in the mailbox, by meeting id, in one paged GET (our property `ne ''`). */
async function readMailbox(ctx: ReconcileContext, signal?: AbortSignal): Promise<Map<string, MeetingInMailbox>> {
  // calendarView cannot filter on extended properties (500, observed: msgraph-sdk-dotnet#2375), so
  // /events with the documented Any() filter; the range is the caller's list of meetings.
  const filter = encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${MEETING_ID}' and ep/value ne '')`);
  let next: string | undefined = `${ctx.eventsPath}?$filter=${filter}&$select=id,subject,isCancelled&${EXPAND_OURS}&$top=${PAGE}`;
  const byMeeting = new Map<string, MeetingInMailbox>();
  while (next) {
    const page: { value?: GraphEvent[]; '@odata.nextLink'?: string } = await ctx.client.call('GET', next, {
      signal,
      headers: { Prefer: 'outlook.timezone="UTC"' },
    });
    for (const e of page.value ?? []) {
      const meetingId = propOf(e, MEETING_ID);
      if (!meetingId) continue;
      const seen = byMeeting.get(meetingId) ?? { cancelled: 0 };
      if (e.isCancelled) seen.cancelled++;
      else seen.live ??= e;
      byMeeting.set(meetingId, seen);
    }
    next = page['@odata.nextLink'] ? ctx.client.relative(page['@odata.nextLink']) : undefined;
  }
  return byMeeting;
}

function opFor(
  ctx: ReconcileContext,
  id: string,
  input: CalendarEventInput | undefined,
  comment: string,
  state: MeetingInMailbox | undefined,
  n: number,
): Op {
  const json = { 'Content-Type': 'application/json' };
  if (!input)
    return {
      meetingId: id,
      change: 'cancelled',
      item: {
        id: `${n}`,
        method: 'POST',
        url: `${ctx.eventsPath}/${encodeURIComponent(state!.live!.id)}/cancel`,
        headers: json,
        body: { comment },
      },
    };
  if (state?.live) {
    return {
      meetingId: id,
      change: 'updated',
      item: {
        id: `${n}`,
        method: 'PATCH',
        url: `${ctx.eventsPath}/${encodeURIComponent(state.live.id)}`,
        headers: json,
        body: { ...toGraph(input), singleValueExtendedProperties: ourProperties(input) },
      },
    };
  }
  const body = {
    ...toGraph(input),
    transactionId: transactionIdFor(id, state?.cancelled ?? 0),
    singleValueExtendedProperties: ourProperties(input),
  };
  return { meetingId: id, change: 'created', item: { id: `${n}`, method: 'POST', url: ctx.eventsPath, headers: json, body } };
}

/**
 * Brings the mailbox's events in line with the meetings in rounds: read every event of ours once
 * (paged), decide per meeting (create, PATCH, cancel or leave), send the writes as fully parallel
 * `$batch`es of 4, one batch at a time, so the mailbox never has more than 4 at once and Graph's
 * batch layout rule holds (mailbox-batches.ts). It is background work: a 429 is sent again after
 * its whole `Retry-After`, however long (patience.ts). A write whose
 * outcome is unknown (timeout, lost answer, 5xx, a repeated transactionId) is settled by reading
 * the mailbox again before anything is re-sent, and creates carry a `transactionId` besides, so a
 * retry never doubles an event.
 */
export function reconcileEvents(
  ctx: ReconcileContext,
  inputs: readonly CalendarEventInput[],
  cancellations: readonly CalendarCancellation[],
  options: CallOptions = {},
): Promise<ReconcileOutcome> {
  return inBackground(() => reconcileInBackground(ctx, inputs, cancellations, options));
}

async function reconcileInBackground(
  ctx: ReconcileContext,
  inputs: readonly CalendarEventInput[],
  cancellations: readonly CalendarCancellation[],
  options: CallOptions,
): Promise<ReconcileOutcome> {
  const { throttle } = ctx.client;
  const policy = ctx.policy ?? throttle.policy();
  const wanted = new Map(inputs.map((i) => [i.meetingId, i]));
  // A meeting both wanted and called off is wanted: the newer plan wins.
  const calledOff = new Map(cancellations.filter((c) => !wanted.has(c.meetingId)).map((c) => [c.meetingId, c.comment]));
  const open = new Set([...wanted.keys(), ...calledOff.keys()]);
  const outcome: ReconcileOutcome = { created: [], updated: [], cancelled: [], unchanged: [], failures: [] };
  /** What we tried for a meeting whose result we have not seen yet (it may have happened). */
  const tried = new Map<string, Change>();
  const lastProblem = new Map<string, string>();
  const settle = (id: string, as: Change | 'unchanged' | undefined) => {
    open.delete(id);
    if (as) outcome[as].push(id);
  };

  let mailbox = new Map<string, MeetingInMailbox>();
  let mustRead = true;
  for (let round = 0; open.size > 0 && round < (ctx.maxRounds ?? 30); round++) {
    options.signal?.throwIfAborted();
    if (mustRead) {
      try {
        mailbox = await readMailbox(ctx, options.signal);
        mustRead = false;
      } catch (e) {
        if (isAbortError(e) || options.signal?.aborted) throw e;
        // The client already retried the read within its budget: what is left waits for the next sync.
        for (const id of open) lastProblem.set(id, `could not read the calendar: ${messageOf(e)}`);
        break;
      }
    }
    const ops: Op[] = [];
    for (const id of open) {
      const state = mailbox.get(id);
      const input = wanted.get(id);
      if (input && state?.live && propOf(state.live, FINGERPRINT) === fingerprintOf(input)) settle(id, tried.get(id) ?? 'unchanged');
      else if (!input && !state?.live)
        settle(id, tried.get(id)); // nothing (left) to cancel
      else ops.push(opFor(ctx, id, input, calledOff.get(id) ?? '', state, ops.length));
    }
    for (const batch of mailboxBatches(ops.map((o) => o.item))) {
      const inBatch = batch.map((b) => ops[Number(b.id)]!);
      let answers: Map<string, GraphResponse>;
      try {
        answers = await sendBatchOnce(ctx.client, batch, options.signal);
      } catch (e) {
        if (isAbortError(e) || options.signal?.aborted) throw e;
        // No answer for the whole batch: any of it may have happened.
        for (const op of inBatch) {
          tried.set(op.meetingId, op.change);
          lastProblem.set(op.meetingId, messageOf(e));
        }
        mustRead = true;
        continue;
      }
      let waitMs = 0;
      for (const op of inBatch) {
        const r = answers.get(op.item.id);
        const status = r?.status ?? 0;
        if (r) await throttle.observe(status, r.headers);
        if (status >= 200 && status < 300) {
          settle(op.meetingId, op.change);
          continue;
        }
        lastProblem.set(
          op.meetingId,
          r ? errorFromResponse(r, `${op.item.method} event of ${op.meetingId}`).message : 'no answer in the batch',
        );
        if (status === 424) continue; // not run: its chain broke
        if (status === 429) {
          waitMs = Math.max(
            waitMs,
            parseRetryAfter(headerOf(r?.headers ?? {}, 'retry-after'), throttle.timers.now()) ?? policy.baseDelayMs,
          );
          continue;
        }
        const duplicateTransaction = status === 400 && /DuplicateTransactionId/i.test(errorCodeOf(r));
        if (status === 0 || status >= 500 || status === 404 || duplicateTransaction) {
          // Ambiguous, or the event is not where we thought: look again before writing again.
          tried.set(op.meetingId, op.change);
          mustRead = true;
          if (status === 503 || status === 504)
            waitMs = Math.max(
              waitMs,
              parseRetryAfter(headerOf(r?.headers ?? {}, 'retry-after'), throttle.timers.now()) ?? policy.baseDelayMs,
            );
          continue;
        }
        outcome.failures.push({ meetingId: op.meetingId, reason: lastProblem.get(op.meetingId) ?? `status ${status}` });
        open.delete(op.meetingId);
      }
      // Throttled: Outlook asked for a pause before this mailbox hears from us again.
      if (waitMs > 0) await throttle.timers.sleep(Math.min(waitMs, policy.maxDelayMs), options.signal);
    }
  }
  for (const id of open)
    outcome.failures.push({ meetingId: id, reason: `not confirmed after retrying: ${lastProblem.get(id) ?? 'unknown'}` });
  return outcome;
}

/** One `$batch` round trip; the caller decides what to send again. */
async function sendBatchOnce(client: GraphClient, batch: readonly BatchItem[], signal?: AbortSignal): Promise<Map<string, GraphResponse>> {
  const response = await client.send('POST', '/$batch', { body: { requests: batch }, signal, idempotent: false });
  if (response.status !== 200) throw errorFromResponse(response, 'POST /$batch');
  const answers = new Map<string, GraphResponse>();
  for (const r of (response.body as { responses?: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[] })
    .responses ?? []) {
    answers.set(r.id, { status: r.status, headers: r.headers ?? {}, body: r.body });
  }
  return answers;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const errorCodeOf = (r: GraphResponse | undefined): string => (r?.body as { error?: { code?: string } } | undefined)?.error?.code ?? '';
