import { startAzuriteTable, type RunningAzurite } from '../../bot/local/azurite';
import { createTableThrottleGate } from '../../core/adapters/azure-storage/table-throttle-gate';
import { memoryThrottleGate } from '../../core/adapters/memory/memory-throttle-gate';
import { throttleGateContract } from './throttle-gate.contract';

/** The throttle gate's two adapters against one contract: in memory, and Azure Table storage on Azurite (two gate objects on one table = two instances). */
let azurite: RunningAzurite;
let n = 0;
const fresh = () => `throttlegate${process.pid}x${++n}`;

beforeAll(async () => {
  azurite = await startAzuriteTable({ timeoutMs: 20_000 });
}, 30_000);
afterAll(async () => {
  await azurite?.stop();
});

throttleGateContract('in memory', async () => {
  const gate = memoryThrottleGate();
  return { gate, peer: gate };
});

const tableGate = (table: string, extra: { refreshMs?: number; now?: () => number } = {}) =>
  createTableThrottleGate(azurite.connectionString, {
    table,
    allowInsecureConnection: true,
    refreshMs: 0,
    ...extra,
    onError: (e) => {
      throw e;
    },
  });

throttleGateContract('Azure Table storage (Azurite)', async () => {
  const table = fresh();
  return { gate: tableGate(table), peer: tableGate(table) };
});

describe('the Table gate between reads', () => {
  it('trusts one read for refreshMs, so a burst of Graph requests costs one Table read, then sees the other instance', async () => {
    const table = fresh();
    let now = 0;
    const reader = tableGate(table, { refreshMs: 1_000, now: () => now });
    const writer = tableGate(table);
    expect(await reader.closedUntil()).toBe(0);
    await writer.close(5_000_000);
    expect(await reader.closedUntil()).toBe(0);
    now += 1_000;
    expect(await reader.closedUntil()).toBe(5_000_000);
  });

  it('when the table cannot be reached, Graph calls go on from what this instance knows', async () => {
    const errors: unknown[] = [];
    const unreachable = createTableThrottleGate('UseDevelopmentStorage=true;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;', {
      allowInsecureConnection: true,
      onError: (e) => errors.push(e),
    });
    await unreachable.close(7_000);
    expect(await unreachable.closedUntil()).toBe(7_000);
    expect(errors.length).toBeGreaterThan(0);
  });
});
