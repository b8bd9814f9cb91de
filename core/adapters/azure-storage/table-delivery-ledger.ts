import { createHash } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { tableClient, type StorageAccount } from './storage-account';
import {
  DELIVERY_RECORD_FIELDS,
  deliveryRecordOf,
  type DeliveryLedger,
  type DeliveryRecord,
  type DeliveryStatus,
  type VersionedRecord,
} from '../../ports/delivery-ledger.port';

/**
 * Table keys may not hold / \ # ? or control characters and stop at 1 KiB: hash a key that would
 * break that (or hold ' or %, which only make the entity's URL harder to get right).
 */
// Table storage refuses control characters (and / \ # ?) in a RowKey ("Understanding the Table service data model").
const rowKeyOf = (key: string): string =>
  // eslint-disable-next-line no-control-regex
  /^[^/\\#?'%\u0000-\u001f\u007f-\u009f]{1,400}$/.test(key) ? key : createHash('sha256').update(key).digest('hex');
/** Partitioned by kind: a sweep's keys spread over a handful of partitions. */
const partitionOf = (key: string): string => rowKeyOf(key.split('|')[0] || 'reminder');

/** Azure Table storage allows at most 15 comparisons in one filter: the partition and 14 row keys. */
const MAX_ROWS_PER_QUERY = 14;

const statusOf = (e: unknown): number | undefined =>
  typeof e === 'object' && e !== null ? (e as { statusCode?: number }).statusCode : undefined;

type Entity = Omit<DeliveryRecord, 'attempts'> & { attempts: number };

/** Copies only the record's own fields (not the table's PartitionKey, etag, timestamp). */
const recordOf = (e: Record<string, unknown>): DeliveryRecord => deliveryRecordOf(e);

const entityOf = (r: DeliveryRecord) => {
  const e: Record<string, unknown> = { partitionKey: partitionOf(r.key), rowKey: rowKeyOf(r.key) };
  for (const f of DELIVERY_RECORD_FIELDS) if (r[f] !== undefined) e[f] = r[f];
  return e as Entity & { partitionKey: string; rowKey: string };
};

/**
 * The delivery ledger on Azure Table storage (Azurite locally): one entity per idempotency key.
 * `insert` is `createEntity` (409 when it exists) and `replace` is an update with `If-Match`
 * (412 when the etag moved on), so two deliverers never both claim a key.
 */
export async function createTableDeliveryLedger(
  account: StorageAccount,
  options: { table?: string; allowInsecureConnection?: boolean } = {},
): Promise<DeliveryLedger> {
  const client = tableClient(account, options.table ?? 'reminderdeliveries', options);
  await client.createTable();
  return {
    async get(key, o) {
      try {
        const e = await client.getEntity<Entity>(partitionOf(key), rowKeyOf(key), { abortSignal: o?.signal });
        return { record: recordOf(e), etag: e.etag };
      } catch (err) {
        if (statusOf(err) === 404) return undefined;
        throw err;
      }
    },
    async getMany(keys, o) {
      const out = new Map<string, VersionedRecord>();
      const byPartition = new Map<string, string[]>();
      for (const key of new Set(keys)) byPartition.set(partitionOf(key), [...(byPartition.get(partitionOf(key)) ?? []), rowKeyOf(key)]);
      const queries: string[] = [];
      for (const [pk, rows] of byPartition) {
        for (let i = 0; i < rows.length; i += MAX_ROWS_PER_QUERY) {
          const chunk = rows.slice(i, i + MAX_ROWS_PER_QUERY);
          queries.push(`${odata`PartitionKey eq ${pk}`} and (${chunk.map((rk) => odata`RowKey eq ${rk}`).join(' or ')})`);
        }
      }
      let next = 0;
      const lane = async () => {
        while (next < queries.length) {
          const filter = queries[next++]!;
          for await (const e of client.listEntities<Entity>({ queryOptions: { filter }, abortSignal: o?.signal })) {
            const record = recordOf(e);
            out.set(record.key, { record, etag: e.etag });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(8, queries.length) }, lane));
      return out;
    },
    async insert(record, o) {
      try {
        return (await client.createEntity(entityOf(record), { abortSignal: o?.signal })).etag;
      } catch (err) {
        if (statusOf(err) === 409) return undefined;
        throw err;
      }
    },
    async replace(record, etag, o) {
      try {
        return (await client.updateEntity(entityOf(record), 'Replace', { etag, abortSignal: o?.signal })).etag;
      } catch (err) {
        if (statusOf(err) === 412 || statusOf(err) === 404) return undefined;
        throw err;
      }
    },
    async list(statuses: readonly DeliveryStatus[], o) {
      if (statuses.length === 0) return [];
      const filter = statuses.map((s) => odata`status eq ${s}`).join(' or ');
      const out: DeliveryRecord[] = [];
      for await (const e of client.listEntities<Entity>({ queryOptions: { filter }, abortSignal: o?.signal })) out.push(recordOf(e));
      out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      return out.slice(0, o?.limit ?? 200);
    },
  };
}
