import type { Academy } from '../../domain/academy';
import type { ActionItem } from '../../domain/action-item';
import { parseOrThrow } from '../../domain/errors';
import type { KpiDataPoint, KpiTarget } from '../../domain/kpi';
import type { Meeting } from '../../domain/meeting';
import { academicYearSchema } from '../../domain/school-year/school-calendar';
import type { SupportDay } from '../../domain/support-days';
import type { AcademyStatusInputs, Stored } from '../../ports/record-store.port';
import { completedOn } from '../shared/record-columns';
import { odataString } from './column-spec';
import type { ItemQuery, ListItems } from './list-items';
import { toStored } from './sharepoint-collection';

export type Inputs = Omit<AcademyStatusInputs, 'academy' | 'stale'>;
export type Kind = keyof Inputs;

/** The list id of each record kind the status reads, plus academies. */
export type StatusLists = Record<Kind | 'academies', string>;

/** 1 September to 31 August of an academic year such as "2026/27", both included. */
export function yearBounds(academicYear: string): { first: string; last: string } {
  const start = Number(parseOrThrow(academicYearSchema, academicYear, 'academic year').slice(0, 4));
  return { first: `${start}-09-01`, last: `${start + 1}-08-31` };
}

/*
 * The year rules, the same as the SQLite store's: meetings and KPIs carry their academic year;
 * open actions count whenever raised, done ones in the year (in England) they were completed,
 * dropped ones never; interventions and ladder moves are the whole history; support days count
 * in the year their date falls in.
 */
export function inYear(year: string, first: string, last: string): { [K in Kind]: (r: Inputs[K][number]) => boolean } {
  const within = (d: string | null) => d !== null && d >= first && d <= last;
  return {
    meetings: (m) => (m as Meeting).academicYear === year,
    actions: (a) => {
      const action = a as ActionItem;
      return action.status === 'open' || action.status === 'in-progress' || (action.status === 'done' && within(completedOn(action)));
    },
    kpiTargets: (t) => (t as KpiTarget).academicYear === year,
    kpiDataPoints: (d) => (d as KpiDataPoint).academicYear === year,
    interventions: () => true,
    escalations: () => true,
    supportDays: (d) => within((d as SupportDay).date),
  };
}

export const KINDS: readonly Kind[] = ['meetings', 'actions', 'kpiTargets', 'kpiDataPoints', 'interventions', 'escalations', 'supportDays'];

/**
 * Status inputs of many academies in one fan-out: per academy, its item and one indexed-filter read
 * of each kind, all sent as `$batch`es of 20 together, so one academy or six hundred is one wave
 * of round trips (plus one per further page).
 */
export async function readStatusInputs(
  items: ListItems,
  lists: StatusLists,
  academyIds: readonly string[],
  academicYear: string,
  signal?: AbortSignal,
): Promise<AcademyStatusInputs[]> {
  const { first, last } = yearBounds(academicYear);
  const ids = [...new Set(academyIds)];
  if (ids.length === 0) return [];
  const queries: ItemQuery[] = [];
  for (const id of ids) {
    queries.push({ key: `academies|${id}`, listId: lists.academies, filter: `fields/RecordId eq ${odataString(id)}` });
    for (const kind of KINDS) queries.push({ key: `${kind}|${id}`, listId: lists[kind], filter: `fields/AcademyId eq ${odataString(id)}` });
  }
  const found = await items.queryMany(queries, signal);
  const rules = inYear(academicYear, first, last);
  return ids.flatMap((id) => {
    const academyItem = found.get(`academies|${id}`)?.[0];
    if (!academyItem) return [];
    const inputs = { academy: toStored<Academy>(academyItem) } as AcademyStatusInputs;
    for (const kind of KINDS) {
      const records = (found.get(`${kind}|${id}`) ?? []).map((i) => toStored<Inputs[typeof kind][number]>(i));
      (inputs as unknown as Record<Kind, Stored<unknown>[]>)[kind] = records.filter(rules[kind] as (r: unknown) => boolean);
    }
    return [inputs];
  });
}
