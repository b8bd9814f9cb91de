import { ConflictError, NotFoundError } from '../../domain/errors';
import { isAmbiguousFailure, isGraphStatus } from '../graph/graph-error';
import { sleep } from '../graph/behaviors/sleep';
import { odataString } from './column-spec';
import type { ItemRecord, ListItems } from './list-items';

/** How often a write whose outcome was unknown is checked and tried again before giving up. */
const MAX_RECONCILES = 6;

/** A short, growing pause before sending a write again (the read in between already spaced it). */
const pause = (attempt: number, signal?: AbortSignal) => sleep(Math.min(2000, 25 * 2 ** attempt), signal);

export interface WriteTarget {
  items: ListItems;
  listId: string;
  kind: string;
}

/** The one item holding an indexed unique value, or undefined. */
export async function findBy(t: WriteTarget, column: 'RecordId' | 'IdempotencyKey', value: string, signal?: AbortSignal): Promise<ItemRecord | undefined> {
  const found = await t.items.query({ listId: t.listId, filter: `fields/${column} eq ${odataString(value)}` }, signal);
  return found[0];
}

/**
 * Creates an item carrying the caller's idempotency key (an indexed, unique column). Graph's own
 * retry middleware resends a POST, and a response can be lost after the write (GRAPH-NOTES.md), so:
 * - a key already stored returns that item (`created: false`);
 * - a 409 means the key or the record id is taken: the key's item if there is one, else a conflict;
 * - a timeout or 5xx looks the key up before trying again, so the item is written once.
 */
export async function createOnce(t: WriteTarget, recordId: string, key: string, fields: Record<string, unknown>, signal?: AbortSignal): Promise<{ item: ItemRecord; created: boolean }> {
  const existing = await findBy(t, 'IdempotencyKey', key, signal);
  if (existing) return { item: existing, created: false };
  for (let attempt = 0; ; attempt++) {
    try {
      return { item: await t.items.create(t.listId, fields, signal), created: true };
    } catch (e) {
      if (isGraphStatus(e, 409)) {
        const winner = await findBy(t, 'IdempotencyKey', key, signal);
        if (winner) return { item: winner, created: false };
        throw new ConflictError(t.kind, recordId, { cause: e });
      }
      if ((!isAmbiguousFailure(e) && !isGraphStatus(e, 429)) || attempt >= MAX_RECONCILES) throw e;
      // The write may have landed: it is ours if the key is there now.
      const landed = await findBy(t, 'IdempotencyKey', key, signal);
      if (landed) return { item: landed, created: true };
      await pause(attempt, signal);
    }
  }
}

/**
 * PATCHes an item's fields only if it still has the eTag the caller read (If-Match): a 412 is a
 * `ConflictError`, never a silent overwrite. When the outcome is unknown the item is read back:
 * our body there means it landed; its old eTag means it did not (send again); anything else is
 * someone else's change.
 */
export async function updateIfMatch(t: WriteTarget, recordId: string, itemId: string, etag: string, fields: Record<string, unknown>, signal?: AbortSignal): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await t.items.update(t.listId, itemId, fields, etag, signal);
    } catch (e) {
      if (isGraphStatus(e, 412)) throw new ConflictError(t.kind, recordId, { cause: e });
      if (isGraphStatus(e, 404)) throw new NotFoundError(t.kind, recordId);
      if ((!isAmbiguousFailure(e) && !isGraphStatus(e, 429)) || attempt >= MAX_RECONCILES) throw e;
      const now = await t.items.get(t.listId, itemId, signal);
      if (!now) throw new NotFoundError(t.kind, recordId);
      if (now.etag === etag) {
        await pause(attempt, signal);
        continue;
      }
      if (now.fields.Body === fields.Body) return now.etag;
      throw new ConflictError(t.kind, recordId, { cause: e });
    }
  }
}

/** DELETEs only the version the caller read; a lost response is checked by reading the item back. */
export async function removeIfMatch(t: WriteTarget, recordId: string, itemId: string, etag: string, signal?: AbortSignal): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await t.items.remove(t.listId, itemId, etag, signal);
    } catch (e) {
      if (isGraphStatus(e, 412)) throw new ConflictError(t.kind, recordId, { cause: e });
      if (isGraphStatus(e, 404)) throw new NotFoundError(t.kind, recordId);
      if ((!isAmbiguousFailure(e) && !isGraphStatus(e, 429)) || attempt >= MAX_RECONCILES) throw e;
      const now = await t.items.get(t.listId, itemId, signal);
      if (!now) return;
      if (now.etag === etag) {
        await pause(attempt, signal);
        continue;
      }
      throw new ConflictError(t.kind, recordId, { cause: e });
    }
  }
}
