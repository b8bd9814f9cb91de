import type { Academy } from '../domain/academy';
import type { LocalDate } from '../domain/local-date';
import { londonToUtc } from '../domain/london-time';
import type { Meeting } from '../domain/meeting';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { SchoolCalendar } from '../domain/school-year/school-calendar';
import type { RecordStore } from '../ports/record-store.port';
import type { SchoolDays } from './school-days';

const MEASURES: Record<Academy['phase'], { measure: string; unit: 'percent' | 'score'; target: number; higherIsBetter: boolean }[]> = {
  primary: [
    { measure: 'KS2 reading, writing and maths at the expected standard', unit: 'percent', target: 68, higherIsBetter: true },
    { measure: 'Year 1 phonics screening check pass rate', unit: 'percent', target: 82, higherIsBetter: true },
    { measure: 'Attendance', unit: 'percent', target: 96, higherIsBetter: true },
  ],
  secondary: [
    { measure: 'Progress 8', unit: 'score', target: 0.1, higherIsBetter: true },
    { measure: 'Grade 5+ in English and maths', unit: 'percent', target: 50, higherIsBetter: true },
    { measure: 'Persistent absence', unit: 'percent', target: 18, higherIsBetter: false },
  ],
  'all-through': [
    { measure: 'KS2 reading, writing and maths at the expected standard', unit: 'percent', target: 62, higherIsBetter: true },
    { measure: 'Progress 8', unit: 'score', target: 0, higherIsBetter: true },
    { measure: 'Attendance', unit: 'percent', target: 94.5, higherIsBetter: true },
  ],
  special: [
    { measure: 'Pupils meeting their EHCP outcomes', unit: 'percent', target: 85, higherIsBetter: true },
    { measure: 'Attendance', unit: 'percent', target: 92, higherIsBetter: true },
  ],
};

/**
 * KPI targets agreed in September, and values at each data point that has passed, recorded on the
 * last school day of the data point's half term; Brook Lane's latest drop awaits review.
 */
export async function seedKpis(input: {
  store: RecordStore;
  model: ImprovementModel;
  calendar: SchoolCalendar;
  schoolDays: SchoolDays;
  academicYear: string;
  academies: readonly Academy[];
  meetings: readonly Meeting[];
  today: LocalDate;
  random: () => number;
}): Promise<void> {
  const { store, model, calendar, schoolDays, academicYear, academies, meetings, today, random } = input;
  const halfTerms = calendar.halfTerms(academicYear);
  const recordedOn = (halfTerm: number) => schoolDays.onOrBefore(halfTerms.find((h) => h.halfTerm === halfTerm)!.end);
  const passed = model.kpis.dataPoints.filter((p) => recordedOn(p.halfTerm) < today);
  for (const a of academies) {
    const targets = MEASURES[a.phase];
    for (const [i, t] of targets.entries()) {
      const { record: target } = await store.kpiTargets.create(
        { academyId: a.id, academicYear, ...t },
        { idempotencyKey: `seed:kpi:${a.id}:${academicYear}:${i}` },
      );
      for (const point of passed) {
        const forcedDrop = a.id === 'brook-lane' && i === 0;
        const below = forcedDrop || (a.id === 'hill-top' && random() < 0.6) || random() < 0.08;
        const delta = (t.unit === 'score' ? 0.15 : 3) * (0.3 + random());
        const value = Math.round((t.higherIsBetter === below ? t.target - delta : t.target + delta) * 10) / 10;
        const day = recordedOn(point.halfTerm);
        const recordedAt = londonToUtc(day, '17:00');
        const review = meetings.find(
          (m) =>
            m.academyId === a.id && m.status === 'held' && m.date > day && model.meetingKinds.find((k) => k.id === m.kind)?.reviewsKpiDrops,
        );
        await store.kpiDataPoints.create(
          {
            kpiId: target.id,
            academyId: a.id,
            academicYear,
            point: point.number,
            value,
            recordedAt,
            ...(below
              ? {
                  drop: {
                    flaggedAt: recordedAt,
                    ...(review && !forcedDrop
                      ? {
                          reviewedInMeetingId: review.id,
                          reviewNote: 'Investigated at the review: cohort context understood; actions agreed.',
                        }
                      : {}),
                  },
                }
              : {}),
          },
          { idempotencyKey: `seed:kpi-point:${a.id}:${academicYear}:${i}:${point.number}` },
        );
      }
    }
  }
}
