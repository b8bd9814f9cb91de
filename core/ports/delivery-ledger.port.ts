/**
 * What happened to one reminder for one person (its idempotency key): the record that makes a
 * replayed timer, a redelivered message or a crash produce each reminder once.
 */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'poisoned' | 'no-conversation' | 'skipped';

export interface DeliveryRecord {
  key: string;
  kind: string;
  personId: string;
  occurrence: string;
  status: DeliveryStatus;
  /** Send attempts made so far. */
  attempts: number;
  /** ISO instant the `sending` claim lapses (a deliverer that crashed leaves it behind). */
  leaseUntil?: string;
  lastError?: string;
  /** ISO instants. */
  updatedAt: string;
  sentAt?: string;
  correlationId?: string;
  /** The queue message as last sent, so an admin's Retry can enqueue it again. */
  message: string;
}

export interface VersionedRecord {
  record: DeliveryRecord;
  etag: string;
}

/**
 * Compare-and-set storage for delivery records (Azure Table storage: one entity per key). The rules
 * (who may claim, when) live in `delivery-decisions`; this only writes when nobody wrote first.
 */
export interface DeliveryLedger {
  get(key: string, options?: { signal?: AbortSignal }): Promise<VersionedRecord | undefined>;
  /** Several records by key in few round trips (a sweep checks thousands); keys without a record are left out. */
  getMany(keys: readonly string[], options?: { signal?: AbortSignal }): Promise<Map<string, VersionedRecord>>;
  /** Inserts; undefined when a record with this key already exists. */
  insert(record: DeliveryRecord, options?: { signal?: AbortSignal }): Promise<string | undefined>;
  /** Replaces if still at `etag`; undefined when someone else changed it first. */
  replace(record: DeliveryRecord, etag: string, options?: { signal?: AbortSignal }): Promise<string | undefined>;
  /** Records in any of `statuses`, most recently updated first, at most `limit`. */
  list(statuses: readonly DeliveryStatus[], options?: { limit?: number; signal?: AbortSignal }): Promise<DeliveryRecord[]>;
}

/** The fields a delivery record owns: what every adapter stores, and all it gives back (never an etag or a storage key). */
export const DELIVERY_RECORD_FIELDS = [
  'key',
  'kind',
  'personId',
  'occurrence',
  'status',
  'attempts',
  'leaseUntil',
  'lastError',
  'updatedAt',
  'sentAt',
  'correlationId',
  'message',
] as const;

/** Copies only a record's own fields, leaving out those unset (undefined or null), as a table entity holds it. */
export function deliveryRecordOf(source: Record<string, unknown> | DeliveryRecord): DeliveryRecord {
  const from = source as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of DELIVERY_RECORD_FIELDS) if (from[f] !== undefined && from[f] !== null) out[f] = from[f];
  return out as unknown as DeliveryRecord;
}
