import type Database from 'better-sqlite3';
import type { Academy } from '../../domain/academy';
import { parseOrThrow } from '../../domain/errors';
import { academicYearSchema } from '../../domain/school-year/school-calendar';
import type { AcademyStatusInputs, Stored } from '../../ports/record-store.port';
import { RECORD_COLUMNS, toStored, type RecordRow } from './row-mappers';
import { idList, prepared } from './statements';

type Inputs = Omit<AcademyStatusInputs, 'academy' | 'stale'>;

/** 1 September to 31 August of an academic year such as "2026/27", both included. */
export function academicYearBounds(academicYear: string): { first: string; last: string } {
  const start = Number(parseOrThrow(academicYearSchema, academicYear, 'academic year').slice(0, 4));
  return { first: `${start}-09-01`, last: `${start + 1}-08-31` };
}

const IN_ACADEMIES = 'academy_id IN (SELECT value FROM json_each(@ids))';

/*
 * One statement per kind, each over every asked-for academy at once. The year rules:
 * - meetings, KPI targets and data points carry their academic year;
 * - actions still open count whenever they were raised, done ones only in the year (in England)
 *   they were completed; a dropped action is not progress, so it is left out;
 * - interventions and escalation events are the academy's whole history (a ladder step taken last
 *   year still holds);
 * - support days count in the year their date falls in.
 */
const QUERIES: { [K in keyof Inputs]: string } = {
  meetings: `SELECT academy_id, ${RECORD_COLUMNS} FROM meetings WHERE ${IN_ACADEMIES} AND academic_year = @year ORDER BY date, id`,
  actions:
    `SELECT academy_id, ${RECORD_COLUMNS} FROM actions WHERE ${IN_ACADEMIES} ` +
    `AND (status IN ('open', 'in-progress') OR (status = 'done' AND completed_on BETWEEN @first AND @last)) ORDER BY due_date, id`,
  kpiTargets: `SELECT academy_id, ${RECORD_COLUMNS} FROM kpi_targets WHERE ${IN_ACADEMIES} AND academic_year = @year ORDER BY id`,
  kpiDataPoints: `SELECT academy_id, ${RECORD_COLUMNS} FROM kpi_data_points WHERE ${IN_ACADEMIES} AND academic_year = @year ORDER BY id`,
  interventions: `SELECT academy_id, ${RECORD_COLUMNS} FROM interventions WHERE ${IN_ACADEMIES} ORDER BY id`,
  escalations: `SELECT academy_id, ${RECORD_COLUMNS} FROM escalations WHERE ${IN_ACADEMIES} ORDER BY id`,
  supportDays: `SELECT academy_id, ${RECORD_COLUMNS} FROM support_days WHERE ${IN_ACADEMIES} AND date BETWEEN @first AND @last ORDER BY date, id`,
};

/** Reads the status inputs of many academies for one academic year; unknown academies are skipped, the rest kept in the order asked. */
export function readStatusInputs(db: Database.Database, academyIds: readonly string[], academicYear: string): AcademyStatusInputs[] {
  const { first, last } = academicYearBounds(academicYear);
  if (academyIds.length === 0) return [];
  // One read transaction: every table is read from the same snapshot, even while a timer writes.
  return db.transaction(() => {
    const academyRows = prepared(db, `SELECT ${RECORD_COLUMNS} FROM academies WHERE id IN (SELECT value FROM json_each(?))`).all(
      idList(academyIds),
    ) as RecordRow[];
    const found = new Map(academyRows.map((r) => [r.id, toStored<Academy>(r)]));
    if (found.size === 0) return [];

    const byAcademy = new Map<string, Inputs>();
    for (const id of found.keys()) {
      byAcademy.set(id, {
        meetings: [],
        actions: [],
        kpiTargets: [],
        kpiDataPoints: [],
        interventions: [],
        escalations: [],
        supportDays: [],
      });
    }
    const params = { ids: idList([...found.keys()]), year: academicYear, first, last };
    for (const kind of Object.keys(QUERIES) as (keyof Inputs)[]) {
      const rows = prepared(db, QUERIES[kind]).all(params) as (RecordRow & { academy_id: string })[];
      for (const row of rows) (byAcademy.get(row.academy_id)?.[kind] as Stored<unknown>[] | undefined)?.push(toStored(row));
    }

    return [...new Set(academyIds)].flatMap((id) => {
      const academy = found.get(id);
      const inputs = byAcademy.get(id);
      return academy && inputs ? [{ academy, ...inputs }] : [];
    });
  })();
}
