import type { Academy } from '../domain/academy';
import type { ActionItem } from '../domain/action-item';
import { addDays, maxDate, minDate, type LocalDate } from '../domain/local-date';
import { londonToUtc } from '../domain/london-time';
import type { Meeting } from '../domain/meeting';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { SchoolCalendar } from '../domain/school-year/school-calendar';
import type { New, RecordStore } from '../ports/record-store.port';

const ACTION_TEXTS = [
  'Share the reading fluency plan with all KS2 staff and monitor its use',
  'Analyse Year 6 mock SATs by pupil group and report gaps to governors',
  'Complete the SEND provision map review with the SENCo',
  'Run a behaviour learning walk with the chair of LGB',
  'Update the SEF with evidence from the autumn data point',
  'Agree a subject leader monitoring timetable for the spring term',
  'Review persistent absence cases with the attendance officer',
  'Moderate Year 2 writing with a partner school',
];

const at = (d: LocalDate, time = '12:00') => londonToUtc(d, time);

/** Actions raised at each held meeting: some done, some open, and — where the story needs it — overdue. */
export async function seedActions(store: RecordStore, meetings: readonly Meeting[], today: LocalDate, random: () => number): Promise<void> {
  const struggling = new Set(['brook-lane', 'hill-top', 'northgate']);
  for (const m of meetings.filter((x) => x.status === 'held')) {
    const head = m.attendees.find((a) => a.role === 'head')?.personId;
    if (!head) continue;
    const count = struggling.has(m.academyId) ? 3 : 2;
    for (let i = 0; i < count; i++) {
      const due = addDays(m.date, 14 + Math.floor(random() * 35));
      const overdue = due < today;
      // Struggling academies leave more overdue; the rest mostly finish on time.
      const done = overdue && random() < (struggling.has(m.academyId) ? 0.2 : 0.75);
      const owner = i === 2 ? m.chairId : head;
      const action: New<ActionItem> = {
        academyId: m.academyId,
        raisedInMeetingId: m.id,
        text: ACTION_TEXTS[(i * 3 + m.date.charCodeAt(9)) % ACTION_TEXTS.length]!,
        ownerId: owner,
        dueDate: due,
        status: done ? 'done' : !overdue && random() < 0.4 ? 'in-progress' : 'open',
        createdAt: at(addDays(m.date, 1)),
        progress: done ? [{ at: at(addDays(due, -2)), by: owner, note: 'Completed and evidence saved to the academy folder', status: 'done' }] : [],
        ...(done ? { completedAt: at(addDays(due, -2)) } : {}),
      };
      await store.actions.create(action, { idempotencyKey: `seed:action:${m.academyId}:${m.date}:${m.kind}:${i}` });
    }
  }
}

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

/** KPI targets agreed in September, and values at each data point that has passed; Brook Lane's latest drop awaits review. */
export async function seedKpis(store: RecordStore, model: ImprovementModel, calendar: SchoolCalendar, academicYear: string, academies: readonly Academy[], meetings: readonly Meeting[], today: LocalDate, random: () => number): Promise<void> {
  const halfTerms = calendar.halfTerms(academicYear);
  const passed = model.kpis.dataPoints.filter((p) => halfTerms.find((h) => h.halfTerm === p.halfTerm)!.end < today);
  for (const a of academies) {
    const targets = MEASURES[a.phase];
    for (const [i, t] of targets.entries()) {
      const { record: target } = await store.kpiTargets.create({ academyId: a.id, academicYear, ...t }, { idempotencyKey: `seed:kpi:${a.id}:${academicYear}:${i}` });
      for (const point of passed) {
        const forcedDrop = a.id === 'brook-lane' && i === 0;
        const below = forcedDrop || (a.id === 'hill-top' && random() < 0.6) || random() < 0.08;
        const delta = (t.unit === 'score' ? 0.15 : 3) * (0.3 + random());
        const value = Math.round((t.higherIsBetter === below ? t.target - delta : t.target + delta) * 10) / 10;
        const recordedAt = londonToUtc(halfTerms.find((h) => h.halfTerm === point.halfTerm)!.end, '17:00');
        const review = meetings.find((m) => m.academyId === a.id && m.status === 'held' && m.date > recordedAt.slice(0, 10) && model.meetingKinds.find((k) => k.id === m.kind)?.reviewsKpiDrops);
        await store.kpiDataPoints.create(
          {
            kpiId: target.id,
            academyId: a.id,
            academicYear,
            point: point.number,
            value,
            recordedAt,
            ...(below ? { drop: { flaggedAt: recordedAt, ...(review && !forcedDrop ? { reviewedInMeetingId: review.id, reviewNote: 'Investigated at the review: cohort context understood; actions agreed.' } : {}) } } : {}),
          },
          { idempotencyKey: `seed:kpi-point:${a.id}:${academicYear}:${i}:${point.number}` },
        );
      }
    }
  }
}

/** An intervention of each kind, Brook Lane partway up the escalation ladder, and support days used and recharged. */
export async function seedSupport(store: RecordStore, model: ImprovementModel, calendar: SchoolCalendar, academicYear: string, today: LocalDate): Promise<void> {
  const { start } = calendar.yearBounds(academicYear);
  const clamp = (d: LocalDate) => minDate(maxDate(d, start), today);
  const ladder = model.escalation.steps;
  const rate = model.supportDays.developmentDayRatePence;

  const interventions = [
    { key: 'brook-lane-reading', academyId: 'brook-lane', kind: 'school-to-school', title: 'KS3 reading: guided reading model from Ashworth', supportingAcademyId: 'ashworth', leadId: 'head-ashworth', targets: ['Year 7 reading ages within 6 months of chronological age for 80% of pupils'], successCriteria: ['Termly reading age tests show the gap closing', 'Guided reading observed in every English lesson on learning walks'], status: 'active' as const },
    { key: 'hill-top-leadership', academyId: 'hill-top', kind: 'direct-trust', title: 'Leadership capacity: interim deputy head from the trust', leadId: 'aid-graham', targets: ['A stable senior leadership team in post', 'Safeguarding culture secure'], successCriteria: ['Safeguarding audit fully compliant', 'Behaviour incidents down 30% against autumn 1'], status: 'active' as const },
    { key: 'northgate-maths', academyId: 'northgate', kind: 'external', title: 'Maths mastery training (external provider)', leadId: 'aid-priya', targets: ['Consistent mastery approach in KS2 and KS3 maths'], successCriteria: ['Work scrutiny shows mastery sequence in 90% of books'], status: 'active' as const },
  ];
  for (const { key, ...i } of interventions) {
    const startDate = clamp(addDays(start, 10));
    const endDate = addDays(startDate, 180);
    await store.interventions.create(
      { ...i, startDate, endDate, reviewDates: [addDays(startDate, 42), addDays(startDate, 91), addDays(startDate, 175)] },
      { idempotencyKey: `seed:intervention:${academicYear}:${key}` },
    );
  }

  const climbs: { academyId: string; steps: { step: number; daysAfterStart: number; reason: string }[] }[] = [
    {
      academyId: 'brook-lane',
      steps: [
        { step: 0, daysAfterStart: 2, reason: 'September risk banding: issues the academy expects to resolve itself.' },
        { step: 1, daysAfterStart: 30, reason: 'KS3 reading below KPI at the first data point; the academy asked for support from across the trust.' },
        { step: 2, daysAfterStart: 70, reason: 'No resolution after trust support: the SSIO has drawn up a formal action plan.' },
      ],
    },
    { academyId: 'hill-top', steps: [{ step: 1, daysAfterStart: 5, reason: 'Inadequate judgement: support from across the trust while a substantive head is appointed.' }] },
  ];
  for (const c of climbs) {
    for (const s of c.steps) {
      await store.escalations.create(
        { academyId: c.academyId, step: s.step, stepId: ladder[s.step]!.id, at: londonToUtc(clamp(addDays(start, s.daysAfterStart)), '16:00'), by: 'aid-graham', reason: s.reason },
        { idempotencyKey: `seed:escalation:${academicYear}:${c.academyId}:${s.step}` },
      );
    }
  }

  const days: { key: string; academyId: string; kind: 'development' | 'core'; days: number; providerId: string; supportingAcademyId?: string; description: string; offset: number }[] = [
    { key: 'ht-1', academyId: 'hill-top', kind: 'development', days: 2, providerId: 'aid-graham', description: 'Leadership coaching for the acting head', offset: 12 },
    { key: 'ht-2', academyId: 'hill-top', kind: 'development', days: 2, providerId: 'head-st-marys', supportingAcademyId: 'st-marys', description: 'Curriculum mapping with the St Mary’s head', offset: 25 },
    { key: 'ht-3', academyId: 'hill-top', kind: 'development', days: 2, providerId: 'consultant-chris', description: 'Safeguarding and behaviour systems review', offset: 48 },
    { key: 'bl-1', academyId: 'brook-lane', kind: 'development', days: 3, providerId: 'head-ashworth', supportingAcademyId: 'ashworth', description: 'Guided reading model: planning and coaching', offset: 20 },
    { key: 'bl-2', academyId: 'brook-lane', kind: 'development', days: 2, providerId: 'aid-graham', description: 'Formal action plan: writing and first review', offset: 72 },
    { key: 'el-1', academyId: 'elmwood', kind: 'core', days: 1, providerId: 'aid-priya', description: 'Joint monitoring: SEF validation', offset: 15 },
    { key: 'ng-1', academyId: 'northgate', kind: 'development', days: 2, providerId: 'aid-priya', description: 'Middle leader accountability sessions', offset: 33 },
  ];
  for (const { key, offset, ...d } of days) {
    const date = calendar.onOrBeforeWorkingDay(clamp(addDays(start, offset)));
    await store.supportDays.create(
      { ...d, date, chargePence: d.kind === 'development' ? Math.round(d.days * rate) : 0 },
      { idempotencyKey: `seed:support:${academicYear}:${key}` },
    );
  }
}
