import { sendBatch, type BatchItem } from '../graph/batch';
import type { GraphClient } from '../graph/graph-client';
import { errorFromResponse } from '../graph/graph-error';

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
  value?: { id: string; eTag?: string; fields?: Record<string, unknown> }[];
  '@odata.nextLink'?: string;
}

export interface ListItemsOptions {
  /** Asked for with `$top`; Graph may send fewer (its page size is not documented), so nextLinks are always followed. */
  pageSize?: number;
  maxConcurrentBatches?: number;
}

/** Reads and writes list items on one site: `expand=fields` to read, `fields` to write (listitem-*.md). */
export function createListItems(client: GraphClient, siteId: string, options: ListItemsOptions = {}) {
  const top = options.pageSize ?? 500;
  const itemsPath = (listId: string) => `/sites/${siteId}/lists/${listId}/items`;
  const queryPath = (q: ItemQuery) =>
    `${itemsPath(q.listId)}?expand=${encodeURIComponent('fields(select=RecordId,Body)')}&$top=${top}` + (q.filter ? `&$filter=${encodeURIComponent(q.filter)}` : '');
  const toRecords = (page: ItemsPage): ItemRecord[] =>
    (page.value ?? []).map((i) => ({ itemId: i.id, etag: String(i.eTag ?? i.fields?.['@odata.etag'] ?? ''), fields: i.fields ?? {} }));

  return {
    /** Every item matching, page after page until no `@odata.nextLink` (concepts/paging.md; a page may be empty). */
    async query(q: Omit<ItemQuery, 'key'>, signal?: AbortSignal): Promise<ItemRecord[]> {
      const out: ItemRecord[] = [];
      let path: string | undefined = queryPath({ ...q, key: '' });
      while (path) {
        const page: ItemsPage = await client.call<ItemsPage>('GET', path, { signal });
        out.push(...toRecords(page));
        path = page['@odata.nextLink'];
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
        const answers = await sendBatch(client, wave, { signal, ...(options.maxConcurrentBatches ? { maxConcurrentBatches: options.maxConcurrentBatches } : {}) });
        const next: BatchItem[] = [];
        for (const item of wave) {
          const response = answers.get(item.id);
          if (!response) throw new Error(`$batch gave no answer for request ${item.id}`);
          if (response.status !== 200) throw errorFromResponse(response, `GET ${item.url.split('?')[0]}`);
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
      if (response.status !== 200) throw errorFromResponse(response, 'GET list item');
      return toRecords({ value: [response.body as { id: string }] })[0];
    },

    /** POST `{ fields }` → 201 with the new item. */
    async create(listId: string, fields: Record<string, unknown>, signal?: AbortSignal): Promise<ItemRecord> {
      const item = await client.call<{ id: string; eTag?: string; fields?: Record<string, unknown> }>('POST', itemsPath(listId), { body: { fields }, signal });
      return toRecords({ value: [item] })[0] as ItemRecord;
    },

    /** PATCH `…/fields` with `If-Match`: a stale eTag is a 412 and nothing changes (listitem-update.md). Returns the new eTag. */
    async update(listId: string, itemId: string, fields: Record<string, unknown>, etag: string, signal?: AbortSignal): Promise<string> {
      const values = await client.call<Record<string, unknown>>('PATCH', `${itemsPath(listId)}/${itemId}/fields`, { body: fields, headers: { 'If-Match': etag }, signal });
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
