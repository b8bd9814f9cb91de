import {
  deliveryRecordOf,
  type DeliveryLedger,
  type DeliveryRecord,
  type DeliveryStatus,
  type VersionedRecord,
} from '../../ports/delivery-ledger.port';

/** Copies only the record's own fields, leaving out the unset ones, as a table entity would hold it. */
const copyOf = (record: DeliveryRecord): DeliveryRecord => deliveryRecordOf(record);

/** How many records `list` gives when no limit is asked for, as the table adapter does. */
const DEFAULT_LIST_LIMIT = 200;

/**
 * The delivery ledger in memory, with the table adapter's compare-and-set: `insert` wins only for
 * a new key, `replace` only at the etag last read, and every write gives a new etag. JavaScript
 * runs each method to its first `await` without interleaving, so a check and its write are atomic.
 */
export function createMemoryDeliveryLedger(): DeliveryLedger & { size(): number } {
  const rows = new Map<string, { record: DeliveryRecord; etag: string }>();
  let writes = 0;
  // Shaped like a table etag (`W/"datetime'…'"`), unique per write.
  const nextEtag = () => `W/"memory'${++writes}'"`;
  const versioned = (row: { record: DeliveryRecord; etag: string }): VersionedRecord => ({ record: copyOf(row.record), etag: row.etag });
  return {
    async get(key) {
      const row = rows.get(key);
      return row ? versioned(row) : undefined;
    },
    async getMany(keys) {
      const out = new Map<string, VersionedRecord>();
      for (const key of keys) {
        const row = rows.get(key);
        if (row) out.set(key, versioned(row));
      }
      return out;
    },
    async insert(record) {
      if (rows.has(record.key)) return undefined;
      const etag = nextEtag();
      rows.set(record.key, { record: copyOf(record), etag });
      return etag;
    },
    async replace(record, etag) {
      const row = rows.get(record.key);
      if (!row || row.etag !== etag) return undefined;
      const next = nextEtag();
      rows.set(record.key, { record: copyOf(record), etag: next });
      return next;
    },
    async list(statuses: readonly DeliveryStatus[], options) {
      const wanted = new Set(statuses);
      return [...rows.values()]
        .filter((row) => wanted.has(row.record.status))
        .map((row) => copyOf(row.record))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .slice(0, options?.limit ?? DEFAULT_LIST_LIMIT);
    },
    size: () => rows.size,
  };
}
