import { createHash } from 'node:crypto';
import { ConflictError, NotFoundError, ServiceBusyError } from '../../domain/errors';
import { isAmbiguousFailure, isGraphStatus } from '../graph/graph-error';
import { odataString, SINGLE_LINE_MAX } from './column-spec';
import type { ItemRecord, ListItems } from './list-items';

/**
 * How often a write whose outcome was unknown is checked and tried again before giving up. The
 * client has already waited out any throttling (`Retry-After`, within the work's patience), so this
 * loop never re-sends a throttled write itself: the 429 came back because waiting longer was not
 * allowed, and sending again would only prolong the throttle.
 */
const MAX_RECONCILES = 6;

/** A short, growing pause before sending a write again after a lost answer (the read in between already spaced it). */
const pause = (t: WriteTarget, attempt: number, signal?: AbortSignal) => t.items.timers.sleep(Math.min(2000, 25 * 2 ** attempt), signal);

export interface WriteTarget {
  items: ListItems;
  listId: string;
  kind: string;
}

/**
 * The key as stored: the IdempotencyKey column is a single line of text (255 characters), and a
 * caller's key can be longer (`import:person:<e-mail>`). Only equality matters for a key, so a long
 * one is stored as its SHA-256, the same every time.
 */
export const storedKey = (key: string): string =>
  key.length <= SINGLE_LINE_MAX ? key : `sha256:${createHash('sha256').update(key).digest('base64url')}`;

/** The one item holding an indexed unique value, or undefined. */
export async function findBy(
  t: WriteTarget,
  column: 'RecordId' | 'IdempotencyKey',
  value: string,
  signal?: AbortSignal,
): Promise<ItemRecord | undefined> {
  const found = await t.items.query({ listId: t.listId, filter: `fields/${column} eq ${odataString(value)}` }, signal);
  return found[0];
}

/**
 * A clash on a unique column: Graph documents no status, SharePoint REST answers 500 and some
 * reports say 409 (pnp/pnpcore#1280; GRAPH-NOTES.md). Both are handled the same way: look.
 */
const mayBeUniqueClash = (e: unknown): boolean => isGraphStatus(e, 409) || isGraphStatus(e, 500);

/**
 * Creates an item carrying the caller's idempotency key (an indexed, unique column). A response can
 * be lost after the write, and a unique clash can come back as 409 or 500, so:
 * - a key already stored returns that item (`created: false`);
 * - after a 409 / 500 / timeout / 5xx the key is looked up: its item is ours when it carries our
 *   record id (`created: true`), someone else's create with the same key otherwise (`created: false`);
 * - no item with the key but the record id taken: a `ConflictError`;
 * - neither: the write did not land, so it is sent again (a bounded number of times).
 */
export async function createOnce(
  t: WriteTarget,
  recordId: string,
  key: string,
  fields: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<{ item: ItemRecord; created: boolean }> {
  const existing = await findBy(t, 'IdempotencyKey', key, signal);
  if (existing) return { item: existing, created: false };
  // Whether one of our sends may have landed unseen: then an item with our key and record id is ours.
  let mayHaveLanded = false;
  const idValue = typeof fields.RecordId === 'string' ? fields.RecordId : recordId;
  for (let attempt = 0; ; attempt++) {
    try {
      return { item: await t.items.create(t.listId, fields, signal), created: true };
    } catch (e) {
      if (!mayBeUniqueClash(e) && !isAmbiguousFailure(e)) throw e;
      mayHaveLanded ||= isAmbiguousFailure(e);
      const landed = await findBy(t, 'IdempotencyKey', key, signal);
      // A 409 is a refusal: the item is someone else's unless an earlier send of ours may have made it.
      if (landed) return { item: landed, created: String(landed.fields.RecordId) === idValue && mayHaveLanded };
      // A 409 is a clash for certain; a 500 only when the record id is indeed taken.
      if (isGraphStatus(e, 409) || (mayBeUniqueClash(e) && (await findBy(t, 'RecordId', idValue, signal))))
        throw new ConflictError(t.kind, recordId, { cause: e });
      if (attempt >= MAX_RECONCILES) throw busyOr(e);
      await pause(t, attempt, signal);
    }
  }
}

/** A write SharePoint kept answering 503 to is "busy, try later" to a person, not a crash. */
function busyOr(e: unknown): unknown {
  return isGraphStatus(e, 503) ? new ServiceBusyError(30, 'SharePoint', { cause: e }) : e;
}

/**
 * PATCHes an item's fields only if it still has the eTag the caller read (If-Match): a 412 is a
 * `ConflictError`, never a silent overwrite. When the outcome is unknown the item is read back:
 * our body there means it landed; its old eTag means it did not (send again); anything else is
 * someone else's change.
 */
export async function updateIfMatch(
  t: WriteTarget,
  recordId: string,
  itemId: string,
  etag: string,
  fields: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await t.items.update(t.listId, itemId, fields, etag, signal);
    } catch (e) {
      if (isGraphStatus(e, 412)) throw new ConflictError(t.kind, recordId, { cause: e });
      if (isGraphStatus(e, 404)) throw new NotFoundError(t.kind, recordId);
      // A unique clash on update (the record id taken): someone else holds it.
      if (isGraphStatus(e, 409)) throw new ConflictError(t.kind, recordId, { cause: e });
      if (!isAmbiguousFailure(e)) throw e;
      if (attempt >= MAX_RECONCILES) throw busyOr(e);
      const now = await t.items.get(t.listId, itemId, signal);
      if (!now) throw new NotFoundError(t.kind, recordId);
      if (now.etag === etag) {
        await pause(t, attempt, signal);
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
      if (!isAmbiguousFailure(e)) throw e;
      if (attempt >= MAX_RECONCILES) throw busyOr(e);
      const now = await t.items.get(t.listId, itemId, signal);
      if (!now) return;
      if (now.etag === etag) {
        await pause(t, attempt, signal);
        continue;
      }
      throw new ConflictError(t.kind, recordId, { cause: e });
    }
  }
}
