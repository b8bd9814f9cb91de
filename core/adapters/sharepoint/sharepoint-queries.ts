import type { ActionItem } from '../../domain/action-item';
import { parseOrThrow } from '../../domain/errors';
import { localDateSchema, type LocalDate } from '../../domain/local-date';
import type { Meeting } from '../../domain/meeting';
import type { Person } from '../../domain/people';
import {
  pagedList,
  type CallOptions,
  type PageOptions,
  type PagedList,
  type RecordStore,
  type Stored,
} from '../../ports/record-store.port';
import { emailKey } from '../shared/record-columns';
import { odataString } from './column-spec';
import type { ListItems } from './list-items';
import { pageInMemory } from './memory-page';
import { toStored } from './sharepoint-collection';

type PeopleQueries = Pick<RecordStore['people'], 'byEmail' | 'byEntraObjectId'>;
type MeetingQueries = Pick<RecordStore['meetings'], 'inRange'>;
type ActionQueries = Pick<RecordStore['actions'], 'openByOwner'>;

const date = (value: unknown, field: string): LocalDate => parseOrThrow(localDateSchema, value, field);
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Sign-in lookups, each one filter on an indexed column. */
export function peopleQueries(items: ListItems, listId: string): PeopleQueries {
  // Two people could carry one address; the lowest id wins so the answer never flips between calls.
  const first = async (column: string, value: string, signal?: AbortSignal): Promise<Stored<Person> | undefined> => {
    const found = await items.query({ listId, filter: `fields/${column} eq ${odataString(value)}` }, signal);
    return found.map((i) => toStored<Person>(i)).sort(byId)[0];
  };
  return {
    byEmail: (email: string, options?: CallOptions) => first('EmailKey', emailKey(email), options?.signal),
    byEntraObjectId: (oid: string, options?: CallOptions) => first('EntraObjectId', oid, options?.signal),
  };
}

/** The meeting calendar. */
export function meetingQueries(items: ListItems, listId: string): MeetingQueries {
  return {
    inRange(range: { from: LocalDate; to: LocalDate; academyId?: string }, options?: PageOptions): PagedList<Stored<Meeting>> {
      const { academyId } = range;
      return pagedList(async (page) => {
        page.signal?.throwIfAborted();
        const from = date(range.from, 'range start');
        const to = date(range.to, 'range end');
        // One indexed column per filter: the academy when given (an academy's meetings stay few), else
        // the dates one calendar month at a time, so no single query's matches grow past the 5,000-item
        // threshold as the trust grows (sp-dev-docs#7149, pnp/pnpjs#3149); the months go as one $batch wave.
        const queries =
          academyId !== undefined
            ? [{ key: 'academy', listId, filter: `fields/AcademyId eq ${odataString(academyId)}` }]
            : monthsOf(from, to).map(([a, b]) => ({
                key: a,
                listId,
                filter: `fields/MeetingDate ge ${odataString(a)} and fields/MeetingDate le ${odataString(b)}`,
              }));
        const found = [...(await items.queryMany(queries, page.signal)).values()]
          .flat()
          .map((i) => toStored<Meeting>(i))
          .filter((m) => m.date >= from && m.date <= to && (academyId === undefined || m.academyId === academyId));
        return pageInMemory(`meetings.inRange${academyId === undefined ? '' : '.academy'}`, found, (m) => [m.date, m.id], 2, page);
      }, options);
    },
  };
}

/** [first, last] of each calendar month the range touches, clipped to the range. */
export function monthsOf(from: LocalDate, to: LocalDate): [LocalDate, LocalDate][] {
  const out: [LocalDate, LocalDate][] = [];
  let start = from;
  while (start <= to) {
    const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    const lastOfMonth = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push([start, lastOfMonth < to ? lastOfMonth : to] as [LocalDate, LocalDate]);
    start = next;
  }
  return out;
}

/** A person's open actions, by due date then id. */
export function actionQueries(items: ListItems, listId: string): ActionQueries {
  return {
    openByOwner(ownerId: string, options?: PageOptions): PagedList<Stored<ActionItem>> {
      return pagedList(async (page) => {
        page.signal?.throwIfAborted();
        const found = (await items.query({ listId, filter: `fields/OwnerId eq ${odataString(ownerId)}` }, page.signal))
          .map((i) => toStored<ActionItem>(i))
          .filter((a) => a.ownerId === ownerId && (a.status === 'open' || a.status === 'in-progress'));
        return pageInMemory('actions.openByOwner', found, (a) => [a.dueDate, a.id], 2, page);
      }, options);
    },
  };
}
