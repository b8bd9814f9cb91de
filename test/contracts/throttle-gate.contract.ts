import type { ThrottleGate } from '../../core/ports/throttle-gate.port';

/** Two gates on the same shared state, as two instances of the app would hold (in memory: the same gate). */
export interface GatePair {
  gate: ThrottleGate;
  peer: ThrottleGate;
}

const T = Date.parse('2026-11-23T09:00:00Z');

/** The `ThrottleGate` contract: what one instance records, every instance sees; a time only ever moves later. */
export function throttleGateContract(name: string, make: () => Promise<GatePair>): void {
  describe(`ThrottleGate contract: ${name}`, () => {
    test('a fresh gate is open and unreserved', async () => {
      const { gate, peer } = await make();
      expect(await gate.closedUntil()).toBeLessThanOrEqual(0);
      expect(await peer.reservedUntil()).toBeLessThanOrEqual(0);
    });

    test('a close recorded by one instance is seen by the other', async () => {
      const { gate, peer } = await make();
      await gate.close(T + 120_000);
      expect(await peer.closedUntil()).toBe(T + 120_000);
      expect(await gate.closedUntil()).toBe(T + 120_000);
    });

    test('a shorter Retry-After never reopens the gate early', async () => {
      const { gate, peer } = await make();
      await gate.close(T + 250_000);
      await peer.close(T + 70_000);
      expect(await gate.closedUntil()).toBe(T + 250_000);
      expect(await peer.closedUntil()).toBe(T + 250_000);
    });

    test('reserving the budget for people does not close the gate, and closing does not reserve', async () => {
      const { gate, peer } = await make();
      await gate.reserve(T + 30_000);
      expect(await peer.reservedUntil()).toBe(T + 30_000);
      expect(await peer.closedUntil()).toBeLessThanOrEqual(0);
      await peer.close(T + 5_000);
      expect(await gate.reservedUntil()).toBe(T + 30_000);
      expect(await gate.closedUntil()).toBe(T + 5_000);
    });

    test('instances closing at the same moment keep the latest time of all', async () => {
      const { gate, peer } = await make();
      await Promise.all([gate.close(T + 10_000), peer.close(T + 90_000), gate.close(T + 40_000), peer.close(T + 20_000)]);
      expect(await gate.closedUntil()).toBe(T + 90_000);
      expect(await peer.closedUntil()).toBe(T + 90_000);
    });
  });
}
