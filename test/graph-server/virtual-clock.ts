import type { GraphTimers } from '../../core/adapters/graph/graph-timers';

/**
 * A clock that moves only when everyone is waiting on it: the earliest `sleep` ends first and sets
 * the time to its end, so two callers waiting 120 s at once both wake 120 s on, not 240. The client
 * and the test server share it, so a `Retry-After: 120` is honoured in full (the server's budget
 * window moves on too) without a test or the bench waiting two minutes.
 */
export function virtualClock(startMs = Date.parse('2026-11-23T10:00:00Z')): GraphTimers & { slept: number[]; elapsedMs(): number } {
  let now = startMs;
  const slept: number[] = [];
  const pending: { at: number; wake: () => void }[] = [];
  let scheduled = false;
  // Waits until real work (sockets, promises) has settled, then wakes the earliest sleeper.
  const flush = () => {
    scheduled = false;
    pending.sort((a, b) => a.at - b.at);
    const next = pending.shift();
    if (!next) return;
    now = Math.max(now, next.at);
    next.wake();
    if (pending.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // A short real pause lets replies already on the wire arrive before virtual time jumps.
    setTimeout(flush, 2);
  };
  return {
    slept,
    elapsedMs: () => now - startMs,
    now: () => now,
    sleep(ms, signal) {
      signal?.throwIfAborted();
      slept.push(ms);
      return new Promise<void>((resolve, reject) => {
        const entry = { at: now + ms, wake: resolve };
        pending.push(entry);
        signal?.addEventListener(
          'abort',
          () => {
            pending.splice(pending.indexOf(entry), 1);
            reject(signal.reason);
          },
          { once: true },
        );
        schedule();
      });
    },
  };
}
