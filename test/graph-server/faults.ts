/** What can go wrong on a call; "lost-after-write" applies the request, then drops the connection. */
export type FaultKind = '429' | '503' | 'timeout' | 'lost-after-write';

export interface FaultOptions {
  /** Chance (0–1) that a request (or a request inside a `$batch`) fails. */
  errorRate: number;
  kinds: FaultKind[];
  /** Seconds sent in `Retry-After` with 429 / 503 (Graph sends seconds, maybe fractional). */
  retryAfterSeconds: number;
  /** Added before every HTTP response (one per `$batch`, as one round trip). */
  latencyMs: number;
  /** Chance that a page of items comes back empty with a nextLink. */
  emptyPageRate: number;
  /** Only these methods are faulted (all when empty). */
  methods: string[];
}

export const NO_FAULTS: FaultOptions = {
  errorRate: 0,
  kinds: ['429', '503'],
  retryAfterSeconds: 0.01,
  latencyMs: 0,
  emptyPageRate: 0,
  methods: [],
};

/** Seeded, so a faulted run can be replayed exactly (the same generator the demo seed uses). */
export { seededRandom } from '../../core/seed/seeded-random';

/** The fault for this request, if any; `inBatch` limits it to what a batch can report per request. */
export function pickFault(options: FaultOptions, method: string, random: () => number, inBatch: boolean): FaultKind | undefined {
  if (options.errorRate <= 0 || (options.methods.length > 0 && !options.methods.includes(method))) return undefined;
  if (random() >= options.errorRate) return undefined;
  const kinds = inBatch ? options.kinds.filter((k) => k === '429' || k === '503') : options.kinds;
  if (kinds.length === 0) return undefined;
  return kinds[Math.floor(random() * kinds.length)];
}
