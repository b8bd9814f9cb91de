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

/** How one record kind maps onto its table. */
export interface CollectionSpec<T extends { id: string }> {
  /** The kind as errors name it ("No meeting with id …"). */
  kind: string;
  table: string;
  schema: z.ZodType<T>;
  /** The academy the record belongs to, or null when it has no single one (people). */
  academyIdOf(record: T): string | null;
  /** Indexed columns copied out of the record on every write (column name → value). */
  columns: Readonly<Record<string, (record: T) => string | null>>;
  /** Academies a record belongs to through a link table, for kinds without a single academy. */
  academyLinks?: { table: string; recordColumn: string; academyIdsOf(record: T): string[] };
}

const ownAcademy = (r: { academyId: string }): string => r.academyId;

export const ACADEMIES: CollectionSpec<Academy> = {
  kind: 'academy',
  table: 'academies',
  schema: academySchema,
  // An academy "belongs to" itself, so listing academies by academy behaves like every other kind.
  academyIdOf: (a) => a.id,
  columns: {},
};

export const PEOPLE: CollectionSpec<Person> = {
  kind: 'person',
  table: 'people',
  schema: personSchema,
  academyIdOf: () => null,
  columns: {
    email: (p) => emailKey(p.email),
    entra_object_id: (p) => p.entraObjectId ?? null,
  },
  // A person belongs to every academy they hold a role at (head of one, governor of another).
  academyLinks: {
    table: 'person_academies',
    recordColumn: 'person_id',
    academyIdsOf: (p) => [...new Set(p.roles.flatMap((r) => (r.academyId === undefined ? [] : [r.academyId])))],
  },
};

export const MEETINGS: CollectionSpec<Meeting> = {
  kind: 'meeting',
  table: 'meetings',
  schema: meetingSchema,
  academyIdOf: ownAcademy,
  columns: {
    academic_year: (m) => m.academicYear,
    date: (m) => m.date,
    status: (m) => m.status,
  },
};

export const ACTIONS: CollectionSpec<ActionItem> = {
  kind: 'action',
  table: 'actions',
  schema: actionItemSchema,
  academyIdOf: ownAcademy,
  columns: {
    owner_id: (a) => a.ownerId,
    status: (a) => a.status,
    due_date: (a) => a.dueDate,
    completed_on: completedOn,
  },
};

export const KPI_TARGETS: CollectionSpec<KpiTarget> = {
  kind: 'KPI target',
  table: 'kpi_targets',
  schema: kpiTargetSchema,
  academyIdOf: ownAcademy,
  columns: { academic_year: (t) => t.academicYear },
};

export const KPI_DATA_POINTS: CollectionSpec<KpiDataPoint> = {
  kind: 'KPI data point',
  table: 'kpi_data_points',
  schema: kpiDataPointSchema,
  academyIdOf: ownAcademy,
  columns: { academic_year: (d) => d.academicYear },
};

export const INTERVENTIONS: CollectionSpec<Intervention> = {
  kind: 'intervention',
  table: 'interventions',
  schema: interventionSchema,
  academyIdOf: ownAcademy,
  columns: {},
};

export const ESCALATIONS: CollectionSpec<EscalationEvent> = {
  kind: 'escalation event',
  table: 'escalations',
  schema: escalationEventSchema,
  academyIdOf: ownAcademy,
  columns: {},
};

export const SUPPORT_DAYS: CollectionSpec<SupportDay> = {
  kind: 'support day',
  table: 'support_days',
  schema: supportDaySchema,
  academyIdOf: ownAcademy,
  columns: { date: (d) => d.date },
};

export const MONITORING_FORMS: CollectionSpec<MonitoringForm> = {
  kind: 'monitoring form',
  table: 'monitoring_forms',
  schema: monitoringFormSchema,
  academyIdOf: ownAcademy,
  columns: {},
};
