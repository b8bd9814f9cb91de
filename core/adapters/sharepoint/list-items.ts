import { sendBatch, type BatchItem } from '../graph/batch';
import type { GraphClient } from '../graph/graph-client';
import { failureFrom } from '../graph/graph-error';

/** A list item as the adapter uses it: Graph's item id, its eTag and the fields asked for. */
export interface ItemRecord {
  itemId: string;
  etag: string;
  fields: Record<string, unknown>;
}

/** One filtered read of a list, named so a fan-out can match the answers. */
export interface ItemQuery {
  key: string;
  listId: string;
  /** One indexed column at a time (Graph: "can only filter one indexed field at a time"). */
  filter?: string;
}

interface ItemsPage {
  value?: { id: string; eTag?: string; fields?: Record<string, unknown>; deleted?: unknown; '@removed'?: unknown }[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface ListItemsOptions {
  /** Asked for with `$top`; Graph may send fewer (its page size is not documented), so nextLinks are always followed. */
  pageSize?: number;
  maxConcurrentBatches?: number;
}

/** One page of a server-paged query: the items, and Graph's `$skiptoken` for the next page when there is one. */
export interface ItemsPageResult {
  items: ItemRecord[];
  skipToken?: string;
}

/** What a delta round brought: items written since the token (latest state), ids removed, and the token for next time. */
export interface DeltaResult {
  changed: ItemRecord[];
  removed: string[];
  deltaToken: string;
}

/** The fields every read asks for: the record lives in Body, RecordId identifies it (expand=fields(select=…)). */
const EXPAND = `expand=${encodeURIComponent('fields(select=RecordId,Body)')}`;

/** Reads and writes list items on one site: `expand=fields` to read, `fields` to write (listitem-*.md). */
export function createListItems(client: GraphClient, siteId: string, options: ListItemsOptions = {}) {
  const top = options.pageSize ?? 500;
  const itemsPath = (listId: string) => `/sites/${siteId}/lists/${listId}/items`;
  const queryPath = (q: Pick<ItemQuery, 'listId' | 'filter'>) =>
    `${itemsPath(q.listId)}?${EXPAND}&$top=${top}` + (q.filter ? `&$filter=${encodeURIComponent(q.filter)}` : '');
  const toRecords = (page: ItemsPage): ItemRecord[] =>
    (page.value ?? [])
      .filter((i) => !i.deleted && !i['@removed'])
      .map((i) => ({
        itemId: i.id,
        etag: [i.eTag, i.fields?.['@odata.etag']].find((e): e is string => typeof e === 'string') ?? '',
        fields: i.fields ?? {},
      }));

  return {
    /** The clock and waits of the client, so callers pause on the same (possibly virtual) time. */
    timers: client.throttle.timers,

    /** Every item matching, page after page until no `@odata.nextLink` (concepts/paging.md; a page may be empty). */
    async query(q: Omit<ItemQuery, 'key'>, signal?: AbortSignal): Promise<ItemRecord[]> {
      const out: ItemRecord[] = [];
      let path: string | undefined = queryPath(q);
      while (path) {
        const page: ItemsPage = await client.call<ItemsPage>('GET', path, { signal });
        out.push(...toRecords(page));
        path = page['@odata.nextLink'] ? client.relative(page['@odata.nextLink']) : undefined;
      }
      return out;
    },

    /**
     * One server page of a query ordered by an indexed column, resuming at Graph's `$skiptoken`
     * (concepts/paging.md), so listing n items costs n / pageSize GETs rather than re-reading the
     * whole set for every page. Only the skiptoken is carried between calls (never a whole URL),
     * so a cursor from outside cannot point the app at another resource.
     */
    async page(
      q: { listId: string; filter?: string; orderBy: string; pageSize: number; skipToken?: string },
      signal?: AbortSignal,
    ): Promise<ItemsPageResult> {
      const path =
        `${itemsPath(q.listId)}?${EXPAND}&$top=${q.pageSize}&$orderby=${encodeURIComponent(`fields/${q.orderBy}`)}` +
        (q.filter ? `&$filter=${encodeURIComponent(q.filter)}` : '') +
        (q.skipToken ? `&$skiptoken=${encodeURIComponent(q.skipToken)}` : '');
      const page = await client.call<ItemsPage>('GET', path, { signal });
      const next = page['@odata.nextLink'];
      const skipToken = next ? (new URL(next, 'https://graph.invalid').searchParams.get('$skiptoken') ?? undefined) : undefined;
      return { items: toRecords(page), ...(skipToken ? { skipToken } : {}) };
    },

    /**
     * The changes to many lists since their tokens, in one `$batch` wave per page
     * (listitem-delta.md): without a token a list is read whole (2 resource units a page), with one
     * only what changed (1 unit). A list whose token Graph no longer serves (410) comes back
     * `resync`; one whose read failed comes back as its error, so the caller can keep what it had.
     */
    async deltaMany(
      requests: readonly { key: string; listId: string; token?: string }[],
      signal?: AbortSignal,
    ): Promise<Map<string, DeltaResult | { resync: true } | { error: unknown }>> {
      const out = new Map<string, DeltaResult | { resync: true } | { error: unknown }>();
      const acc = new Map(requests.map((r) => [r.key, { changed: new Map<string, ItemRecord>(), removed: new Set<string>() }]));
      let wave: BatchItem[] = requests.map((r) => ({
        id: r.key,
        method: 'GET',
        url: `${itemsPath(r.listId)}/delta?${EXPAND}&$top=${top}${r.token ? `&token=${encodeURIComponent(r.token)}` : ''}`,
      }));
      while (wave.length > 0) {
        const answers = await sendBatch(client, wave, {
          signal,
          ...(options.maxConcurrentBatches ? { maxConcurrentBatches: options.maxConcurrentBatches } : {}),
        });
        const next: BatchItem[] = [];
        for (const item of wave) {
          const response = answers.get(item.id);
          if (response?.status === 410) {
            out.set(item.id, { resync: true });
            continue;
          }
          if (!response || response.status !== 200) {
            out.set(item.id, {
              error: response
                ? failureFrom(response, 'GET list delta', true, client.throttle.timers.now())
                : new Error(`$batch gave no answer for ${item.id}`),
            });
            continue;
          }
          const page = response.body as ItemsPage;
          const seen = acc.get(item.id)!;
          // The same item may come more than once: the last occurrence wins (listitem-delta.md).
          for (const v of page.value ?? []) {
            if (v.deleted || v['@removed']) {
              seen.changed.delete(v.id);
              seen.removed.add(v.id);
            } else {
              seen.removed.delete(v.id);
              seen.changed.set(v.id, toRecords({ value: [v] })[0]!);
            }
          }
          const link = page['@odata.nextLink'];
          const done = page['@odata.deltaLink'];
          if (link) next.push({ id: item.id, method: 'GET', url: client.relative(link) });
          else if (done) {
            const deltaToken = new URL(done, 'https://graph.invalid').searchParams.get('token') ?? '';
            out.set(item.id, { changed: [...seen.changed.values()], removed: [...seen.removed], deltaToken });
          } else out.set(item.id, { error: new Error('delta page without nextLink or deltaLink') });
        }
        wave = next;
      }
      return out;
    },

    /**
     * Many reads at once, in `$batch`es of 20 sent together: one wave of round trips, plus one more
     * wave for whichever reads had a next page.
     */
    async queryMany(queries: readonly ItemQuery[], signal?: AbortSignal): Promise<Map<string, ItemRecord[]>> {
      const out = new Map<string, ItemRecord[]>(queries.map((q) => [q.key, []]));
      let wave: BatchItem[] = queries.map((q, i) => ({ id: String(i), method: 'GET', url: queryPath(q) }));
      const keyOf = new Map(queries.map((q, i) => [String(i), q.key]));
      while (wave.length > 0) {
        const answers = await sendBatch(client, wave, {
          signal,
          ...(options.maxConcurrentBatches ? { maxConcurrentBatches: options.maxConcurrentBatches } : {}),
        });
        const next: BatchItem[] = [];
        for (const item of wave) {
          const response = answers.get(item.id);
          if (!response) throw new Error(`$batch gave no answer for request ${item.id}`);
          if (response.status !== 200) throw failureFrom(response, `GET ${item.url.split('?')[0]}`, true, client.throttle.timers.now());
          const page = response.body as ItemsPage;
          out.get(keyOf.get(item.id) as string)?.push(...toRecords(page));
          const link = page['@odata.nextLink'];
          if (link) next.push({ id: item.id, method: 'GET', url: client.relative(link) });
        }
        wave = next;
      }
      return out;
    },

    /** One item by Graph id, or undefined when gone. */
    async get(listId: string, itemId: string, signal?: AbortSignal): Promise<ItemRecord | undefined> {
      const response = await client.send('GET', `${itemsPath(listId)}/${itemId}?expand=fields`, { signal });
      if (response.status === 404) return undefined;
      if (response.status !== 200) throw failureFrom(response, 'GET list item', true, client.throttle.timers.now());
      return toRecords({ value: [response.body as { id: string }] })[0];
    },

    /** POST `{ fields }` → 201 with the new item. */
    async create(listId: string, fields: Record<string, unknown>, signal?: AbortSignal): Promise<ItemRecord> {
      const item = await client.call<{ id: string; eTag?: string; fields?: Record<string, unknown> }>('POST', itemsPath(listId), {
        body: { fields },
        signal,
      });
      return toRecords({ value: [item] })[0] as ItemRecord;
    },

    /** PATCH `…/fields` with `If-Match`: a stale eTag is a 412 and nothing changes (listitem-update.md). Returns the new eTag. */
    async update(listId: string, itemId: string, fields: Record<string, unknown>, etag: string, signal?: AbortSignal): Promise<string> {
      const values = await client.call<Record<string, unknown>>('PATCH', `${itemsPath(listId)}/${itemId}/fields`, {
        body: fields,
        headers: { 'If-Match': etag },
        signal,
      });
      const next = values?.['@odata.etag'];
      if (typeof next === 'string') return next;
      // The field values did not carry the eTag: read it.
      return (await this.get(listId, itemId, signal))?.etag ?? '';
    },

    /** DELETE with `If-Match` → 204. */
    async remove(listId: string, itemId: string, etag: string, signal?: AbortSignal): Promise<void> {
      await client.call('DELETE', `${itemsPath(listId)}/${itemId}`, { headers: { 'If-Match': etag }, signal });
    },
  };
}

export type ListItems = ReturnType<typeof createListItems>;
