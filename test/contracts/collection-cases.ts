import type { Academy } from '../../core/domain/academy';
import type { ActionItem } from '../../core/domain/action-item';
import type { EscalationEvent } from '../../core/domain/escalation';
import type { Intervention } from '../../core/domain/intervention';
import type { KpiDataPoint, KpiTarget } from '../../core/domain/kpi';
import type { Meeting } from '../../core/domain/meeting';
import type { MonitoringForm } from '../../core/domain/monitoring-form';
import type { Person } from '../../core/domain/people';
import type { SupportDay } from '../../core/domain/support-days';
import type { Collection, RecordStore, Stored } from '../../core/ports/record-store.port';
import {
  aKpiDataPoint,
  aKpiTarget,
  aMeeting,
  aMonitoringForm,
  anAcademy,
  anAction,
  anEscalation,
  anIntervention,
  aPerson,
  aSupportDay,
} from './record-factories';

/** What the generic collection rules need to know about one record kind. */
export interface CollectionCase<T extends { id: string }> {
  kind: string;
  collection(store: RecordStore): Collection<T>;
  /** A valid record belonging to `academyId` (an academy is the academy itself). */
  make(academyId: string): T;
  /** A valid edit a user could make. */
  change(record: Stored<T>): Stored<T>;
  /** The record with one field its schema refuses. */
  spoil(record: T): T;
}

type AnyCase = CollectionCase<{ id: string }>;
// The cases differ in record type; the rules only move records between the factory and the store.
const kindCase = <T extends { id: string }>(c: CollectionCase<T>): AnyCase => c;

/** Every collection of the port, with a factory, an edit and a spoiler for each. */
export const COLLECTION_CASES: readonly AnyCase[] = [
  kindCase<Academy>({
    kind: 'academy',
    collection: (s) => s.academies,
    make: (academyId) => anAcademy({ id: academyId }),
    change: (a) => ({ ...a, supportStage: 'targeted', riskBand: 'medium' }),
    spoil: (a) => ({ ...a, name: '   ' }),
  }),
  kindCase<Person>({
    kind: 'person',
    collection: (s) => s.people,
    make: (academyId) => aPerson(academyId),
    change: (p) => ({ ...p, jobTitle: 'Executive Headteacher' }),
    spoil: (p) => ({ ...p, email: 'not an email address' }),
  }),
  kindCase<Meeting>({
    kind: 'meeting',
    collection: (s) => s.meetings,
    make: (academyId) => aMeeting(academyId, '2026-10-08'),
    // A judgement citing a monitoring visit as evidence (issue 16) is stored with the visit's id.
    change: (m) => ({
      ...m,
      status: 'held',
      focus: ['reading'],
      judgements: [{ area: 'reading', evidence: 'Learning walk the day before', evidenceVisitIds: ['form-1'] }],
    }),
    spoil: (m) => ({ ...m, date: '2026-02-30' }),
  }),
  kindCase<ActionItem>({
    kind: 'action',
    collection: (s) => s.actions,
    make: (academyId) => anAction(academyId, 'person-head', '2026-11-02'),
    change: (a) => ({ ...a, status: 'in-progress' }),
    spoil: (a) => ({ ...a, text: '' }),
  }),
  kindCase<KpiTarget>({
    kind: 'KPI target',
    collection: (s) => s.kpiTargets,
    make: (academyId) => aKpiTarget(academyId),
    change: (t) => ({ ...t, target: 70 }),
    spoil: (t) => ({ ...t, measure: '' }),
  }),
  kindCase<KpiDataPoint>({
    kind: 'KPI data point',
    collection: (s) => s.kpiDataPoints,
    make: (academyId) => aKpiDataPoint(academyId),
    change: (d) => ({ ...d, value: 66 }),
    spoil: (d) => ({ ...d, point: 13 }),
  }),
  kindCase<Intervention>({
    kind: 'intervention',
    collection: (s) => s.interventions,
    make: (academyId) => anIntervention(academyId),
    change: (i) => ({ ...i, status: 'completed' }),
    // A time limit before the start: refused by the schema's refinement, not its shape.
    spoil: (i) => ({ ...i, endDate: '2026-09-01' }),
  }),
  kindCase<EscalationEvent>({
    kind: 'escalation event',
    collection: (s) => s.escalations,
    make: (academyId) => anEscalation(academyId),
    change: (e) => ({ ...e, reason: 'Second KPI drop in reading' }),
    spoil: (e) => ({ ...e, step: -1 }),
  }),
  kindCase<SupportDay>({
    kind: 'support day',
    collection: (s) => s.supportDays,
    make: (academyId) => aSupportDay(academyId),
    change: (d) => ({ ...d, days: 0.5 }),
    spoil: (d) => ({ ...d, days: 0 }),
  }),
  kindCase<MonitoringForm>({
    kind: 'monitoring form',
    collection: (s) => s.monitoringForms,
    // Saved as a draft while walking round the school (no focus yet), then submitted complete.
    make: (academyId) => aMonitoringForm(academyId, { status: 'draft', focus: '', updatedAt: '2026-10-06T10:05:00.000Z' }),
    change: (f) => ({
      ...f,
      focus: 'Reading fluency in Year 4',
      notes: 'Pupils read aloud with expression',
      status: 'submitted',
      submittedAt: '2026-10-06T16:00:00.000Z',
    }),
    spoil: (f) => ({ ...f, endsAt: f.startsAt }),
  }),
];
