import { sleep } from './behaviors/sleep';

/**
 * Time as the Graph client sees it: the clock it reads and the waits it makes. Production uses the
 * real ones; a test or the bench passes a virtual clock, so a `Retry-After: 120` is waited in full
 * without anyone waiting two minutes (STYLE.md: retry code is tested with fake timers).
 */
export interface GraphTimers {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const REAL_TIMERS: GraphTimers = { now: () => Date.now(), sleep };
