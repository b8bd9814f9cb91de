import type { ThrottleGate } from '../../ports/throttle-gate.port';
import { tableClient, type StorageAccount } from './storage-account';

const statusOf = (e: unknown): number | undefined =>
  typeof e === 'object' && e !== null ? (e as { statusCode?: number }).statusCode : undefined;

/** One row for the app's Graph traffic: the budget SharePoint throttles is the app's, per tenant, whichever instance spends it. */
const PARTITION = 'graph';
/** A close or reserve this close to one already in the row is not written again. */
const SAME_WITHIN_MS = 1_000;
const ROW = 'tenant';

/** Epoch ms as strings: Table storage keeps a JS number over 2^31 as a Double, which reads back fine, but strings say what they are. */
interface GateEntity {
  closedUntil: string;
  reservedUntil: string;
}

type Field = keyof GateEntity;

export interface TableThrottleGateOptions {
  table?: string;
  /** Azurite speaks plain HTTP on loopback. */
  allowInsecureConnection?: boolean;
  /**
   * How long one read of the row is trusted. Every Graph request asks the gate first, so without
   * this each would cost a Table read; 1 s means an instance may send for at most a second after
   * another was throttled (that request's own 429 then closes this instance's gate at once).
   */
  refreshMs?: number;
  /** For the read cache only (the stored times come from the Graph client's own clock). */
  now?: () => number;
  /** Told when the table cannot be read or written: the gate then works from what this instance knows, never failing a Graph call. */
  onError?: (error: unknown) => void;
}

/**
 * The throttle gate in the app's Azure Table storage, so every instance of the Functions app backs
 * off together: one row holding "closed until" and "reserved until"; a write only ever raises a
 * time, with the row's ETag so two instances closing at once both count (the later time wins).
 */
export function createTableThrottleGate(account: StorageAccount, options: TableThrottleGateOptions = {}): ThrottleGate {
  const client = tableClient(account, options.table ?? 'graphthrottle', {
    ...(options.allowInsecureConnection ? { allowInsecureConnection: true } : {}),
    // Graph requests wait on this read: one quick retry, then go on from what this instance knows.
    maxRetries: 1,
  });
  const refreshMs = options.refreshMs ?? 1_000;
  const now = options.now ?? Date.now;
  const onError = options.onError ?? (() => undefined);
  /** What this instance knows: its own closes, and the row as last read. */
  const known: Record<Field, number> = { closedUntil: 0, reservedUntil: 0 };
  /** What this instance has seen in the row or written there itself. */
  const shared: Record<Field, number> = { closedUntil: 0, reservedUntil: 0 };
  let readAt = Number.NEGATIVE_INFINITY;
  let reading: Promise<void> | undefined;
  let ready: Promise<unknown> | undefined;

  const table = () =>
    (ready ??= client.createTable().catch((e: unknown) => {
      ready = undefined;
      throw e;
    }));

  const fetchRow = async () => {
    await table();
    try {
      return await client.getEntity<GateEntity>(PARTITION, ROW);
    } catch (e) {
      if (statusOf(e) === 404) return undefined;
      throw e;
    }
  };

  const learn = (row: Partial<GateEntity> | undefined) => {
    for (const f of ['closedUntil', 'reservedUntil'] as const) {
      const inRow = Number(row?.[f] ?? 0) || 0;
      known[f] = Math.max(known[f], inRow);
      shared[f] = Math.max(shared[f], inRow);
    }
  };

  const refresh = async () => {
    if (now() - readAt < refreshMs) return;
    reading ??= (async () => {
      try {
        learn(await fetchRow());
        readAt = now();
      } catch (e) {
        readAt = now(); // ask again after refreshMs, not on every Graph request while the table is away
        onError(e);
      } finally {
        reading = undefined;
      }
    })();
    await reading;
  };

  const raise = async (field: Field, untilMs: number) => {
    // Every throttled response (and every one near the budget) lands here: a time no more than a
    // second past one already shared is not worth a Table write per response.
    if (untilMs <= shared[field] + SAME_WITHIN_MS) {
      known[field] = Math.max(known[field], untilMs);
      return;
    }
    known[field] = Math.max(known[field], untilMs);
    try {
      // Compare-and-set: a 412 (someone wrote since the read) or 409 (someone made the row first) reads again.
      for (let attempt = 0; attempt < 8; attempt++) {
        const row = await fetchRow();
        learn(row);
        if (row && Number(row[field]) >= untilMs) {
          shared[field] = Math.max(shared[field], Number(row[field]));
          return;
        }
        const entity = {
          partitionKey: PARTITION,
          rowKey: ROW,
          closedUntil: String(known.closedUntil),
          reservedUntil: String(known.reservedUntil),
        };
        try {
          if (row) await client.updateEntity(entity, 'Replace', { etag: row.etag });
          else await client.createEntity(entity);
          shared.closedUntil = known.closedUntil;
          shared.reservedUntil = known.reservedUntil;
          readAt = now();
          return;
        } catch (e) {
          if (statusOf(e) !== 412 && statusOf(e) !== 409) throw e;
        }
      }
      throw new Error('the throttle gate row kept changing under this instance');
    } catch (e) {
      onError(e);
    }
  };

  return {
    async closedUntil() {
      await refresh();
      return known.closedUntil;
    },
    async reservedUntil() {
      await refresh();
      return known.reservedUntil;
    },
    close: (untilMs) => raise('closedUntil', untilMs),
    reserve: (untilMs) => raise('reservedUntil', untilMs),
  };
}
