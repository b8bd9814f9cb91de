import type { Academy } from '../../core/domain/academy';
import type { ActionItem } from '../../core/domain/action-item';
import type { EscalationEvent } from '../../core/domain/escalation';
import type { Intervention } from '../../core/domain/intervention';
import type { KpiDataPoint, KpiTarget } from '../../core/domain/kpi';
import type { LocalDate } from '../../core/domain/local-date';
import type { Meeting, MeetingPaper } from '../../core/domain/meeting';
import { preset } from '../../core/domain/models/presets';
import type { MonitoringForm } from '../../core/domain/monitoring-form';
import type { Person } from '../../core/domain/people';
import type { SupportDay } from '../../core/domain/support-days';
import type { TrustSettings } from '../../core/domain/trust-settings';

/*
 * Small valid records for the contract suite: each factory fills every required field with a
 * plausible value and takes overrides for what a test is about. Ids are unique per run, so tests
 * never collide however they are combined.
 */

let sequence = 0;

/** A fresh id with a readable prefix ("meeting-17"). */
export const uniqueId = (prefix: string): string => `${prefix}-${String(++sequence).padStart(4, '0')}`;

/** A fresh idempotency key, as a host would derive from the request it is handling. */
export const uniqueKey = (): string => uniqueId('key');

/** Noon UTC on a date: a UTC instant that is on the same day in England all year round. */
export const noonOn = (date: LocalDate): string => `${date}T12:00:00Z`;

/** An academy in the first stage of support. */
export function anAcademy(overrides: Partial<Academy> = {}): Academy {
  return {
    id: uniqueId('academy'),
    name: 'Oakfield Primary Academy',
    aliases: ['Oakfield'],
    phase: 'primary',
    ofstedGrade: 'good',
    inOfstedWindow: false,
    sponsored: false,
    supportStage: 'universal',
    requests: [],
    improvementDirectorId: 'person-director',
    improvementBudgetPence: 250000,
    ...overrides,
  };
}

/** The head of an academy. */
export function aPerson(academyId: string, overrides: Partial<Person> = {}): Person {
  const id = overrides.id ?? uniqueId('person');
  return {
    id,
    name: 'Jo Bloggs',
    email: `${id}@oakfield.example.org`,
    jobTitle: 'Headteacher',
    roles: [{ role: 'head', academyId }],
    ...overrides,
  };
}

/** A paper due on `dueDate`, not yet in. */
export function aPaper(dueDate: LocalDate, overrides: Partial<MeetingPaper> = {}): MeetingPaper {
  return {
    requirementId: uniqueId('paper'),
    title: 'School self-evaluation summary',
    ownerRole: 'head',
    ownerId: 'person-head',
    dueDate,
    ...overrides,
  };
}

/** A planned meeting of an academy on `date`, with no papers unless given. */
export function aMeeting(academyId: string, date: LocalDate, overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: uniqueId('meeting'),
    academyId,
    kind: 'aim',
    academicYear: '2026/27',
    halfTerm: 1,
    timing: 'any',
    reason: 'termly academy improvement meeting',
    date,
    days: 1,
    startsAt: `${date}T08:30:00Z`,
    endsAt: `${date}T11:30:00Z`,
    status: 'planned',
    pinned: false,
    chairId: 'person-director',
    attendees: [{ personId: 'person-head', role: 'head', presence: 'expected', attendance: 'expected' }],
    focus: [],
    papers: [],
    judgements: [],
    ...overrides,
  };
}

/** An open action for `ownerId`, due on `dueDate`. */
export function anAction(academyId: string, ownerId: string, dueDate: LocalDate, overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: uniqueId('action'),
    academyId,
    text: 'Share the updated attendance plan with governors',
    ownerId,
    dueDate,
    status: 'open',
    createdAt: '2026-09-15T10:00:00Z',
    progress: [],
    ...overrides,
  };
}

/** A KPI target for an academic year. */
export function aKpiTarget(academyId: string, academicYear = '2026/27', overrides: Partial<KpiTarget> = {}): KpiTarget {
  return {
    id: uniqueId('kpi'),
    academyId,
    academicYear,
    measure: 'Pupils meeting the expected standard in reading, writing and maths',
    unit: 'percent',
    higherIsBetter: true,
    target: 68,
    ...overrides,
  };
}

/** A value recorded against a KPI at one of the year's data points. */
export function aKpiDataPoint(academyId: string, academicYear = '2026/27', overrides: Partial<KpiDataPoint> = {}): KpiDataPoint {
  return {
    id: uniqueId('kpi-value'),
    kpiId: 'kpi-reading',
    academyId,
    academicYear,
    point: 1,
    value: 64,
    recordedAt: '2026-12-10T16:00:00Z',
    ...overrides,
  };
}

/** An active in-school intervention with one target, criterion and review date. */
export function anIntervention(academyId: string, overrides: Partial<Intervention> = {}): Intervention {
  return {
    id: uniqueId('intervention'),
    academyId,
    kind: 'in-school',
    title: 'Phonics catch-up in Year 2',
    targets: ['85% of Year 2 pass the phonics re-check'],
    successCriteria: ['Re-check pass rate at or above 85%'],
    startDate: '2026-09-07',
    endDate: '2027-03-26',
    reviewDates: ['2026-12-07'],
    leadId: 'person-director',
    status: 'active',
    ...overrides,
  };
}

/** A move onto the second rung of the escalation ladder. */
export function anEscalation(academyId: string, overrides: Partial<EscalationEvent> = {}): EscalationEvent {
  return {
    id: uniqueId('escalation'),
    academyId,
    step: 1,
    stepId: 'formal-monitoring',
    at: '2026-10-02T09:00:00Z',
    by: 'person-director',
    reason: 'KPI drop in reading not addressed at the review meeting',
    ...overrides,
  };
}

/** A core support day on `date`. */
export function aSupportDay(academyId: string, date: LocalDate = '2026-10-05', overrides: Partial<SupportDay> = {}): SupportDay {
  return {
    id: uniqueId('support-day'),
    academyId,
    date,
    kind: 'core',
    days: 1,
    providerId: 'person-director',
    description: 'Learning walk with the head',
    chargePence: 0,
    ...overrides,
  };
}

/** A lesson observation. */
export function aMonitoringForm(academyId: string, overrides: Partial<MonitoringForm> = {}): MonitoringForm {
  return {
    id: uniqueId('form'),
    academyId,
    observerId: 'person-director',
    observerRole: 'Improvement Director',
    startsAt: '2026-10-06T09:00:00Z',
    endsAt: '2026-10-06T10:00:00Z',
    activity: 'lesson-observation',
    focus: 'Reading fluency in Year 4',
    notes: '',
    whatWentWell: ['Clear modelling'],
    evenBetterIf: [],
    judgements: { 'quality-of-education': 'good' },
    status: 'submitted',
    ...overrides,
  };
}

/** A trust on the DSAT model. */
export function someTrustSettings(overrides: Partial<TrustSettings> = {}): TrustSettings {
  return { id: 'trust', name: 'Oak Learning Trust', model: preset('dsat'), termDates: [], closures: [], ...overrides };
}
