import type Database from 'better-sqlite3';
import type { ActionItem } from '../../domain/action-item';
import { localDateSchema, type LocalDate } from '../../domain/local-date';
import type { Meeting } from '../../domain/meeting';
import type { Person } from '../../domain/people';
import { parseOrThrow } from '../../domain/errors';
import {
  pagedList,
  type CallOptions,
  type PageOptions,
  type PagedList,
  type RecordStore,
  type Stored,
} from '../../ports/record-store.port';
import { queryPage } from './keyset-page';
import { emailKey } from '../shared/record-columns';
import { RECORD_COLUMNS, toStored, type RecordRow } from './row-mappers';
import { prepared } from './statements';

type PeopleQueries = Pick<RecordStore['people'], 'byEmail' | 'byEntraObjectId'>;
type MeetingQueries = Pick<RecordStore['meetings'], 'inRange'>;
type ActionQueries = Pick<RecordStore['actions'], 'openByOwner'>;

const date = (value: unknown, field: string): LocalDate => parseOrThrow(localDateSchema, value, field);

/** Looking people up by sign-in: email (any case) and Entra object id. */
export function peopleQueries(db: Database.Database): PeopleQueries {
  // Two records could carry one address; the lowest id wins so the answer never flips between calls.
  const first = (column: string, value: string): Stored<Person> | undefined => {
    const row = prepared(db, `SELECT ${RECORD_COLUMNS} FROM people WHERE ${column} = ? ORDER BY id LIMIT 1`).get(value) as
      RecordRow | undefined;
    return row ? toStored<Person>(row) : undefined;
  };
  return {
    async byEmail(email: string, options?: CallOptions) {
      options?.signal?.throwIfAborted();
      return first('email', emailKey(email));
    },
    async byEntraObjectId(oid: string, options?: CallOptions) {
      options?.signal?.throwIfAborted();
      return first('entra_object_id', oid);
    },
  };
}

/** The meeting calendar. */
export function meetingQueries(db: Database.Database): MeetingQueries {
  return {
    inRange(range: { from: LocalDate; to: LocalDate; academyId?: string }, options?: PageOptions): PagedList<Stored<Meeting>> {
      const byAcademy = range.academyId !== undefined;
      return pagedList(async (page) => {
        page.signal?.throwIfAborted();
        const from = date(range.from, 'range start');
        const to = date(range.to, 'range end');
        return queryPage<Meeting>(
          db,
          {
            name: `meetings.inRange${byAcademy ? '.academy' : ''}`,
            table: 'meetings',
            where: ['date BETWEEN ? AND ?', ...(byAcademy ? ['academy_id = ?'] : [])],
            params: [from, to, ...(byAcademy ? [range.academyId] : [])],
            orderBy: ['date', 'id'],
          },
          page,
        );
      }, options);
    },
  };
}

/** A person's own to-do list of actions. */
export function actionQueries(db: Database.Database): ActionQueries {
  return {
    openByOwner(ownerId: string, options?: PageOptions): PagedList<Stored<ActionItem>> {
      return pagedList(async (page) => {
        page.signal?.throwIfAborted();
        return queryPage<ActionItem>(
          db,
          {
            name: 'actions.openByOwner',
            table: 'actions',
            // Written exactly as the partial index's WHERE so SQLite can use it.
            where: ['owner_id = ?', "status IN ('open', 'in-progress')"],
            params: [ownerId],
            orderBy: ['due_date', 'id'],
          },
          page,
        );
      }, options);
    },
  };
}
