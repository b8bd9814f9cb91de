import { BatchRequestContent } from '@microsoft/microsoft-graph-client';
import { mapLimit } from './concurrency';
import { failureFrom } from './graph-error';
import type { GraphClient } from './graph-client';
import { headerOf, type GraphResponse } from './graph-types';
import { decideRetry, type RetryPolicy } from './retry-decision';

/** Graph `$batch` takes at most 20 requests (Graph docs, concepts/json-batching.md); more is a 400. */
export const MAX_BATCH_REQUESTS = 20;

/**
 * Batches in flight at once by default: enough that a 600-academy dashboard (4,800 reads, 240
 * batches) goes out as one wave. Graph throttles on resource units, not on batches
 * (concepts/throttling.md: about 2 units per list query), so this bounds latency, not cost: at
 * that size the cost, not the round trips, is what a small tenant will notice.
 */
export const DEFAULT_CONCURRENT_BATCHES = 256;

/** One request inside a `$batch`; `url` is relative to the service root ("/sites/…"). */
export interface BatchItem {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /**
   * The one request before it in the same chunk of 20; a failed dependency gives it 424. A batch is
   * either fully parallel (no `dependsOn`) or fully sequential (each waits for the one before):
   * anything else is `400 Batch should be either fully sequential or fully parallel`
   * (json-batching.md; microsoftgraph/microsoft-graph-docs#16280).
   */
  dependsOn?: string[];
}

/** Why Graph would refuse this batch's layout, or undefined when it is fully parallel or fully sequential. */
export function batchLayoutProblem(batch: readonly Pick<BatchItem, 'id' | 'dependsOn'>[]): string | undefined {
  const parallel = batch.every((r) => (r.dependsOn ?? []).length === 0);
  const sequential = batch.every((r, i) =>
    i === 0 ? (r.dependsOn ?? []).length === 0 : r.dependsOn?.length === 1 && r.dependsOn[0] === batch[i - 1]!.id,
  );
  if (parallel || sequential) return undefined;
  return 'Batch should be either fully sequential or fully parallel';
}

/**
 * The SDK's own batch content check (`BatchRequestContent`, microsoft-graph-client 3.0: at most 20
 * requests, and `dependsOn` only in the layouts its `getContent` accepts) on top of ours; the
 * SDK builds the wire body from fetch `Request`s, so only the check is used.
 */
async function sdkRefusal(batch: readonly BatchItem[]): Promise<string | undefined> {
  try {
    const steps = batch.map((r) => ({
      id: r.id,
      request: new Request(`https://graph.microsoft.com/v1.0${r.url}`, { method: r.method }),
      ...(r.dependsOn?.length ? { dependsOn: r.dependsOn } : {}),
    }));
    await new BatchRequestContent(steps).getContent();
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export interface BatchOptions {
  signal?: AbortSignal | undefined;
  /** Batches in flight at once: one fan-out is one wave of round trips, not one per batch. */
  maxConcurrentBatches?: number;
  /** For the requests Graph throttled inside a batch, which it does not retry itself. */
  policy?: RetryPolicy;
  random?: () => number;
}

interface BatchEnvelope {
  responses?: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[];
}

/**
 * Sends any number of requests as `$batch`es of at most 20, several in flight at once, and returns
 * each response by id. Responses come back in any order (json-batching.md), so they are matched by
 * id. Each request is throttled on its own: a 429 inside a 200 batch carries its own `Retry-After`
 * and Graph does not retry it (concepts/throttling.md), so those (and reads that got 503/504) are
 * sent again here, after the longest wait any of them asked for.
 */
export async function sendBatch(
  client: GraphClient,
  items: readonly BatchItem[],
  options: BatchOptions = {},
): Promise<Map<string, GraphResponse>> {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new Error(`$batch request id "${item.id}" is used twice; Graph refuses the whole batch`);
    ids.add(item.id);
  }
  const { throttle } = client;
  const policy = options.policy ?? throttle.policy();
  const done = new Map<string, GraphResponse>();
  const retries = new Map<string, number>();
  let pending = [...items];
  let waitedMs = 0;

  while (pending.length > 0) {
    options.signal?.throwIfAborted();
    const chunks = chunk(pending, MAX_BATCH_REQUESTS);
    for (const c of chunks) {
      const problem = batchLayoutProblem(c) ?? (await sdkRefusal(c));
      if (problem) throw new Error(`$batch not sent: ${problem}`);
    }
    const allReads = (c: BatchItem[]) => c.every((i) => i.method === 'GET');
    const answers = await mapLimit(chunks, options.maxConcurrentBatches ?? DEFAULT_CONCURRENT_BATCHES, async (c) => {
      const body = { requests: c.map(toWire) };
      const response = await client.send('POST', '/$batch', { body, signal: options.signal, idempotent: allReads(c) });
      if (response.status !== 200) throw failureFrom(response, 'POST /$batch', allReads(c), throttle.timers.now());
      return (response.body as BatchEnvelope).responses ?? [];
    });

    const again: BatchItem[] = [];
    let delayMs = 0;
    const byId = new Map(pending.map((p) => [p.id, p]));
    for (const r of answers.flat()) {
      const item = byId.get(r.id);
      if (!item) continue;
      const headers = r.headers ?? {};
      // A 429 inside the batch closes the gate for every caller, as one outside would.
      await throttle.observe(r.status, headers);
      const decision = decideRetry(
        {
          status: r.status,
          retryAfter: headerOf(headers, 'retry-after'),
          idempotent: item.method === 'GET',
          aborted: false,
          retriesSoFar: retries.get(r.id) ?? 0,
          waitedMs,
        },
        policy,
        throttle.timers.now(),
        options.random,
      );
      if (decision.retry) {
        again.push(item);
        retries.set(r.id, (retries.get(r.id) ?? 0) + 1);
        delayMs = Math.max(delayMs, decision.delayMs);
      } else {
        done.set(r.id, { status: r.status, headers, body: r.body });
      }
      byId.delete(r.id);
    }
    // A request the batch did not answer at all is sent again rather than lost.
    for (const missing of byId.values()) again.push(missing);
    // A dependency already answered is not waited for again; what is left is chained again in order, so the batch stays fully sequential.
    pending = relink(again, new Set(again.map((x) => x.id)));
    if (pending.length > 0 && delayMs > 0) {
      await throttle.timers.sleep(delayMs, options.signal);
      waitedMs += delayMs;
    }
  }
  return done;
}

/** Sequential requests sent again keep their order: each now waits for the one before it that is still pending. */
function relink(items: BatchItem[], pendingIds: Set<string>): BatchItem[] {
  if (items.every((x) => !x.dependsOn?.length)) return items;
  return items.map((x, i) => {
    const { dependsOn, ...rest } = x;
    const before = items[i - 1];
    return dependsOn?.length && before && pendingIds.has(before.id) ? { ...rest, dependsOn: [before.id] } : rest;
  });
}

function toWire(item: BatchItem): Record<string, unknown> {
  // A body needs its Content-Type inside the batch (json-batching.md).
  const headers = item.body === undefined ? item.headers : { 'Content-Type': 'application/json', ...(item.headers ?? {}) };
  return {
    id: item.id,
    method: item.method,
    url: item.url,
    ...(headers ? { headers } : {}),
    ...(item.body === undefined ? {} : { body: item.body }),
    ...(item.dependsOn ? { dependsOn: item.dependsOn } : {}),
  };
}

/** Splits into chunks of `size`, keeping each request with the ones it depends on. */
function chunk(items: readonly BatchItem[], size: number): BatchItem[][] {
  const out: BatchItem[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  for (const c of out) {
    const here = new Set(c.map((x) => x.id));
    for (const x of c)
      for (const d of x.dependsOn ?? [])
        if (!here.has(d)) throw new Error(`$batch request "${x.id}" depends on "${d}", which falls in another batch of ${size}`);
  }
  return out;
}
