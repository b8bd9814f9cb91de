import { addDays, minDate, type LocalDate } from '../domain/local-date';
import { londonToUtc } from '../domain/london-time';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { RecordStore } from '../ports/record-store.port';
import type { SchoolDays } from './school-days';

/**
 * An intervention of each kind, Brook Lane partway up the escalation ladder, and support days used
 * and recharged. Each happens a set number of days into the year, on a school day, and never later
 * than the last school day before today: these are records of what has already been done.
 */
export async function seedSupport(input: {
  store: RecordStore;
  model: ImprovementModel;
  schoolDays: SchoolDays;
  academicYear: string;
  today: LocalDate;
}): Promise<void> {
  const { store, model, schoolDays, academicYear, today } = input;
  const start = schoolDays.first;
  const done = (daysIn: number) => minDate(schoolDays.onOrBefore(addDays(start, daysIn)), schoolDays.before(today));
  const ladder = model.escalation.steps;
  const rate = model.supportDays.developmentDayRatePence;

  const interventions = [
    {
      key: 'brook-lane-reading',
      academyId: 'brook-lane',
      kind: 'school-to-school',
      title: 'KS3 reading: guided reading model from Ashworth',
      supportingAcademyId: 'ashworth',
      leadId: 'head-ashworth',
      targets: ['Year 7 reading ages within 6 months of chronological age for 80% of pupils'],
      successCriteria: [
        'Termly reading age tests show the gap closing',
        'Guided reading observed in every English lesson on learning walks',
      ],
      status: 'active' as const,
    },
    {
      key: 'hill-top-leadership',
      academyId: 'hill-top',
      kind: 'direct-trust',
      title: 'Leadership capacity: interim deputy head from the trust',
      leadId: 'aid-graham',
      targets: ['A stable senior leadership team in post', 'Safeguarding culture secure'],
      successCriteria: ['Safeguarding audit fully compliant', 'Behaviour incidents down 30% against autumn 1'],
      status: 'active' as const,
    },
    {
      key: 'northgate-maths',
      academyId: 'northgate',
      kind: 'external',
      title: 'Maths mastery training (external provider)',
      leadId: 'aid-priya',
      targets: ['Consistent mastery approach in KS2 and KS3 maths'],
      successCriteria: ['Work scrutiny shows mastery sequence in 90% of books'],
      status: 'active' as const,
    },
  ];
  for (const { key, ...i } of interventions) {
    const startDate = done(10);
    // About six months long, reviewed after six weeks, after a term and before the end.
    const endDate = schoolDays.onOrBefore(addDays(startDate, 180));
    const reviewDates = [...new Set([42, 91, 175].map((n) => schoolDays.onOrBefore(addDays(startDate, n))))].filter(
      (d) => d > startDate && d <= endDate,
    );
    await store.interventions.create(
      { ...i, startDate, endDate, reviewDates: reviewDates.length ? reviewDates : [endDate] },
      { idempotencyKey: `seed:intervention:${academicYear}:${key}` },
    );
  }

  const climbs: { academyId: string; steps: { step: number; daysAfterStart: number; reason: string }[] }[] = [
    {
      academyId: 'brook-lane',
      steps: [
        { step: 0, daysAfterStart: 2, reason: 'September risk banding: issues the academy expects to resolve itself.' },
        {
          step: 1,
          daysAfterStart: 30,
          reason: 'KS3 reading below KPI at the first data point; the academy asked for support from across the trust.',
        },
        { step: 2, daysAfterStart: 70, reason: 'No resolution after trust support: the SSIO has drawn up a formal action plan.' },
      ],
    },
    {
      academyId: 'hill-top',
      steps: [
        {
          step: 1,
          daysAfterStart: 5,
          reason: 'Inadequate judgement: support from across the trust while a substantive head is appointed.',
        },
      ],
    },
  ];
  for (const c of climbs) {
    for (const s of c.steps) {
      await store.escalations.create(
        {
          academyId: c.academyId,
          step: s.step,
          stepId: ladder[s.step]!.id,
          at: londonToUtc(done(s.daysAfterStart), '16:00'),
          by: 'aid-graham',
          reason: s.reason,
        },
        { idempotencyKey: `seed:escalation:${academicYear}:${c.academyId}:${s.step}` },
      );
    }
  }

  const days: {
    key: string;
    academyId: string;
    kind: 'development' | 'core';
    days: number;
    providerId: string;
    supportingAcademyId?: string;
    description: string;
    offset: number;
  }[] = [
    {
      key: 'ht-1',
      academyId: 'hill-top',
      kind: 'development',
      days: 2,
      providerId: 'aid-graham',
      description: 'Leadership coaching for the acting head',
      offset: 12,
    },
    {
      key: 'ht-2',
      academyId: 'hill-top',
      kind: 'development',
      days: 2,
      providerId: 'head-st-marys',
      supportingAcademyId: 'st-marys',
      description: 'Curriculum mapping with the St Mary’s head',
      offset: 25,
    },
    {
      key: 'ht-3',
      academyId: 'hill-top',
      kind: 'development',
      days: 2,
      providerId: 'consultant-chris',
      description: 'Safeguarding and behaviour systems review',
      offset: 48,
    },
    {
      key: 'bl-1',
      academyId: 'brook-lane',
      kind: 'development',
      days: 3,
      providerId: 'head-ashworth',
      supportingAcademyId: 'ashworth',
      description: 'Guided reading model: planning and coaching',
      offset: 20,
    },
    {
      key: 'bl-2',
      academyId: 'brook-lane',
      kind: 'development',
      days: 2,
      providerId: 'aid-graham',
      description: 'Formal action plan: writing and first review',
      offset: 72,
    },
    {
      key: 'el-1',
      academyId: 'elmwood',
      kind: 'core',
      days: 1,
      providerId: 'aid-priya',
      description: 'Joint monitoring: SEF validation',
      offset: 15,
    },
    {
      key: 'ng-1',
      academyId: 'northgate',
      kind: 'development',
      days: 2,
      providerId: 'aid-priya',
      description: 'Middle leader accountability sessions',
      offset: 33,
    },
  ];
  for (const { key, offset, ...d } of days) {
    await store.supportDays.create(
      { ...d, date: done(offset), chargePence: d.kind === 'development' ? Math.round(d.days * rate) : 0 },
      { idempotencyKey: `seed:support:${academicYear}:${key}` },
    );
  }
}
