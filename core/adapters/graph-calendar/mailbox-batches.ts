import type { BatchItem } from '../graph/batch';

/**
 * Outlook runs at most 4 requests per app per mailbox at once (Graph throttling-limits.md,
 * "Outlook service limits"); requests inside one `$batch` count against it, because Graph runs a
 * batch's independent requests in parallel (observed: the 5th gets 429 MailboxConcurrency).
 */
export const MAILBOX_CONCURRENCY = 4;

/**
 * Splits requests to one mailbox into fully parallel `$batch`es of at most `lanes` requests, to be
 * sent one after another. Graph takes a batch only fully parallel or fully sequential (`400 Batch
 * should be either fully sequential or fully parallel`, json-batching.md and
 * microsoftgraph/microsoft-graph-docs#16280), so the 4-at-once limit is kept by the size of the
 * batch, not by `dependsOn` chains; and unlike a sequential chain, one failed request does not fail
 * the rest with 424.
 */
export function mailboxBatches(items: readonly Omit<BatchItem, 'dependsOn'>[], lanes = MAILBOX_CONCURRENCY): BatchItem[][] {
  const batches: BatchItem[][] = [];
  for (let start = 0; start < items.length; start += lanes) batches.push(items.slice(start, start + lanes).map((item) => ({ ...item })));
  return batches;
}

/** The most requests of one batch that can run at once given its `dependsOn` (for tests). */
export function widestStep(batch: readonly BatchItem[]): number {
  const depth = new Map<string, number>();
  for (const item of batch) depth.set(item.id, Math.max(0, ...(item.dependsOn ?? []).map((d) => (depth.get(d) ?? 0) + 1)));
  const perStep = new Map<number, number>();
  for (const d of depth.values()) perStep.set(d, (perStep.get(d) ?? 0) + 1);
  return Math.max(0, ...perStep.values());
}
