import { MAX_BATCH_REQUESTS, type BatchItem } from '../graph/batch';

/**
 * Outlook runs at most 4 requests per app per mailbox at once (Graph throttling-limits.md,
 * "Outlook service limits"); requests inside one `$batch` count against it, because Graph runs a
 * batch's independent requests in parallel (observed: the 5th gets 429 MailboxConcurrency).
 */
export const MAILBOX_CONCURRENCY = 4;

/**
 * Splits requests to one mailbox into `$batch`es of at most 20, each laid out as `lanes`
 * `dependsOn` chains (request i waits for request i - lanes), so no more than `lanes` run at once.
 * The batches are meant to go one after another: two in flight would double the concurrency.
 */
export function chainedBatches(items: readonly Omit<BatchItem, 'dependsOn'>[], lanes = MAILBOX_CONCURRENCY, size = MAX_BATCH_REQUESTS): BatchItem[][] {
  const batches: BatchItem[][] = [];
  for (let start = 0; start < items.length; start += size) {
    const slice = items.slice(start, start + size);
    batches.push(slice.map((item, i) => (i >= lanes ? { ...item, dependsOn: [slice[i - lanes]!.id] } : { ...item })));
  }
  return batches;
}

/** The most requests of one batch that can run at once given its `dependsOn` chains (for tests). */
export function widestStep(batch: readonly BatchItem[]): number {
  const depth = new Map<string, number>();
  for (const item of batch) depth.set(item.id, Math.max(0, ...(item.dependsOn ?? []).map((d) => (depth.get(d) ?? 0) + 1)));
  const perStep = new Map<number, number>();
  for (const d of depth.values()) perStep.set(d, (perStep.get(d) ?? 0) + 1);
  return Math.max(0, ...perStep.values());
}
