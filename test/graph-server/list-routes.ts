import { randomUUID } from 'node:crypto';
import { badRequest, graphError, json, notFound, type RouteResponse } from './graph-errors';
import {
  etagOf,
  itemJson,
  recordChange,
  type ColumnDefinition,
  type GraphState,
  type ListItemState,
  type ListState,
  type SiteState,
} from './graph-state';
import { fieldsOf, matches, parseFilter } from './odata-filter';

/** A request as the routes see it: path below `/v1.0`, split into decoded segments. */
export interface RouteRequest {
  method: string;
  segments: string[];
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  /** The absolute URL of the service root, for `@odata.nextLink`. */
  root: string;
  rawPath: string;
}

export interface ListRouteOptions {
  /** Items per page whatever `$top` asks (Graph's page size is not documented: the adapter must follow nextLink). */
  maxPageSize: number;
  /** Chance that a page comes back empty with a nextLink (concepts/paging.md allows it). */
  emptyPageRate: () => boolean;
  /**
   * SharePoint's list view threshold (5,000): a filtered query whose matches pass it fails even on an
   * indexed column (sp-dev-docs#7149, pnp/pnpjs#3149). Tests may lower it to see it cheaply.
   */
  listViewThreshold: number;
  /**
   * The status of a clash on an `enforceUniqueValues` column: Graph documents none, SharePoint REST
   * answers 500 (pnp/pnpcore#1280), so the adapter must cope with both.
   */
  uniqueClashStatus: 409 | 500;
}

/** A single line of text holds 255 characters at most (SharePoint column limits). */
export const SINGLE_LINE_LIMIT = 255;
/** Multiple lines of text: 63,999 characters (SharePoint's column type documentation); to confirm on a tenant (docs/sharepoint.md). */
export const MULTI_LINE_LIMIT = 63_999;

const HONOR_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

/** `/sites/…` routes: site by path, lists, columns, items. */
export function routeSites(state: GraphState, req: RouteRequest, options: ListRouteOptions): RouteResponse {
  const [, siteRef, collection, listRef, sub, subId, leaf] = req.segments;
  if (siteRef === undefined) return notFound('site');
  // GET /sites/{hostname}:/{server-relative-path} (site-getbypath.md)
  if (siteRef.endsWith(':')) {
    const site = state.siteByPath(siteRef.slice(0, -1), '/' + req.segments.slice(2).join('/'));
    return site ? json(200, { id: site.id, webUrl: `https://${site.hostname}${site.path}`, displayName: site.path }) : notFound('site');
  }
  const site = state.sites.get(siteRef);
  if (!site) return notFound('site');
  if (collection !== 'lists') return notFound('resource');
  if (listRef === undefined) {
    if (req.method === 'GET') return json(200, { value: [...site.lists.values()].map(listJson) });
    if (req.method === 'POST') return createList(state, site, req.body);
    return badRequest('method not allowed');
  }
  const list = site.lists.get(listRef) ?? [...site.lists.values()].find((l) => l.displayName === listRef);
  if (!list) return notFound('list');
  if (sub === undefined) return req.method === 'GET' ? json(200, listJson(list)) : badRequest('method not allowed');
  if (sub === 'drive') return list.driveId ? json(200, { id: list.driveId, driveType: 'documentLibrary' }) : notFound('drive');
  if (sub === 'columns') return routeColumns(list, req, subId);
  if (sub === 'items' && subId === 'delta' && req.method === 'GET') return deltaItems(list, req, options);
  if (sub === 'items') return routeItems(state, list, req, options, subId, leaf);
  return notFound('resource');
}

function listJson(list: ListState): Record<string, unknown> {
  return { id: list.id, displayName: list.displayName, name: list.displayName, list: { template: list.template } };
}

function createList(state: GraphState, site: SiteState, body: unknown): RouteResponse {
  const b = body as { displayName?: string; columns?: Record<string, unknown>[]; list?: { template?: string } } | undefined;
  if (!b?.displayName) return badRequest('displayName is required');
  if ([...site.lists.values()].some((l) => l.displayName === b.displayName))
    return graphError(409, 'nameAlreadyExists', `A list named ${b.displayName} already exists`);
  const list = state.addList(site, b.displayName, b.list?.template ?? 'genericList', (b.columns ?? []).map(columnFrom));
  return json(201, listJson(list));
}

const columnFrom = (c: Record<string, unknown>) => ({ ...c, name: String(c.name) });

function routeColumns(list: ListState, req: RouteRequest, columnId: string | undefined): RouteResponse {
  if (columnId === undefined && req.method === 'GET') return json(200, { value: list.columns });
  if (columnId === undefined && req.method === 'POST') {
    const c = req.body as Record<string, unknown>;
    if (typeof c?.name !== 'string') return badRequest('a column needs a name');
    if (list.columns.some((x) => x.name === c.name)) return graphError(409, 'nameAlreadyExists', `A column named ${c.name} already exists`);
    const column = { ...c, name: c.name, id: randomUUID() };
    list.columns.push(column);
    return json(201, column);
  }
  const column = list.columns.find((c) => c.id === columnId);
  if (!column) return notFound('column');
  if (req.method === 'PATCH') {
    Object.assign(column, req.body as object, { id: column.id, name: column.name });
    return json(200, column);
  }
  return req.method === 'GET' ? json(200, column) : badRequest('method not allowed');
}

function routeItems(
  state: GraphState,
  list: ListState,
  req: RouteRequest,
  options: ListRouteOptions,
  itemId?: string,
  leaf?: string,
): RouteResponse {
  if (itemId === undefined) {
    if (req.method === 'GET') return queryItems(list, req, options);
    if (req.method === 'POST') return createItem(state, list, req.body, options);
    return badRequest('method not allowed');
  }
  const item = list.items.get(itemId);
  if (!item) return notFound('item');
  const ifMatch = req.headers['if-match'];
  // If-Match with a stale eTag: 412 and nothing changes (listitem-update.md).
  const stale = ifMatch !== undefined && ifMatch !== '*' && ifMatch !== etagOf(item);
  if (req.method === 'GET' && leaf === undefined) return json(200, itemJson(item));
  if (req.method === 'PATCH' && leaf === 'fields') {
    if (stale) return graphError(412, 'resourceModified', "ETag does not match current item's value");
    const problem = checkFields(list, req.body as Record<string, unknown>, options, item.id);
    if (problem) return problem;
    Object.assign(item.fields, req.body as object);
    list.eqIndex = undefined;
    recordChange(list, item);
    item.version++;
    item.modified = state.now();
    return json(200, itemJson(item).fields);
  }
  if (req.method === 'DELETE' && leaf === undefined) {
    if (stale) return graphError(412, 'resourceModified', "ETag does not match current item's value");
    list.items.delete(item.id);
    list.eqIndex = undefined;
    recordChange(list, item, true);
    return { status: 204 };
  }
  return badRequest('method not allowed');
}

/** The most characters a text column takes: 255 on one line, 63,999 on several (or the column's own `maxLength`). */
export function textLimit(column: ColumnDefinition): number | undefined {
  const text = column.text as { allowMultipleLines?: boolean; maxLength?: number } | undefined;
  if (!text) return undefined;
  const cap = text.allowMultipleLines ? MULTI_LINE_LIMIT : SINGLE_LINE_LIMIT;
  return Math.min(cap, text.maxLength ?? cap);
}

/** Refuses fields the list has no column for, text past its column's limit, and duplicates in a unique column. */
function checkFields(
  list: ListState,
  fields: Record<string, unknown> | undefined,
  options: ListRouteOptions,
  selfId?: string,
): RouteResponse | undefined {
  if (!fields || typeof fields !== 'object') return badRequest('fields are required');
  for (const [name, value] of Object.entries(fields)) {
    const column = list.columns.find((c) => c.name === name);
    if (!column) return badRequest(`Field '${name}' is not recognized`);
    const limit = textLimit(column);
    if (limit !== undefined && typeof value === 'string' && value.length > limit) {
      return badRequest(`The value of field '${name}' is ${value.length} characters; the column takes at most ${limit}.`);
    }
  }
  for (const column of list.columns.filter((c) => c.enforceUniqueValues)) {
    const value = fields[column.name];
    if (value === undefined || value === null) continue;
    for (const other of list.items.values()) {
      if (other.id !== selfId && other.fields[column.name] === value) {
        const message = `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.name}]`;
        return options.uniqueClashStatus === 500
          ? graphError(500, 'generalException', message)
          : graphError(409, 'nameAlreadyExists', message);
      }
    }
  }
  return undefined;
}

function createItem(state: GraphState, list: ListState, body: unknown, options: ListRouteOptions): RouteResponse {
  const fields = (body as { fields?: Record<string, unknown> } | undefined)?.fields;
  const problem = checkFields(list, fields, options);
  if (problem) return problem;
  const now = state.now();
  const item: ListItemState = {
    id: String(list.nextItemId++),
    guid: randomUUID(),
    version: 1,
    created: now,
    modified: now,
    fields: { ...fields },
  };
  list.items.set(item.id, item);
  list.eqIndex = undefined;
  recordChange(list, item);
  return json(201, itemJson(item));
}

/** Items whose column equals a value, from the list's index (so a fan-out of lookups stays cheap). */
function indexedEq(list: ListState, column: string, value: unknown): ListItemState[] {
  list.eqIndex ??= new Map();
  let byValue = list.eqIndex.get(column);
  if (!byValue) {
    byValue = new Map();
    for (const item of list.items.values()) {
      const v = item.fields[column] ?? null;
      const bucket = byValue.get(v);
      if (bucket) bucket.push(item);
      else byValue.set(v, [item]);
    }
    list.eqIndex.set(column, byValue);
  }
  return byValue.get(value) ?? [];
}

/** The fields to return, from `expand=fields(select=A,B)`. */
const selectOf = (req: RouteRequest): string[] | undefined => {
  const expand = req.query.get('expand') ?? req.query.get('$expand') ?? '';
  return /fields\(\$?select=([^)]*)\)/.exec(expand)?.[1]?.split(',');
};

const notIndexed = (name: string) =>
  badRequest(
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${HONOR_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`,
  );

/** A sort key: the `$orderby` column's value (as text), then the item id as a number. */
type SortKey = [string, number];
const compare = (a: SortKey, b: SortKey): number => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] - b[1]);

/**
 * GET items: `expand=fields(select=…)`, `$filter` on indexed columns only, `$orderby` on one indexed
 * column (ascending), `$top`, paging by `$skiptoken`. The skiptoken is a keyset position like
 * SharePoint's own (`Paged=TRUE&p_<column>=<value>&p_ID=<id>`), so an item added later that sorts
 * after it still turns up on a later page. A filter matching more than the list view threshold
 * fails, indexed or not.
 */
function queryItems(list: ListState, req: RouteRequest, options: ListRouteOptions): RouteResponse {
  const select = selectOf(req);
  let candidates = [...list.items.values()];
  const honour = (req.headers['prefer'] ?? '').includes(HONOR_NON_INDEXED);
  const filterText = req.query.get('$filter');
  if (filterText) {
    let filter;
    try {
      filter = parseFilter(filterText);
    } catch (e) {
      return badRequest(`Invalid filter clause: ${(e as Error).message}`);
    }
    for (const name of fieldsOf(filter)) {
      const column = list.columns.find((c) => c.name === name);
      if (!column) return badRequest(`Field '${name}' is not recognized`);
      if (!column.indexed && !honour) return notIndexed(name);
    }
    candidates = filter.op === 'eq' ? indexedEq(list, filter.field, filter.value) : candidates.filter((i) => matches(filter, i.fields));
    if (candidates.length > options.listViewThreshold) {
      return graphError(500, 'generalException', 'The attempted operation is prohibited because it exceeds the list view threshold.');
    }
  }
  const orderText = req.query.get('$orderby');
  let orderField: string | undefined;
  if (orderText) {
    const m = /^fields\/(\w+)(?: asc)?$/.exec(orderText.trim());
    if (!m) return badRequest(`Unsupported $orderby: ${orderText}`);
    orderField = m[1]!;
    const column = list.columns.find((c) => c.name === orderField);
    if (!column) return badRequest(`Field '${orderField}' is not recognized`);
    if (!column.indexed && !honour) return notIndexed(orderField);
  }
  const keyOf = (i: ListItemState): SortKey => [orderField ? String(i.fields[orderField] ?? '') : '', Number(i.id)];
  const token = req.query.get('$skiptoken');
  const after = token ? readSkipToken(token, orderField) : undefined;
  if (token && !after) return badRequest('The $skiptoken is not valid for this query.');
  const top = Math.min(Number(req.query.get('$top') ?? options.maxPageSize) || options.maxPageSize, options.maxPageSize);
  const rest = candidates
    .map((i) => ({ i, k: keyOf(i) }))
    .filter((x) => !after || compare(x.k, after) > 0)
    .sort((a, b) => compare(a.k, b.k));
  const page = options.emptyPageRate() && rest.length > 0 ? [] : rest.slice(0, top);
  const body: Record<string, unknown> = { value: page.map((x) => itemJson(x.i, select)) };
  if (rest.length > page.length) {
    const last = page[page.length - 1]?.k ?? after ?? (['', 0] as SortKey);
    const next = new URLSearchParams(req.query);
    next.set('$skiptoken', skipToken(last, orderField));
    body['@odata.nextLink'] = `${req.root}${req.rawPath}?${next.toString()}`;
  }
  return json(200, body);
}

const skipToken = (k: SortKey, orderField: string | undefined): string =>
  `Paged=TRUE${orderField ? `&p_${orderField}=${encodeURIComponent(k[0])}` : ''}&p_ID=${k[1]}`;

function readSkipToken(token: string, orderField: string | undefined): SortKey | undefined {
  const params = new URLSearchParams(token);
  const id = Number(params.get('p_ID'));
  if (params.get('Paged') !== 'TRUE' || !Number.isInteger(id)) return undefined;
  if (!orderField) return ['', id];
  const v = params.get(`p_${orderField}`);
  return v === null ? undefined : [v, id];
}

/**
 * GET items/delta (listitem-delta.md): without a token it enumerates every item in pages; with a
 * token only what changed since, deleted items carrying `deleted` and `@removed`. Every last page
 * carries `@odata.deltaLink` with the token for next time; earlier pages `@odata.nextLink`. A token
 * from the future or of another list is a 410, as Graph answers a token it cannot serve.
 */
function deltaItems(list: ListState, req: RouteRequest, options: ListRouteOptions): RouteResponse {
  const select = selectOf(req);
  const now = list.changeSeq ?? 0;
  const tokenText = req.query.get('token');
  const since = tokenText === null ? undefined : Number(tokenText.split(':')[0]);
  if (since !== undefined && (!Number.isInteger(since) || since > now || since < 0)) {
    return graphError(410, 'resyncRequired', 'The delta token is no longer valid; start again without one.', {
      Location: `${req.root}${req.rawPath}`,
    });
  }
  // An enumeration in progress keeps the change number it started at (`:<snapshot>` in its token).
  const snapshot = tokenText?.includes(':') ? Number(tokenText.split(':')[1]) : now;
  const afterId = Number(req.query.get('$skiptoken') ?? 0) || 0;
  const changed: { id: number; json: Record<string, unknown> }[] = [];
  for (const item of list.items.values())
    if (since === undefined || (item.seq ?? 0) > since) changed.push({ id: Number(item.id), json: itemJson(item, select) });
  if (since !== undefined) {
    for (const t of list.tombstones ?? []) {
      if (t.seq > since && !list.items.has(t.id))
        changed.push({ id: Number(t.id), json: { id: t.id, deleted: { state: 'deleted' }, '@removed': { reason: 'deleted' } } });
    }
  }
  const rest = changed.filter((c) => c.id > afterId).sort((a, b) => a.id - b.id);
  const top = Math.min(Number(req.query.get('$top') ?? options.maxPageSize) || options.maxPageSize, options.maxPageSize);
  const page = options.emptyPageRate() && rest.length > 0 ? [] : rest.slice(0, top);
  const body: Record<string, unknown> = { value: page.map((c) => c.json) };
  if (rest.length > page.length) {
    const next = new URLSearchParams(req.query);
    next.set('token', `${since ?? 0}:${snapshot}`);
    if (since === undefined) next.set('token', `0:${snapshot}`);
    next.set('$skiptoken', String(page[page.length - 1]?.id ?? afterId));
    body['@odata.nextLink'] = `${req.root}${req.rawPath}?${next.toString()}`;
  } else {
    const link = new URLSearchParams();
    const keep = req.query.get('expand') ?? req.query.get('$expand');
    if (keep) link.set('expand', keep);
    link.set('token', String(snapshot));
    body['@odata.deltaLink'] = `${req.root}${req.rawPath}?${link.toString()}`;
  }
  return json(200, body);
}
