import type { ThrottleGate } from '../../ports/throttle-gate.port';

/** A gate shared by every client in this process that is given it (local mode, CLIs and tests). */
export function memoryThrottleGate(): ThrottleGate {
  let closed = 0;
  let reserved = 0;
  return {
    closedUntil: async () => closed,
    reservedUntil: async () => reserved,
    async close(untilMs) {
      closed = Math.max(closed, untilMs);
    },
    async reserve(untilMs) {
      reserved = Math.max(reserved, untilMs);
    },
  };
}
