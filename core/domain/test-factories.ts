/**
 * Test-only factories: small, real-looking values (a DSAT primary, its head and chair of LGB, an
 * AIM on a real school day) so each test states only what its rule is about.
 */
import type { Academy } from './academy';
import type { ActionItem } from './action-item';
import type { EscalationEvent } from './escalation';
import type { Intervention } from './intervention';
import type { KpiDataPoint, KpiTarget } from './kpi';
import type { LocalDate } from './local-date';
import { londonToUtc } from './london-time';
import type { Attendee, Meeting } from './meeting';
import type { ImprovementModel, MeetingKind } from './models/improvement-model.schema';
import { preset } from './models/presets';
import type { MonitoringForm } from './monitoring-form';
import { papersFor } from './paper-deadlines';
import { holdersOf, type Person, type Role } from './people';
import { academicYearOf, SchoolCalendar } from './school-year/school-calendar';
import type { SupportDay } from './support-days';

export const calendar = new SchoolCalendar();
export const dsat = (): ImprovementModel => preset('dsat');

export const ACADEMY_ID = 'oakfield';

export function makeAcademy(overrides: Partial<Academy> = {}): Academy {
  return {
    id: ACADEMY_ID,
    name: 'Oakfield Primary Academy',
    aliases: [],
    phase: 'primary',
    ofstedGrade: 'good',
    ofstedDate: '2023-03-15',
    inOfstedWindow: false,
    sponsored: false,
    supportStage: 'good-or-better',
    requests: [],
    improvementDirectorId: 'aid',
    improvementBudgetPence: 0,
    ...overrides,
  };
}

export function makePerson(id: string, name: string, roles: Array<[Role, string?]>): Person {
  return {
    id,
    name,
    email: `${id}@trust.example.org`,
    roles: roles.map(([role, academyId]) => (academyId ? { role, academyId } : { role })),
  };
}

/** DSAT's cast for one academy: AID, CEO, head, chair of LGB, headteacher partner, a LAB member, and a deputy who can stand in. */
export function makePeople(academyId = ACADEMY_ID): Person[] {
  return [
    makePerson('aid', 'Alison Reed', [['improvement-director']]),
    makePerson('ceo', 'Colin Evans', [['ceo']]),
    makePerson('head', 'Helen Shaw', [['head', academyId]]),
    makePerson('chair', 'Charles Lowe', [['chair-lgb', academyId]]),
    makePerson('partner', 'Priya Nair', [['headteacher-partner', academyId]]),
    makePerson('governor', 'Gwen Taylor', [['governor', academyId]]),
    makePerson('vice-chair', 'Victor Hale', [['governor', academyId]]),
  ];
}

export const kindOf = (model: ImprovementModel, id: string): MeetingKind => {
  const k = model.meetingKinds.find((x) => x.id === id);
  if (!k) throw new RangeError(`no meeting kind ${id} in ${model.id}`);
  return k;
};

/** A meeting of a preset's kind on a date, with the kind's papers (real deadlines) and attendees. */
export function makeMeeting(
  overrides: Partial<Meeting> & { kind?: string; date?: LocalDate } = {},
  context: { model?: ImprovementModel; people?: readonly Person[]; academy?: Academy } = {},
): Meeting {
  const model = context.model ?? dsat();
  const academy = context.academy ?? makeAcademy({ id: overrides.academyId ?? ACADEMY_ID });
  const people = context.people ?? makePeople(academy.id);
  const kind = kindOf(model, overrides.kind ?? 'aim');
  const date = overrides.date ?? '2026-10-13';
  const chairId =
    overrides.chairId ??
    (kind.chairRole === 'improvement-director' ? academy.improvementDirectorId : holdersOf(people, kind.chairRole, academy.id)[0]!.id);
  const attendees: Attendee[] = [{ personId: chairId, role: kind.chairRole, presence: 'chair', attendance: 'expected' }];
  for (const rule of kind.attendees) {
    for (const p of holdersOf(people, rule.role, academy.id)) {
      if (!attendees.some((a) => a.personId === p.id))
        attendees.push({ personId: p.id, role: rule.role, presence: rule.presence, attendance: 'expected' });
    }
  }
  return {
    id: `${kind.id}-${date}`,
    academyId: academy.id,
    kind: kind.id,
    academicYear: academicYearOf(date),
    halfTerm: calendar.halfTermOf(date)?.halfTerm ?? 1,
    timing: 'any',
    reason: '',
    date,
    days: 1,
    startsAt: londonToUtc(date, kind.startTime),
    endsAt: londonToUtc(date, '12:00'),
    status: 'planned',
    pinned: false,
    chairId,
    attendees,
    focus: [],
    papers: papersFor(kind, date, academy, chairId, people, calendar),
    judgements: [],
    ...overrides,
  };
}

export function makeAction(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 'act-1',
    academyId: ACADEMY_ID,
    text: 'Embed the new phonics scheme in Year 1',
    ownerId: 'head',
    dueDate: '2026-12-11',
    status: 'open',
    createdAt: '2026-09-29T10:00:00.000Z',
    progress: [],
    ...overrides,
  };
}

export function makeKpiTarget(overrides: Partial<KpiTarget> = {}): KpiTarget {
  return {
    id: 'kpi-ks2-rwm',
    academyId: ACADEMY_ID,
    academicYear: '2026/27',
    measure: 'KS2 pupils reaching the expected standard in reading, writing and maths',
    unit: 'percent',
    higherIsBetter: true,
    target: 70,
    ...overrides,
  };
}

export function makeDataPoint(overrides: Partial<KpiDataPoint> = {}): KpiDataPoint {
  return {
    id: 'dp-1',
    kpiId: 'kpi-ks2-rwm',
    academyId: ACADEMY_ID,
    academicYear: '2026/27',
    point: 1,
    value: 72,
    recordedAt: '2026-12-10T15:00:00.000Z',
    ...overrides,
  };
}

export function makeIntervention(overrides: Partial<Intervention> = {}): Intervention {
  return {
    id: 'int-1',
    academyId: ACADEMY_ID,
    kind: 'school-to-school',
    title: 'Maths mastery support from Brook Lane',
    targets: ['Year 6 pupils at the expected standard in maths up from 58% to 70%'],
    successCriteria: ['Mock SATs in March show at least 68% at the expected standard'],
    startDate: '2026-09-14',
    endDate: '2027-03-19',
    reviewDates: ['2026-10-19', '2026-12-07', '2027-02-01'],
    leadId: 'partner',
    supportingAcademyId: 'brook-lane',
    status: 'active',
    ...overrides,
  };
}

export function makeSupportDay(overrides: Partial<SupportDay> = {}): SupportDay {
  return {
    id: 'sd-1',
    academyId: ACADEMY_ID,
    date: '2026-11-10',
    kind: 'development',
    days: 1,
    providerId: 'aid',
    description: 'Writing moderation with Year 6 teachers',
    chargePence: 35000,
    ...overrides,
  };
}

export function makeEscalation(overrides: Partial<EscalationEvent> = {}): EscalationEvent {
  return {
    id: 'esc-1',
    academyId: ACADEMY_ID,
    step: 1,
    stepId: 'trust-support',
    at: '2026-10-14T09:00:00.000Z',
    by: 'aid',
    reason: 'Year 6 maths below target at the autumn data point',
    ...overrides,
  };
}

export function makeMonitoringForm(overrides: Partial<MonitoringForm> = {}): MonitoringForm {
  return {
    id: 'mf-1',
    academyId: ACADEMY_ID,
    observerId: 'aid',
    observerRole: 'School Improvement Leader',
    startsAt: '2026-11-10T09:15:00.000Z',
    endsAt: '2026-11-10T10:00:00.000Z',
    activity: 'Lesson observation',
    focus: 'Reasoning in Year 5 maths',
    yearClass: 'Year 5',
    subject: 'Maths',
    notes: '',
    whatWentWell: ['Clear modelling of the bar method'],
    evenBetterIf: ['More pupils explain their reasoning aloud'],
    judgements: { 'teaching-learning-assessment': 'good' },
    status: 'submitted',
    ...overrides,
  };
}

/** The success side of an outcome, or a test failure that shows the refusal. */
export function okOf<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}
