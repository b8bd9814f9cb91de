import { AsyncLocalStorage } from 'node:async_hooks';
import type { RetryPolicy } from './retry-decision';

/**
 * How long the work in hand may wait on a throttled Graph. SharePoint's real `Retry-After` is 70 to
 * 250 s (Microsoft's reply in SharePoint/sp-dev-docs#10076; 120 s in OneDrive/onedrive-api-docs#744):
 * - `background` (sweeps, calendar sync, copy, provisioning) waits as long as Graph asks;
 * - `interactive` (a person's request) waits a few seconds at most, then fails fast with a
 *   `ServiceBusyError` that the API answers as 503 with `Retry-After`, never spinning.
 */
export type Patience = 'interactive' | 'background';

const current = new AsyncLocalStorage<Patience>();

/** Runs `work` as background work: every Graph call inside it waits as long as Graph asks. */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return current.run('background', work);
}

/** Runs `work` as a person's request: throttling fails fast whatever the client's default. */
export function asInteractive<T>(work: () => Promise<T>): Promise<T> {
  return current.run('interactive', work);
}

/** The patience of the work in hand, or the client's default outside `inBackground` / `asInteractive`. */
export const patienceNow = (fallback: Patience): Patience => current.getStore() ?? fallback;

/** A person waits at most 5 s in all; anything longer is a fast 503 (a Functions HTTP call has 230 s in all). */
export const INTERACTIVE_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 5_000, budgetMs: 5_000, jitter: 0.2 };

/** Background work waits up to 5 minutes for one Retry-After (past the 250 s observed), 15 minutes in all. */
export const BACKGROUND_POLICY: RetryPolicy = { maxRetries: 6, baseDelayMs: 1_000, maxDelayMs: 300_000, budgetMs: 900_000, jitter: 0.2 };

export interface PatiencePolicies {
  interactive: RetryPolicy;
  background: RetryPolicy;
}
