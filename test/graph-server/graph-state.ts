import { randomUUID } from 'node:crypto';

/** A column as Graph describes it (resources/columndefinition.md): name, facets, indexed, unique. */
export interface ColumnDefinition {
  id: string;
  name: string;
  displayName?: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  required?: boolean;
  [facet: string]: unknown;
}

export interface ListItemState {
  id: string;
  guid: string;
  version: number;
  created: string;
  modified: string;
  fields: Record<string, unknown>;
  /** The list's change number when the item was last written (what a delta token compares with). */
  seq?: number;
}

export interface ListState {
  id: string;
  displayName: string;
  template: string;
  columns: ColumnDefinition[];
  items: Map<string, ListItemState>;
  nextItemId: number;
  driveId?: string;
  /** Items by column value, built on demand for `eq` filters and dropped on every write (SharePoint's column index). */
  eqIndex?: Map<string, Map<unknown, ListItemState[]>>;
  /** Rises on every write; a delta token is the number it had when the token was given. */
  changeSeq?: number;
  /** Items deleted, with the change number of their deletion (for delta). */
  tombstones?: { id: string; seq: number }[];
}

/** Marks a write to `item` (or its deletion) in the list's change log, for delta queries. */
export function recordChange(list: ListState, item: ListItemState | { id: string }, deleted = false): void {
  list.changeSeq = (list.changeSeq ?? 0) + 1;
  if (deleted) (list.tombstones ??= []).push({ id: item.id, seq: list.changeSeq });
  else (item as ListItemState).seq = list.changeSeq;
}

export interface DriveItemState {
  id: string;
  name: string;
  parentId: string | null;
  folder: boolean;
  size: number;
  content?: Buffer;
}

export interface SiteState {
  id: string;
  hostname: string;
  path: string;
  lists: Map<string, ListState>;
}

/** Everything the fake Graph holds, in memory; tests may read it to check what really happened. */
export class GraphState {
  readonly sites = new Map<string, SiteState>();
  readonly drives = new Map<string, Map<string, DriveItemState>>();
  private clockMs = Date.parse('2026-09-01T08:00:00Z');

  /** A site reachable as `/sites/{hostname}:{path}`; its id has Graph's "host,guid,guid" shape. */
  addSite(hostname: string, path: string): SiteState {
    const site: SiteState = { id: `${hostname},${randomUUID()},${randomUUID()}`, hostname, path, lists: new Map() };
    this.sites.set(site.id, site);
    return site;
  }

  siteByPath(hostname: string, path: string): SiteState | undefined {
    return [...this.sites.values()].find((s) => s.hostname === hostname && s.path.toLowerCase() === path.toLowerCase());
  }

  /** A new list; a generic list gets Graph's built-in Title column, a library gets a drive. */
  addList(site: SiteState, displayName: string, template: string, columns: Omit<ColumnDefinition, 'id'>[]): ListState {
    const builtIn: Omit<ColumnDefinition, 'id'>[] =
      template === 'documentLibrary' ? [{ name: 'FileLeafRef', text: {} }] : [{ name: 'Title', text: {} }];
    const list: ListState = {
      id: randomUUID(),
      displayName,
      template,
      columns: [...builtIn, ...columns].map((c) => ({ ...c, name: c.name, id: randomUUID() }) as ColumnDefinition),
      items: new Map(),
      nextItemId: 1,
    };
    if (template === 'documentLibrary') {
      list.driveId = `b!${randomUUID().replace(/-/g, '')}`;
      this.drives.set(list.driveId, new Map([['root', { id: 'root', name: 'root', parentId: null, folder: true, size: 0 }]]));
    }
    site.lists.set(list.id, list);
    return list;
  }

  /** A timestamp that moves on with every write, so `lastModifiedDateTime` changes. */
  now(): string {
    this.clockMs += 1000;
    return new Date(this.clockMs).toISOString();
  }
}

/** An item's eTag: opaque, quoted, "<guid>,<version>" with the version rising on every write. */
export const etagOf = (item: ListItemState): string => `"${item.guid},${item.version}"`;

/** The item as Graph returns it with `expand=fields`, optionally only some fields. */
export function itemJson(item: ListItemState, select?: readonly string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = { '@odata.etag': etagOf(item), id: item.id, Created: item.created, Modified: item.modified };
  for (const [k, v] of Object.entries(item.fields)) if (!select || select.includes(k)) fields[k] = v;
  return {
    id: item.id,
    eTag: etagOf(item),
    createdDateTime: item.created,
    lastModifiedDateTime: item.modified,
    webUrl: `https://example.invalid/items/${item.id}`,
    fields,
  };
}
