import { createSqliteRecordStore, openSqliteDatabase } from '../../core/adapters/sqlite';
import type { Meeting } from '../../core/domain/meeting';
import type { Person } from '../../core/domain/people';
import { SchoolCalendar } from '../../core/domain/school-year/school-calendar';
import { fixedClock, type Clock } from '../../core/ports/clock.port';
import type { RecordStore, Stored } from '../../core/ports/record-store.port';
import { monitoringVisitDay } from '../../core/domain/planner-occupancy';
import { loadTrust } from '../../core/services/service-context';
import { storeSyntheticTrust } from '../bench/synthetic-trust';

export const YEAR = '2026/27';
export const WHOLE_YEAR = { from: '2026-09-01', to: '2027-08-31' };
/** Before the year starts, so every meeting is still ahead and may be moved. */
export const BEFORE_THE_YEAR = fixedClock('2026-08-20T10:00:00Z');

export interface YearOfMeetings {
  store: RecordStore;
  clock: Clock;
  people: Person[];
  meetings: Stored<Meeting>[];
}

/**
 * The benchmarks' synthetic trust (`n` academies, a director per twelve) with one AIM in each of
 * the six half terms per academy: 6n meetings. Each director's meetings fall on different school
 * days, two apart, so any of them can be moved a day without a clash.
 */
export async function trustWithYearOfMeetings(n = 60, clock: Clock = BEFORE_THE_YEAR): Promise<YearOfMeetings> {
  const store = createSqliteRecordStore(openSqliteDatabase(':memory:'));
  const { academies, people } = await storeSyntheticTrust(store, clock, n);
  const calendar = new SchoolCalendar({ termDates: [], closures: [] });
  const directors = Math.max(1, Math.ceil(n / 12));
  const meetings: Stored<Meeting>[] = [];
  for (const [i, a] of academies.entries()) {
    const slot = Math.floor(i / directors) * 2;
    for (let halfTerm = 1; halfTerm <= 6; halfTerm++) {
      const date = calendar.schoolDays(YEAR, halfTerm)[slot];
      if (!date) throw new Error(`half term ${halfTerm} has too few school days for ${n} academies`);
      const chairId = a.improvementDirectorId;
      const meeting: Omit<Meeting, 'id'> = {
        academyId: a.id,
        kind: 'aim',
        academicYear: YEAR,
        halfTerm: halfTerm as Meeting['halfTerm'],
        timing: 'any',
        reason: 'An AIM each half term',
        date,
        days: 1,
        startsAt: `${date}T08:30:00.000Z`,
        endsAt: `${date}T10:30:00.000Z`,
        status: 'planned',
        pinned: false,
        chairId,
        attendees: [
          { personId: chairId, role: 'improvement-director', presence: 'chair', attendance: 'expected' },
          { personId: `head-${a.id}`, role: 'head', presence: 'expected', attendance: 'expected' },
          { personId: `chair-${a.id}`, role: 'chair-lgb', presence: 'expected', attendance: 'expected' },
        ],
        focus: [],
        papers: [],
        judgements: [],
      };
      meetings.push((await store.meetings.create(meeting, { idempotencyKey: `year:${a.id}:${halfTerm}` })).record);
    }
  }
  return { store, clock, people, meetings };
}

/**
 * The Outlook events a year's sync should make, worked out from the model rather than counted from
 * the sync: one per meeting, and one more for each meeting whose kind has a monitoring visit the
 * school day before (DSAT), when that day exists.
 */
export async function expectedOutlookEvents(year: YearOfMeetings): Promise<{ meetings: number; visits: number; total: number }> {
  const trust = await loadTrust({ store: year.store, clock: year.clock });
  const visits = year.meetings.filter((m) => {
    const kind = trust.model.meetingKinds.find((k) => k.id === m.kind);
    const visit = kind ? monitoringVisitDay(m.date, kind, trust.calendar) : { needed: false as const };
    return visit.needed && visit.day !== undefined;
  }).length;
  return { meetings: year.meetings.length, visits, total: year.meetings.length + visits };
}
