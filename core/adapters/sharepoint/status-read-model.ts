import type { Academy } from '../../domain/academy';
import type { AcademyStatusInputs, Stored } from '../../ports/record-store.port';
import type { GraphTimers } from '../graph/graph-timers';
import type { DeltaResult, ItemRecord, ListItems } from './list-items';
import { toStored } from './sharepoint-collection';
import { inYear, KINDS, yearBounds, type Inputs, type Kind, type StatusLists } from './status-inputs';
import type { StaleMark } from '../../domain/stale-mark';

export type { StaleMark };

/** Status inputs from the read model; `stale` is set when some of it is the last good value. */
export type ReadModelInputs = AcademyStatusInputs & { stale?: StaleMark };

type ListName = Kind | 'academies';
const LISTS: readonly ListName[] = ['academies', ...KINDS];

interface Mirror {
  token?: string;
  /** Parsed records by Graph item id (parsed once, when the item arrives). */
  records: Map<string, Stored<{ id: string; academyId?: string }>>;
  /** When this list was last brought up to date (virtual or real ms). */
  freshAt?: number;
}

/**
 * The trust dashboard's read model: a copy of the eight lists a status reads, kept fresh with list
 * delta queries (listitem-delta.md). SharePoint charges 2 resource units for a multi-item query and
 * counts each request inside a `$batch` (Microsoft Learn, "Avoid getting throttled"): the old
 * fan-out cost 8 queries per academy, about 9,600 units for one view at 600 academies, where an app
 * has 1,200 to 6,000 a minute. A delta call with a token costs 1 unit and returns only changes, so a
 * steady view costs 8 units, one `$batch`, whatever the trust's size; the first view reads each list
 * once, whole.
 *
 * Views that arrive while a refresh is out share it. A list that cannot be read (throttled, a
 * fault) keeps its last good copy and the view is marked stale instead of failing; a list never
 * read has no last good value, so that failure is the view's. A 410 from delta (token expired)
 * reads that list whole again.
 */
export function createStatusReadModel(items: ListItems, lists: StatusLists, timers: GraphTimers) {
  const mirrors = new Map<ListName, Mirror>(LISTS.map((l) => [l, { records: new Map() }]));
  let refreshing: Promise<Map<ListName, unknown>> | undefined;

  const apply = (mirror: Mirror, result: DeltaResult) => {
    for (const id of result.removed) mirror.records.delete(id);
    for (const item of result.changed) mirror.records.set(item.itemId, parse(item));
    mirror.token = result.deltaToken;
    mirror.freshAt = timers.now();
  };

  /** One delta round over every list; returns the lists that failed, with their errors. */
  const refreshOnce = async (signal?: AbortSignal): Promise<Map<ListName, unknown>> => {
    const failed = new Map<ListName, unknown>();
    let wanted: ListName[] = [...LISTS];
    // At most one extra round, for lists whose token Graph no longer serves.
    for (let round = 0; round < 2 && wanted.length > 0; round++) {
      let answers: Map<string, DeltaResult | { resync: true } | { error: unknown }>;
      try {
        answers = await items.deltaMany(
          wanted.map((name) => ({
            key: name,
            listId: lists[name],
            ...(mirrors.get(name)!.token ? { token: mirrors.get(name)!.token! } : {}),
          })),
          signal,
        );
      } catch (e) {
        if (signal?.aborted) throw e;
        for (const name of wanted) failed.set(name, e);
        break;
      }
      const again: ListName[] = [];
      for (const name of wanted) {
        const answer = answers.get(name);
        const mirror = mirrors.get(name)!;
        if (answer && 'resync' in answer) {
          mirror.records.clear();
          delete mirror.token;
          delete mirror.freshAt;
          again.push(name);
        } else if (!answer || 'error' in answer)
          failed.set(name, answer && 'error' in answer ? answer.error : new Error(`no delta answer for ${name}`));
        else apply(mirror, answer);
      }
      wanted = again;
    }
    return failed;
  };

  /** Brings the copy up to date (sharing a refresh already out); a list never read that fails fails the view. */
  const refresh = async (signal?: AbortSignal): Promise<Map<ListName, unknown>> => {
    refreshing ??= refreshOnce(signal).finally(() => (refreshing = undefined));
    const failed = await refreshing;
    for (const [name, error] of failed) if (mirrors.get(name)!.freshAt === undefined) throw error;
    return failed;
  };

  return {
    /** Whether every list has been read at least once (a single academy's status uses the copy only then). */
    get warm(): boolean {
      return [...mirrors.values()].every((m) => m.freshAt !== undefined);
    },

    /** Status inputs for these academies in this year, from the copy after one delta round. */
    async inputsFor(academyIds: readonly string[], academicYear: string, signal?: AbortSignal): Promise<ReadModelInputs[]> {
      const { first, last } = yearBounds(academicYear);
      const ids = [...new Set(academyIds)];
      if (ids.length === 0) return [];
      const failed = await refresh(signal);
      const wanted = new Set(ids);
      const academies = new Map<string, Stored<Academy>>();
      for (const r of mirrors.get('academies')!.records.values())
        if (wanted.has(r.id)) academies.set(r.id, r as unknown as Stored<Academy>);
      const rules = inYear(academicYear, first, last);
      const byKind = new Map<Kind, Map<string, Stored<unknown>[]>>();
      for (const kind of KINDS) {
        const grouped = new Map<string, Stored<unknown>[]>();
        const keep = rules[kind] as (r: unknown) => boolean;
        for (const r of mirrors.get(kind)!.records.values()) {
          const academyId = r.academyId;
          if (academyId === undefined || !wanted.has(academyId) || !keep(r)) continue;
          const list = grouped.get(academyId);
          if (list) list.push(r);
          else grouped.set(academyId, [r]);
        }
        for (const list of grouped.values()) list.sort((a, b) => byId(a as unknown as { id: string }, b as unknown as { id: string }));
        byKind.set(kind, grouped);
      }
      const stale = staleMark(failed, mirrors);
      return ids.flatMap((id) => {
        const academy = academies.get(id);
        if (!academy) return [];
        const inputs = { academy } as ReadModelInputs;
        for (const kind of KINDS) (inputs as unknown as Record<Kind, Stored<unknown>[]>)[kind] = byKind.get(kind)?.get(id) ?? [];
        if (stale) inputs.stale = stale;
        return [inputs];
      });
    },
  };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function parse(item: ItemRecord): Stored<{ id: string; academyId?: string }> {
  return toStored<{ id: string; academyId?: string }>(item);
}

function staleMark(failed: Map<ListName, unknown>, mirrors: Map<ListName, Mirror>): StaleMark | undefined {
  if (failed.size === 0) return undefined;
  const oldest = Math.min(...[...failed.keys()].map((n) => mirrors.get(n)!.freshAt ?? 0));
  return { since: new Date(oldest).toISOString(), lists: [...failed.keys()].sort() };
}

export type StatusReadModel = ReturnType<typeof createStatusReadModel>;
export type { Inputs };
