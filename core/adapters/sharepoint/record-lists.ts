import type { z } from 'zod';
import { academySchema, type Academy } from '../../domain/academy';
import { actionItemSchema, type ActionItem } from '../../domain/action-item';
import { escalationEventSchema, type EscalationEvent } from '../../domain/escalation';
import { interventionSchema, type Intervention } from '../../domain/intervention';
import { kpiDataPointSchema, kpiTargetSchema, type KpiDataPoint, type KpiTarget } from '../../domain/kpi';
import { meetingSchema, type Meeting } from '../../domain/meeting';
import { monitoringFormSchema, type MonitoringForm } from '../../domain/monitoring-form';
import { personSchema, type Person } from '../../domain/people';
import { supportDaySchema, type SupportDay } from '../../domain/support-days';
import { completedOn, emailKey } from '../shared/record-columns';
import type { ColumnSpec, ListSpec } from './column-spec';

export type FieldValue = string | number | boolean | null;

/** How one record kind lives in its list. */
export interface RecordList<T extends { id: string }> extends ListSpec {
  /** The kind as errors name it. */
  kind: string;
  schema: z.ZodType<T>;
  /** The academy the record belongs to; null for people (they may hold roles at several). */
  academyIdOf(record: T): string | null;
  /** The kind's own columns, copied out of the record: this mapper names every field it writes. */
  fieldsOf(record: T): Record<string, FieldValue>;
}

/*
 * Every list has the same core: the record id and the caller's idempotency key (both indexed and
 * unique), the academy (indexed) and the whole validated record as JSON in Body. The kind's own
 * columns are the ones its queries filter on (indexed) plus a few that make the list readable to
 * a trust admin browsing the site.
 */
export const CORE_COLUMNS: readonly ColumnSpec[] = [
  { name: 'RecordId', type: 'text', indexed: true, unique: true, source: 'id' },
  { name: 'IdempotencyKey', type: 'text', indexed: true, unique: true, source: 'idempotencyKey' },
  { name: 'AcademyId', type: 'text', indexed: true, source: 'academyId' },
  { name: 'Body', type: 'note', source: 'record' },
];

const list = <T extends { id: string }>(
  spec: Omit<RecordList<T>, 'template' | 'columns'> & { columns: readonly ColumnSpec[] },
): RecordList<T> => ({
  ...spec,
  template: 'genericList',
  columns: [...CORE_COLUMNS, ...spec.columns],
});
const own = (r: { academyId: string }): string => r.academyId;

export const ACADEMIES = list<Academy>({
  displayName: 'Academies',
  kind: 'academy',
  schema: academySchema,
  academyIdOf: (a) => a.id,
  columns: [
    { name: 'AcademyName', type: 'text', source: 'name' },
    { name: 'Phase', type: 'choice', choices: ['primary', 'secondary', 'all-through', 'special'] },
    { name: 'Sponsored', type: 'boolean' },
  ],
  fieldsOf: (a) => ({ AcademyName: a.name, Phase: a.phase, Sponsored: a.sponsored }),
});

export const PEOPLE = list<Person>({
  displayName: 'People',
  kind: 'person',
  schema: personSchema,
  academyIdOf: () => null,
  columns: [
    { name: 'EmailKey', type: 'text', indexed: true, source: 'email' },
    { name: 'EntraObjectId', type: 'text', indexed: true, source: 'entraObjectId' },
    { name: 'PersonName', type: 'text', source: 'name' },
    // For admins to link the Microsoft 365 account by hand; the app matches on EntraObjectId.
    { name: 'Account', type: 'person' },
  ],
  fieldsOf: (p) => ({ EmailKey: emailKey(p.email), EntraObjectId: p.entraObjectId ?? null, PersonName: p.name }),
});

export const MEETINGS = list<Meeting>({
  displayName: 'Meetings',
  kind: 'meeting',
  schema: meetingSchema,
  academyIdOf: own,
  columns: [
    { name: 'AcademicYear', type: 'text', indexed: true },
    { name: 'MeetingDate', type: 'text', indexed: true },
    { name: 'Status', type: 'choice', indexed: true, choices: ['planned', 'held', 'cancelled'] },
    { name: 'StartsAt', type: 'dateTime' },
    { name: 'Pinned', type: 'boolean' },
  ],
  fieldsOf: (m) => ({
    AcademicYear: m.academicYear,
    MeetingDate: m.date,
    Status: m.status,
    StartsAt: m.startsAt,
    Pinned: m.pinned,
  }),
});

export const ACTIONS = list<ActionItem>({
  displayName: 'Actions',
  kind: 'action',
  schema: actionItemSchema,
  academyIdOf: own,
  columns: [
    { name: 'OwnerId', type: 'text', indexed: true, source: 'ownerId' },
    { name: 'Status', type: 'choice', indexed: true, choices: ['open', 'in-progress', 'done', 'dropped'] },
    { name: 'DueDate', type: 'text', indexed: true },
    { name: 'CompletedOn', type: 'text', indexed: true },
  ],
  fieldsOf: (a) => ({ OwnerId: a.ownerId, Status: a.status, DueDate: a.dueDate, CompletedOn: completedOn(a) }),
});

export const KPI_TARGETS = list<KpiTarget>({
  displayName: 'KpiTargets',
  kind: 'KPI target',
  schema: kpiTargetSchema,
  academyIdOf: own,
  columns: [
    { name: 'AcademicYear', type: 'text', indexed: true },
    { name: 'Target', type: 'number' },
  ],
  fieldsOf: (t) => ({ AcademicYear: t.academicYear, Target: t.target }),
});

export const KPI_DATA_POINTS = list<KpiDataPoint>({
  displayName: 'KpiDataPoints',
  kind: 'KPI data point',
  schema: kpiDataPointSchema,
  academyIdOf: own,
  columns: [
    { name: 'AcademicYear', type: 'text', indexed: true },
    { name: 'Value', type: 'number' },
  ],
  fieldsOf: (d) => ({ AcademicYear: d.academicYear, Value: d.value }),
});

export const INTERVENTIONS = list<Intervention>({
  displayName: 'Interventions',
  kind: 'intervention',
  schema: interventionSchema,
  academyIdOf: own,
  columns: [{ name: 'Status', type: 'choice', choices: ['planned', 'active', 'completed', 'stopped'] }],
  fieldsOf: (i) => ({ Status: i.status }),
});

export const ESCALATIONS = list<EscalationEvent>({
  displayName: 'Escalations',
  kind: 'escalation event',
  schema: escalationEventSchema,
  academyIdOf: own,
  columns: [{ name: 'Step', type: 'number' }],
  fieldsOf: (e) => ({ Step: e.step }),
});

export const SUPPORT_DAYS = list<SupportDay>({
  displayName: 'SupportDays',
  kind: 'support day',
  schema: supportDaySchema,
  academyIdOf: own,
  columns: [
    { name: 'SupportDate', type: 'text', indexed: true },
    { name: 'Days', type: 'number' },
  ],
  fieldsOf: (d) => ({ SupportDate: d.date, Days: d.days }),
});

export const MONITORING_FORMS = list<MonitoringForm>({
  displayName: 'MonitoringForms',
  kind: 'monitoring form',
  schema: monitoringFormSchema,
  academyIdOf: own,
  columns: [],
  fieldsOf: () => ({}),
});

/** Graph's genericList has a Title column (single line of text): the record id is written there for people browsing. */
export const TITLE_COLUMN: ColumnSpec = { name: 'Title', type: 'text', source: 'id' };

/** The trust's one settings item, keyed by a fixed RecordId. */
export const TRUST_SETTINGS_LIST: ListSpec = { displayName: 'TrustSettings', template: 'genericList', columns: CORE_COLUMNS };

/** Heads' papers: one folder per meeting. The lookup shows, for people browsing, which meeting a file is for. */
export const PAPERS_LIBRARY: ListSpec = {
  displayName: 'Papers',
  template: 'documentLibrary',
  columns: [{ name: 'Meeting', type: 'lookup', lookup: { list: 'Meetings', column: 'Title' } }],
};

/** Every record list, in the order provisioning creates them (lookup targets first). */
export const RECORD_LISTS = [
  ACADEMIES,
  PEOPLE,
  MEETINGS,
  ACTIONS,
  KPI_TARGETS,
  KPI_DATA_POINTS,
  INTERVENTIONS,
  ESCALATIONS,
  SUPPORT_DAYS,
  MONITORING_FORMS,
] as const;

/** Everything provisioning makes, in order. */
export const SITE_SCHEMA: readonly ListSpec[] = [TRUST_SETTINGS_LIST, ...RECORD_LISTS, PAPERS_LIBRARY];
