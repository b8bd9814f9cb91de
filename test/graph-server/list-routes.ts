import { randomUUID } from 'node:crypto';
import { badRequest, graphError, json, notFound, type RouteResponse } from './graph-errors';
import { etagOf, itemJson, type GraphState, type ListItemState, type ListState, type SiteState } from './graph-state';
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
}

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
  if (sub === 'items') return routeItems(state, list, req, options, subId, leaf);
  return notFound('resource');
}

function listJson(list: ListState): Record<string, unknown> {
  return { id: list.id, displayName: list.displayName, name: list.displayName, list: { template: list.template } };
}

function createList(state: GraphState, site: SiteState, body: unknown): RouteResponse {
  const b = body as { displayName?: string; columns?: Record<string, unknown>[]; list?: { template?: string } } | undefined;
  if (!b?.displayName) return badRequest('displayName is required');
  if ([...site.lists.values()].some((l) => l.displayName === b.displayName)) return graphError(409, 'nameAlreadyExists', `A list named ${b.displayName} already exists`);
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

function routeItems(state: GraphState, list: ListState, req: RouteRequest, options: ListRouteOptions, itemId?: string, leaf?: string): RouteResponse {
  if (itemId === undefined) {
    if (req.method === 'GET') return queryItems(list, req, options);
    if (req.method === 'POST') return createItem(state, list, req.body);
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
    const problem = checkFields(list, req.body as Record<string, unknown>, item.id);
    if (problem) return problem;
    Object.assign(item.fields, req.body as object);
    list.eqIndex = undefined;
    item.version++;
    item.modified = state.now();
    return json(200, itemJson(item).fields);
  }
  if (req.method === 'DELETE' && leaf === undefined) {
    if (stale) return graphError(412, 'resourceModified', "ETag does not match current item's value");
    list.items.delete(item.id);
    list.eqIndex = undefined;
    return { status: 204 };
  }
  return badRequest('method not allowed');
}

/** Refuses fields the list has no column for, and duplicates in a unique column. */
function checkFields(list: ListState, fields: Record<string, unknown> | undefined, selfId?: string): RouteResponse | undefined {
  if (!fields || typeof fields !== 'object') return badRequest('fields are required');
  for (const name of Object.keys(fields)) {
    if (!list.columns.some((c) => c.name === name)) return badRequest(`Field '${name}' is not recognized`);
  }
  for (const column of list.columns.filter((c) => c.enforceUniqueValues)) {
    const value = fields[column.name];
    if (value === undefined || value === null) continue;
    for (const other of list.items.values()) {
      if (other.id !== selfId && other.fields[column.name] === value) {
        return graphError(409, 'nameAlreadyExists', `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.name}]`);
      }
    }
  }
  return undefined;
}

function createItem(state: GraphState, list: ListState, body: unknown): RouteResponse {
  const fields = (body as { fields?: Record<string, unknown> } | undefined)?.fields;
  const problem = checkFields(list, fields);
  if (problem) return problem;
  const now = state.now();
  const item: ListItemState = { id: String(list.nextItemId++), guid: randomUUID(), version: 1, created: now, modified: now, fields: { ...fields } };
  list.items.set(item.id, item);
  list.eqIndex = undefined;
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

/** GET items: `expand=fields(select=…)`, `$filter` on indexed columns only, `$top`, paging by `$skiptoken`. */
function queryItems(list: ListState, req: RouteRequest, options: ListRouteOptions): RouteResponse {
  const expand = req.query.get('expand') ?? req.query.get('$expand') ?? '';
  const select = /fields\(\$?select=([^)]*)\)/.exec(expand)?.[1]?.split(',');
  let candidates = [...list.items.values()];
  const filterText = req.query.get('$filter');
  if (filterText) {
    let filter;
    try {
      filter = parseFilter(filterText);
    } catch (e) {
      return badRequest(`Invalid filter clause: ${(e as Error).message}`);
    }
    const honour = (req.headers['prefer'] ?? '').includes(HONOR_NON_INDEXED);
    for (const name of fieldsOf(filter)) {
      const column = list.columns.find((c) => c.name === name);
      if (!column) return badRequest(`Field '${name}' is not recognized`);
      if (!column.indexed && !honour) {
        return badRequest(`Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${HONOR_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`);
      }
    }
    candidates = filter.op === 'eq' ? indexedEq(list, filter.field, filter.value) : candidates.filter((i) => matches(filter, i.fields));
  }
  const top = Math.min(Number(req.query.get('$top') ?? options.maxPageSize) || options.maxPageSize, options.maxPageSize);
  const after = Number(req.query.get('$skiptoken') ?? '0');
  const rest = candidates.filter((i) => Number(i.id) > after).sort((a, b) => Number(a.id) - Number(b.id));
  const page = options.emptyPageRate() && rest.length > 0 ? [] : rest.slice(0, top);
  const more = rest.length > page.length;
  const body: Record<string, unknown> = { value: page.map((i) => itemJson(i, select)) };
  if (more) {
    const next = new URLSearchParams(req.query);
    next.set('$skiptoken', String(page.length > 0 ? page[page.length - 1]!.id : after));
    body['@odata.nextLink'] = `${req.root}${req.rawPath}?${next.toString()}`;
  }
  return json(200, body);
}
