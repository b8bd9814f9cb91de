import type { Academy } from '../domain/academy';
import { suggestStage } from '../domain/cadence';
import { seedRiskBand } from './seed-inspections';
import { londonDateOf } from '../domain/london-time';
import type { LocalDate } from '../domain/local-date';
import { preset } from '../domain/models/presets';
import { academicYearOf, SchoolCalendar } from '../domain/school-year/school-calendar';
import type { Clock } from '../ports/clock.port';
import type { RecordStore, Stored } from '../ports/record-store.port';
import { DEMO_ACADEMIES, DEMO_TRUST, demoPeople, directorId } from './demo-trust.data';
import { schoolDaysOf } from './school-days';
import { seedActions } from './seed-actions';
import { seedKpis } from './seed-kpis';
import { seedMeetings } from './seed-meetings';
import { seedSupport } from './seed-support';
import { seedVisits } from './seed-visits';
import { seedSelfEvaluations } from './seed-inspections';
import { seededRandom } from './seeded-random';

export interface SeedSummary {
  trust: string;
  academicYear: string;
  today: LocalDate;
  academies: number;
  people: number;
  meetings: number;
}

/**
 * Seeds Meadowbank Learning Trust relative to today, so the demo always shows the current academic
 * year as it stands: meetings held with notes and judgements, papers due this week, actions overdue,
 * a KPI drop awaiting review, interventions, an academy partway up the escalation ladder, support
 * days used, and something waiting for each of the people to try. Every date is a school day.
 * Every create carries a key, so seeding twice changes nothing; the same day gives the same trust.
 */
export async function seedDemoTrust(store: RecordStore, clock: Clock, modelId = 'dsat'): Promise<SeedSummary> {
  const today = londonDateOf(clock.now());
  const academicYear = academicYearOf(today);
  const calendar = new SchoolCalendar();
  if (!calendar.hasYear(academicYear)) {
    throw new RangeError(`The demo needs term dates for ${academicYear}; add them to core/domain/school-year/term-dates.data.ts`);
  }
  const model = preset(modelId);
  const existing = await store.trust.get();
  if (!existing) await store.trust.save({ id: DEMO_TRUST.id, name: DEMO_TRUST.name, model, termDates: [], closures: [] });

  const people = [];
  for (const p of demoPeople()) people.push((await store.people.create(p, { idempotencyKey: `seed:person:${p.id}` })).record);

  const academies: Stored<Academy>[] = [];
  for (const { director, head: _h, chair: _c, governor: _g, ...seeded } of DEMO_ACADEMIES) {
    // A report card dated after the seed day has not happened yet.
    const a = { ...seeded, ...(seeded.inspections ? { inspections: seeded.inspections.filter((i) => i.date <= today) } : {}) };
    const stage = suggestStage(model, a);
    const riskBand = seedRiskBand(a, model);
    const academy: Academy = { ...a, supportStage: stage.id, riskBand, improvementDirectorId: directorId(director) };
    academies.push((await store.academies.create(academy, { idempotencyKey: `seed:academy:${a.id}` })).record);
  }

  // The same trust on every machine for a given day.
  const random = seededRandom(Number(today.replaceAll('-', '')));
  const schoolDays = schoolDaysOf(calendar, academicYear);
  const meetings = await seedMeetings({ store, model, calendar, schoolDays, academicYear, academies, people, today, random });
  await seedActions({ store, model, schoolDays, academies, people, meetings, today, random });
  await seedKpis({ store, model, calendar, schoolDays, academicYear, academies, meetings, today, random });
  await seedSupport({ store, model, schoolDays, academicYear, today });
  await seedVisits({ store, model, schoolDays, academies, meetings, academicYear, today });
  await seedSelfEvaluations({ store, model, meetings, today });
  return { trust: DEMO_TRUST.name, academicYear, today, academies: academies.length, people: people.length, meetings: meetings.length };
}
