import { appliesTo, cadenceReasons, requiredMeetings } from './cadence';
import { isoWeekday, type LocalDate } from './local-date';
import { isTrustMeeting, type Meeting } from './meeting';
import { reportDeadline } from './meeting-reports';
import { improvementModelSchema, type ImprovementModel, type ImprovementModelInput } from './models/improvement-model.schema';
import { preset } from './models/presets';
import { SCHOOLSWORKS_PRESET } from './models/presets/schoolsworks';
import { WATERTON_PRESET } from './models/presets/waterton';
import type { TrustMeetingKind } from './models/trust-meetings.schema';
import type { Person } from './people';
import { SchoolCalendar } from './school-year/school-calendar';
import { trustOccurrences } from './trust-meeting-occurrences';
import { planTrustMeetings } from './trust-meeting-planner';
import { planYear } from './year-planner';
import { asMeetings, makeTrust } from './year-planner.fixtures';
import { formatLongDate } from './format/dates';

const calendar = new SchoolCalendar();
const YEAR = '2026/27';

/** A trust meeting kind with everything but its cadence set, as the schema fills it in. */
const kind = (cadence: unknown): TrustMeetingKind =>
  improvementModelSchema.shape.trustMeetings.parse([{ id: 'x', name: 'X', abbreviation: 'X', label: 'X', cadence, chair: 'ceo' }])[0]!;

const schoolWeeks = new Set([1, 2, 3, 4, 5, 6].flatMap((h) => calendar.schoolDays(YEAR, h)).map(weekStart)).size;
function weekStart(d: LocalDate): string {
  const t = new Date(`${d}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7));
  return t.toISOString().slice(0, 10);
}

describe('cadence forms a trust meeting can have', () => {
  it('weekly: one in every school week, on the preferred weekday first', () => {
    const occ = trustOccurrences(kind({ every: 'weeks', weeks: 1, weekday: 1 }), calendar, YEAR);
    expect(occ).toHaveLength(schoolWeeks);
    expect(occ.length).toBeGreaterThanOrEqual(38);
    // Each week's first choice is its Monday where the Monday is a school day.
    const mondays = occ.filter((o) => isoWeekday(o.days[0]!) === 1).length;
    expect(mondays).toBeGreaterThan(occ.length - 6);
    occ.forEach((o) => expect(new Set(o.days.map(weekStart)).size).toBe(1));
  });

  it('fortnightly and every six weeks count school weeks, so a holiday does not stretch the gap', () => {
    expect(trustOccurrences(kind({ every: 'weeks', weeks: 2 }), calendar, YEAR)).toHaveLength(Math.ceil(schoolWeeks / 2));
    const sixWeekly = trustOccurrences(kind({ every: 'weeks', weeks: 6, weekday: 2 }), calendar, YEAR);
    expect(sixWeekly).toHaveLength(Math.ceil(schoolWeeks / 6));
    // Every six weeks, a meeting may slip into the following weeks when its own week is full.
    expect(new Set(sixWeekly[0]!.days.map(weekStart)).size).toBe(6);
  });

  it('monthly: one in each month with school days (September to July)', () => {
    const occ = trustOccurrences(kind({ every: 'month', weekday: 4 }), calendar, YEAR);
    expect(occ.map((o) => o.days[0]!.slice(0, 7))).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
    ]);
    occ.forEach((o) => expect(isoWeekday(o.days[0]!)).toBe(4));
  });

  it('each half term, each term, and named slots, by their timing', () => {
    const half = trustOccurrences(kind({ every: 'half-term', timing: 'late' }), calendar, YEAR);
    expect(half.map((o) => calendar.halfTermOf(o.days[0]!)?.halfTerm)).toEqual([1, 2, 3, 4, 5, 6]);
    // "late" is the last third of the half term's school days.
    half.forEach((o, i) => {
      const days = calendar.schoolDays(YEAR, i + 1);
      expect(days.indexOf(o.days[0]!)).toBeGreaterThanOrEqual(Math.floor((2 * days.length) / 3));
    });
    const terms = trustOccurrences(kind({ every: 'term', timing: 'early' }), calendar, YEAR);
    expect(terms.map((o) => calendar.halfTermOf(o.days[0]!)?.term)).toEqual(['autumn', 'spring', 'summer']);
    const twice = trustOccurrences(kind({ every: 'slots', slots: [{ halfTerm: 5 }, { halfTerm: 2 }] }), calendar, YEAR);
    expect(twice.map((o) => calendar.halfTermOf(o.days[0]!)?.halfTerm)).toEqual([2, 5]);
  });

  it('a report is due the given number of working days after the meeting, over a weekend', () => {
    expect(reportDeadline('2026-11-20', 5, calendar)).toBe('2026-11-27'); // Friday to the Friday after
    expect(reportDeadline('2026-11-20', 1, calendar)).toBe('2026-11-23');
  });
});

describe('academy cadence beyond twelve a year, and conditions on phase, risk band and escalation step', () => {
  const base = WATERTON_PRESET;
  const withRule = (rule: Record<string, unknown>): ImprovementModelInput => ({
    ...base,
    cadence: [...(base.cadence ?? []), { id: 'rsb', meetingKind: 'aser', label: 'Raising standards board', ...rule }],
  });

  it('fortnightly (everyWeeks: 2) is 18 meetings: weeks 1, 3 and 5 of every half term', () => {
    const model = improvementModelSchema.parse(withRule({ everyWeeks: 2 }));
    const rule = model.cadence.find((r) => r.id === 'rsb')!;
    expect(rule.slots).toHaveLength(18);
    expect(rule.slots.filter((s) => s.halfTerm === 4).map((s) => s.timing)).toEqual(['early', 'middle', 'late']);
  });

  it('refuses more than 39 a year, and a rule with neither slots nor a gap, saying why', () => {
    const tooMany = improvementModelSchema.safeParse(withRule({ slots: Array.from({ length: 40 }, () => ({ halfTerm: 1 })) }));
    expect(tooMany.success).toBe(false);
    expect(tooMany.error!.issues.map((i) => i.message)).toContain(
      'at most 39 meetings a year (weekly through the 39 weeks of a school year)',
    );
    const none = improvementModelSchema.safeParse(withRule({}));
    expect(none.error!.issues.map((i) => i.message)).toContain('give the slots, or how many weeks apart the meetings are (everyWeeks)');
  });

  it('holds for the academy’s phase, risk band or escalation step, and says so', () => {
    const model = improvementModelSchema.parse(
      withRule({
        everyWeeks: 2,
        when: { anyOf: [{ escalationSteps: ['formal-action-plan'] }, { riskBands: ['high'], phases: ['secondary'] }] },
      }),
    );
    const rule = model.cadence.find((r) => r.id === 'rsb')!;
    const facts = {
      ofstedGrade: 'good' as const,
      supportStage: 'standard',
      sponsored: false,
      inOfstedWindow: false,
      requests: [] as string[],
    };
    expect(appliesTo(rule.when, { ...facts, escalationStepId: 'formal-action-plan' }, model)).toBe(true);
    expect(appliesTo(rule.when, { ...facts, escalationStepId: 'trust-support' }, model)).toBe(false);
    expect(appliesTo(rule.when, { ...facts, riskBand: 'high', phase: 'secondary' }, model)).toBe(true);
    expect(appliesTo(rule.when, { ...facts, riskBand: 'high', phase: 'primary' }, model)).toBe(false);
    const why = cadenceReasons(model, { ...facts, escalationStepId: 'formal-action-plan' }).find((r) => r.ruleId === 'rsb')!;
    expect(why.text).toMatch(/^18 ASERs a year because it is at the “.+” step of the escalation ladder$/);
    const typo = improvementModelSchema.safeParse(
      withRule({ everyWeeks: 2, when: { anyOf: [{ escalationSteps: ['special-measures'] }] } }),
    );
    expect(typo.error!.issues[0]!.message).toMatch(/^no escalation step "special-measures"; known: own-capacity/);
  });
});

/** The trust's governance people the presets name: trustees, a chair of the board, an SI director, lead practitioners. */
function governancePeople(): Person[] {
  const p = (id: string, role: Person['roles'][number]['role'], jobTitle?: string, academyId?: string): Person => ({
    id,
    name: id,
    email: `${id}@trust.example.org`,
    ...(jobTitle ? { jobTitle } : {}),
    roles: [academyId ? { role, academyId } : { role }],
  });
  return [
    p('chair-of-board', 'board', 'Chair of Trustees'),
    p('si-director', 'board', 'SI Director'),
    p('trustee-1', 'board', 'Trustee'),
    p('trustee-2', 'board', 'Trustee'),
    p('lead-1', 'lead-practitioner', 'English lead', 'a01'),
  ];
}

/** "ceo on 2026-10-12" for every chair with two meetings (of an academy or the trust) on one day. */
function clashes(meetings: readonly Meeting[], model: ImprovementModel): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of meetings.filter((x) => x.status !== 'cancelled')) {
    const kind = model.meetingKinds.find((k) => k.id === m.kind);
    const days = kind?.monitoringVisitDayBefore ? [calendar.previousSchoolDay(m.date)!, m.date] : [m.date];
    for (let i = 1; i < m.days; i++) days.push(calendar.schoolDays(YEAR, m.halfTerm).find((d) => d > days.at(-1)!)!);
    for (const d of days) {
      if (seen.has(`${m.chairId} on ${d}`)) out.push(`${m.chairId} on ${d}`);
      seen.add(`${m.chairId} on ${d}`);
    }
  }
  return out;
}

function planWholeYear(model: ImprovementModel, count: number) {
  const trust = makeTrust(model, count, 2);
  const people = [...trust.people, ...governancePeople()];
  const academyPlan = planYear({ model, calendar, academicYear: YEAR, academies: trust.academies, people });
  const academyMeetings = asMeetings(academyPlan.create);
  const trustPlan = planTrustMeetings({ model, calendar, academicYear: YEAR, people, academyMeetings, existing: [] });
  return { academyPlan, academyMeetings, trustPlan, trustMeetings: asMeetings(trustPlan.create), people };
}

describe.each([
  ['waterton', { 'ceo-ssio': schoolWeeks, 'si-director-ssio': 11, 'si-committee': 3, 'board-si-report': 3 }],
  [
    'schoolsworks',
    { 'heads-before-board': 2, 'dtl-ceo': Math.ceil(schoolWeeks / 6), 'dtl-board-report': 6, 'chairmans-challenge': 11, 'heads-forum': 6 },
  ],
  ['dsat', { moderation: 3, network: 3 }],
] as const)('a year of %s’s trust meetings', (id, counts) => {
  const model = preset(id);
  const { academyMeetings, trustPlan, trustMeetings } = planWholeYear(model, 8);

  it('places every one the model asks for, with its chair and people', () => {
    expect(trustPlan.unplaced).toEqual([]);
    const byKind: Record<string, number> = {};
    trustMeetings.forEach((m) => (byKind[m.kind] = (byKind[m.kind] ?? 0) + 1));
    expect(byKind).toEqual(counts);
    trustMeetings.forEach((m) => {
      expect(isTrustMeeting(m)).toBe(true);
      expect(m.attendees[0]).toMatchObject({ personId: m.chairId, presence: 'chair' });
    });
  });

  it('puts them all on school days, and no chair has two meetings on one day', () => {
    trustMeetings.forEach((m) => expect(calendar.isSchoolDay(m.date)).toBe(true));
    expect(clashes([...academyMeetings, ...trustMeetings], model)).toEqual([]);
  });
});

describe('Waterton with a fortnightly raising standards board for schools at the formal action plan step', () => {
  const input: ImprovementModelInput = {
    ...WATERTON_PRESET,
    meetingKinds: [
      ...(WATERTON_PRESET.meetingKinds ?? []),
      {
        id: 'rsb',
        name: 'Raising standards board',
        abbreviation: 'RSB',
        durationMinutes: 90,
        chairRole: 'ceo',
        attendees: [{ role: 'head' }, { role: 'chair-lgb' }, { role: 'improvement-director' }],
        reports: [{ id: 'rsb-minutes', title: 'RSB minutes and actions', owner: 'improvement-director', dueWorkingDaysAfter: 2 }],
      },
    ],
    cadence: [
      ...(WATERTON_PRESET.cadence ?? []),
      {
        id: 'rsb-fortnightly',
        meetingKind: 'rsb',
        label: 'Fortnightly raising standards board for a school in special measures or on a formal action plan',
        everyWeeks: 2,
        when: { anyOf: [{ escalationSteps: ['formal-action-plan', 'change-of-status'] }, { ofstedGrades: ['inadequate'] }] },
      },
    ],
  };
  const model = improvementModelSchema.parse(input);
  const trust = makeTrust(model, 10, 2);
  trust.academies[1] = { ...trust.academies[1]!, escalationStepId: 'formal-action-plan' } as (typeof trust.academies)[number];
  const people = [...trust.people, ...governancePeople()];
  const plan = planYear({ model, calendar, academicYear: YEAR, academies: trust.academies, people });
  const academyMeetings = asMeetings(plan.create);
  const trustPlan = planTrustMeetings({ model, calendar, academicYear: YEAR, people, academyMeetings, existing: [] });
  const all = [...academyMeetings, ...asMeetings(trustPlan.create)];
  const boards = academyMeetings.filter((m) => m.kind === 'rsb');
  const boarded = [...new Set(boards.map((m) => m.academyId))].sort();

  it('gives each such school 18 boards, at least a week apart, every one placed', () => {
    expect(plan.unplaced).toEqual([]);
    expect(trustPlan.unplaced).toEqual([]);
    expect(boarded.length).toBeGreaterThanOrEqual(2);
    expect(boarded).toContain(trust.academies[1]!.id);
    for (const a of boarded) {
      const dates = boards
        .filter((m) => m.academyId === a)
        .map((m) => m.date)
        .sort();
      expect(dates).toHaveLength(18);
      const gaps = dates.slice(1).map((d, i) => (Date.parse(d) - Date.parse(dates[i]!)) / 86_400_000);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(7);
      expect(requiredMeetings(model, { ...trust.academies.find((x) => x.id === a)! }).filter((r) => r.kind === 'rsb').length).toBe(18);
      expect(boards.find((m) => m.academyId === a)!.reports).toEqual([
        expect.objectContaining({ requirementId: 'rsb-minutes', title: 'RSB minutes and actions', ownerId: expect.any(String) }),
      ]);
    }
  });

  it('plans the whole year with the trust meetings: all on school days, and no chair in two meetings on one day', () => {
    all.forEach((m) => expect(calendar.isSchoolDay(m.date)).toBe(true));
    expect(clashes(all, model)).toEqual([]);
    expect(all.filter((m) => m.chairId === 'ceo').length).toBeGreaterThan(18 * 2 + 30);
  });

  it('re-planning keeps every trust meeting where it is', () => {
    const again = planTrustMeetings({
      model,
      calendar,
      academicYear: YEAR,
      people,
      academyMeetings,
      existing: asMeetings(trustPlan.create),
    });
    expect(again.create).toEqual([]);
    expect(again.change).toEqual([]);
    expect(again.cancel).toEqual([]);
    expect(again.keep).toHaveLength(trustPlan.create.length);
  });
});

describe('when the chair has no free day', () => {
  it('reports the meeting with why, in words, and places the rest', () => {
    const model = preset('waterton');
    const { people } = makeTrust(model, 2, 1);
    // The CEO chairs an academy meeting every school day of the first week of term (Wednesday to Friday).
    const first = calendar.schoolDays(YEAR, 1);
    const week = first.filter((d) => weekStart(d) === weekStart(first[0]!));
    const busy = week.map(
      (date, i) =>
        ({
          ...asMeetings([])[0],
          id: `busy-${i}`,
          academyId: 'a01',
          kind: 'aser',
          date,
          days: 1,
          chairId: 'ceo',
          status: 'planned',
        }) as Meeting,
    );
    const plan = planTrustMeetings({ model, calendar, academicYear: YEAR, people, academyMeetings: busy, existing: [] });
    const weekly = plan.unplaced.filter((u) => u.kind === 'ceo-ssio');
    expect(weekly).toEqual([
      {
        kind: 'ceo-ssio',
        occurrence: 1,
        chairId: 'ceo',
        reason: `The chair has a meeting on every school day the CEO and SSIO weekly meeting could take (${formatLongDate(week[0]!)} to ${formatLongDate(week.at(-1)!)})`,
      },
    ]);
    expect(plan.create.filter((m) => m.kind === 'ceo-ssio')).toHaveLength(schoolWeeks - 1);
  });
});

describe('risk bands in the trust’s words', () => {
  it('names the band as the trust does in the reason, and refuses a band given twice', () => {
    const model = improvementModelSchema.parse({
      ...WATERTON_PRESET,
      riskBands: [
        { id: 'low', label: 'Green: light touch' },
        { id: 'high', label: 'Red: intensive support' },
      ],
      cadence: [
        ...(WATERTON_PRESET.cadence ?? []),
        { id: 'rsb', meetingKind: 'aser', label: 'Raising standards board', everyWeeks: 2, when: { anyOf: [{ riskBands: ['high'] }] } },
      ],
    });
    const facts = {
      ofstedGrade: 'good' as const,
      supportStage: 'standard',
      sponsored: false,
      inOfstedWindow: false,
      requests: [] as string[],
    };
    const why = cadenceReasons(model, { ...facts, riskBand: 'high' }).find((r) => r.ruleId === 'rsb')!;
    expect(why.because).toBe('the trust has put it in the “Red: intensive support” band');
    const twice = improvementModelSchema.safeParse({
      ...WATERTON_PRESET,
      riskBands: [
        { id: 'low', label: 'A' },
        { id: 'low', label: 'B' },
      ],
    });
    expect(twice.error!.issues.map((i) => i.message)).toEqual(['risk band "low" appears twice']);
  });
});

describe('trust meeting kinds in the model', () => {
  it('refuses a chair or attendee that is neither a role the app knows nor one of the trust’s, naming the field', () => {
    const bad = improvementModelSchema.safeParse({
      ...SCHOOLSWORKS_PRESET,
      trustMeetings: [
        { id: 'x', name: 'X', abbreviation: 'X', label: 'X', cadence: { every: 'month' }, chair: 'chairmen', attendees: ['trustees'] },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message.split(';')[0]}`)).toEqual([
      'trustMeetings.0.chair: no role "chairmen"',
      'trustMeetings.0.attendees.0: no role "trustees"',
    ]);
    expect(bad.error!.issues[0]!.message).toContain('chairman, trustee');
  });
});
