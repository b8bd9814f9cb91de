import { cadenceReasons, requiredMeetings } from './cadence';
import type { ReportCardInspection } from './inspections';
import { addMonths, dateRelativeSlots, nextInspectionWindow } from './inspection-window';
import { improvementModelSchema } from './models/improvement-model.schema';
import { WATERTON_PRESET } from './models/presets/waterton';
import { SchoolCalendar } from './school-year/school-calendar';
import { planYear } from './year-planner';
import { asMeetings, makeTrust } from './year-planner.fixtures';

/**
 * A review placed relative to the academy's own date (issue 17): a readiness review six weeks
 * before the window in which its next inspection is expected opens, the window derived from its
 * last report card (the renewed framework), not set by hand.
 */
const calendar = new SchoolCalendar();
const model = improvementModelSchema.parse({
  ...WATERTON_PRESET,
  inspectionWindow: { opensAfterMonths: 12, closesAfterMonths: 24 },
  cadence: [
    ...(WATERTON_PRESET.cadence ?? []),
    {
      id: 'readiness-review',
      meetingKind: 'aser-extended',
      label: 'A readiness review six weeks before the inspection window opens',
      relativeTo: { date: 'inspection-window-opens', weeksBefore: 6 },
    },
  ],
});
const card = (date: string): ReportCardInspection => ({
  kind: 'report-card',
  date,
  areas: {
    inclusion: 'expected-standard',
    'curriculum-and-teaching': 'expected-standard',
    achievement: 'expected-standard',
    'attendance-and-behaviour': 'strong-standard',
    'personal-development-and-wellbeing': 'expected-standard',
    'leadership-and-governance': 'expected-standard',
  },
  safeguarding: 'met',
});

describe('the next inspection window', () => {
  it('runs from the model’s months after the last report card; none without a report card', () => {
    expect(addMonths('2025-12-31', 2)).toBe('2026-02-28');
    expect(nextInspectionWindow({ ofstedGrade: 'good', inspections: [card('2025-12-01')] }, model)).toEqual({
      opens: '2026-12-01',
      closes: '2027-12-01',
      after: '2025-12-01',
    });
    expect(nextInspectionWindow({ ofstedGrade: 'good', ofstedDate: '2024-03-01' }, model)).toBeUndefined();
  });

  it('refuses a window that closes before it opens', () => {
    const bad = improvementModelSchema.safeParse({ ...WATERTON_PRESET, inspectionWindow: { opensAfterMonths: 30, closesAfterMonths: 12 } });
    expect(bad.error!.issues.map((i) => i.message)).toEqual(['the window cannot close before it opens']);
  });
});

describe('a readiness review six weeks before the window opens', () => {
  const { academies, people } = makeTrust(model, 4, 1);
  const inspected = { ...academies[0]!, inspections: [card('2025-12-01')] };
  // Window opens 1 December 2026; six weeks before is Tuesday 20 October 2026, late in autumn 1.
  const slots = dateRelativeSlots(model, inspected, calendar, '2026/27');

  it('goes in the half term holding that day, where in it the day falls, saying why', () => {
    expect(slots['readiness-review']).toEqual([
      {
        halfTerm: 1,
        timing: 'late',
        purpose: 'Before the window for its next inspection opens (1 December 2026; last inspected 1 December 2025)',
      },
    ]);
    expect(dateRelativeSlots(model, inspected, calendar, '2027/28')).toEqual({});
    const reqs = requiredMeetings(model, { ...inspected, dateSlots: slots }).filter((r) => r.ruleId === 'readiness-review');
    expect(reqs).toHaveLength(1);
    const why = cadenceReasons(model, { ...inspected, dateSlots: slots }).find((r) => r.ruleId === 'readiness-review')!;
    expect(why.count).toBe(1);
  });

  it('is planned on a school day of that half term, and only for the school whose window opens', () => {
    // The planner service gives each academy its date slots (trust-meetings.service.ts, planningFacts).
    const withSlots = { ...inspected, dateSlots: slots };
    const plan = planYear({
      model,
      calendar,
      academicYear: '2026/27',
      academies: [withSlots, ...academies.slice(1)],
      people,
    });
    const reviews = asMeetings(plan.create).filter((m) => m.ruleId === 'readiness-review');
    expect(reviews.map((m) => m.academyId)).toEqual([inspected.id]);
    expect(calendar.isSchoolDay(reviews[0]!.date)).toBe(true);
    expect(reviews[0]!.halfTerm).toBe(1);
    expect(reviews[0]!.purpose).toContain('1 December 2026');
  });
});
