import { z } from 'zod';
import { belowGoodReasons, type Academy } from '../domain/academy';
import { cadenceReasons } from '../domain/cadence';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { parseLabelled } from '../domain/field-labels';
import { gradeSchema } from '../domain/grades';
import {
  inspectionHistory,
  inspectionView,
  latestInspection,
  latestReportCard,
  recordInspection as addInspection,
  reportCardAreasSchema,
  ruleInWords,
  safeguardingSchema,
  type InspectionCode,
} from '../domain/inspections';
import { localDateSchema } from '../domain/local-date';
import type { Meeting } from '../domain/meeting';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { Outcome } from '../domain/outcome';
import type { Person } from '../domain/people';
import { canAccessAcademy, canPlanMeetings } from '../domain/permissions';
import { REPORT_CARD_AREAS, REPORT_CARD_GRADE_LABELS, REPORT_CARD_GRADES } from '../domain/report-card-labels';
import { compareSelfEvaluation, setSelfEvaluation as setOwnView, type SelfEvaluationCode } from '../domain/self-evaluation';
import { canRunMeeting } from '../domain/viewer-can';
import { type Stored } from '../ports/record-store.port';
import { loadTrust, requireAcademyAccess, type ServiceDeps } from './service-context';

const version = z.string({ error: 'send the version you read' }).min(1, 'send the version you read').meta({ title: 'Version' });
const inspectionDate = localDateSchema.meta({ title: 'Inspection date' });

/** An inspection as the tab or an admin records it: a single-word grade (before 10 November 2025) or a report card. */
export const recordInspectionBodySchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('grade'), date: inspectionDate, grade: gradeSchema.meta({ title: 'Grade' }), version }).strict(),
    z
      .object({
        kind: z.literal('report-card'),
        date: inspectionDate,
        areas: reportCardAreasSchema.meta({ title: 'Report card' }),
        safeguarding: safeguardingSchema.meta({ title: 'Safeguarding' }),
        version,
      })
      .strict(),
  ],
  { error: 'say whether this is a single-word grade ("grade") or a report card ("report-card")' },
);

/** The academy's own view, area by area, set at one of its meetings. */
export const setSelfEvaluationBodySchema = z
  .object({
    meetingId: z
      .string({ error: 'choose the meeting at which the self-evaluation was set' })
      .min(1, 'choose the meeting at which the self-evaluation was set')
      .meta({ title: 'Meeting' }),
    areas: reportCardAreasSchema.meta({ title: 'Self-evaluation' }),
    safeguarding: safeguardingSchema.optional().meta({ title: 'Safeguarding' }),
    version,
  })
  .strict();

/** Recording an Ofsted result is for those who own the trust's records of its schools: the trust admin, the CEO and the improvement directors. */
const canRecordInspections = canPlanMeetings;

/** The head of the academy sets its own view; so may whoever runs the meeting (its chair, the trust's improvement team). */
const isHeadOf = (viewer: Person, academyId: string): boolean => viewer.roles.some((r) => r.role === 'head' && r.academyId === academyId);

async function academyOr404(deps: ServiceDeps, academyId: string): Promise<Stored<Academy>> {
  const academy = await deps.store.academies.get(academyId);
  if (!academy) throw new NotFoundError('academy', academyId);
  return academy;
}

/** Everything the academy page shows about inspection, each field named. */
export function inspectionsView(viewer: Person, academy: Stored<Academy>, model: ImprovementModel, meetings: readonly Meeting[]) {
  const latest = latestInspection(academy);
  const kinds = model.selfEvaluation.setAt.flatMap((id) => model.meetingKinds.filter((k) => k.id === id));
  const rule = model.reportCards.belowGood;
  return {
    academyId: academy.id,
    name: academy.name,
    version: academy.version,
    ...(latest ? { latest: inspectionView(latest) } : {}),
    /** Newest first. */
    history: inspectionHistory(academy).map(inspectionView).reverse(),
    ...(academy.selfEvaluation ? { selfEvaluation: compareSelfEvaluation(academy.selfEvaluation, latestReportCard(academy)) } : {}),
    belowGood: {
      reading: model.reportCards.note ?? `Below Good on a report card: ${ruleInWords(rule)}.`,
      reasons: belowGoodReasons(academy, rule),
    },
    cadence: cadenceReasons(model, academy),
    selfEvaluationSetAt: {
      kinds: kinds.map((k) => ({ id: k.id, name: k.name, abbreviation: k.abbreviation })),
      meetings: meetings
        .filter((m) => m.academyId === academy.id && m.status !== 'cancelled' && kinds.some((k) => k.id === m.kind))
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((m) => ({ id: m.id, date: m.date, status: m.status, abbreviation: kinds.find((k) => k.id === m.kind)!.abbreviation })),
      trustQualityDescriptions: model.selfEvaluation.trustQualityDescriptions,
    },
    scale: REPORT_CARD_GRADES.map((g) => ({ id: g, label: REPORT_CARD_GRADE_LABELS[g] })),
    areas: REPORT_CARD_AREAS.filter((a) => !(a.id === 'sixth-form' && academy.phase === 'primary')).map((a) => ({
      id: a.id,
      label: a.label,
      optional: a.optional,
    })),
    can: {
      recordInspection: canRecordInspections(viewer),
      setSelfEvaluation: isHeadOf(viewer, academy.id) || canPlanMeetings(viewer),
    },
  };
}
export type InspectionsView = ReturnType<typeof inspectionsView>;

async function viewOf(deps: ServiceDeps, viewer: Person, academy: Stored<Academy>, model: ImprovementModel): Promise<InspectionsView> {
  const meetings = await deps.store.meetings.list({ academyId: academy.id }).toArray();
  return inspectionsView(viewer, academy, model, meetings);
}

/** An academy's inspection history, its own view beside its latest report card, and why it has the meetings it has. */
export async function getInspections(deps: ServiceDeps, viewer: Person, academyId: string): Promise<InspectionsView> {
  requireAcademyAccess(viewer, academyId, 'read');
  const academy = await academyOr404(deps, academyId);
  const trust = await loadTrust(deps);
  return viewOf(deps, viewer, academy, trust.model);
}

/**
 * Records an Ofsted inspection in the academy's history (trust admin, CEO, improvement director):
 * a single-word grade for one before 10 November 2025, a report card since. The version read
 * guards against two people recording at once (409).
 */
export async function recordInspection(
  deps: ServiceDeps,
  viewer: Person,
  academyId: string,
  body: unknown,
): Promise<Outcome<{ inspections: InspectionsView }, InspectionCode>> {
  if (!canRecordInspections(viewer))
    throw new ForbiddenError('Only the trust administrator, the CEO or an improvement director can record an Ofsted inspection.');
  const { version: read, ...input } = parseLabelled(recordInspectionBodySchema, body, 'inspection');
  const academy = await academyOr404(deps, academyId);
  const trust = await loadTrust(deps);
  const outcome = addInspection(academy, input, { personId: viewer.id, at: deps.clock.now().toISOString(), today: trust.today });
  if (!outcome.ok) return outcome;
  const saved = await deps.store.academies.update({ ...outcome.academy, version: read });
  return { ok: true, inspections: await viewOf(deps, viewer, saved, trust.model) };
}

/**
 * Sets the academy's self-evaluation, area by area, at one of its meetings of the kind the model
 * names (the head, the meeting's chair or the trust's improvement team).
 */
export async function setSelfEvaluation(
  deps: ServiceDeps,
  viewer: Person,
  academyId: string,
  body: unknown,
): Promise<Outcome<{ inspections: InspectionsView }, SelfEvaluationCode>> {
  requireAcademyAccess(viewer, academyId, 'read');
  const { version: read, meetingId, ...input } = parseLabelled(setSelfEvaluationBodySchema, body, 'self-evaluation');
  const academy = await academyOr404(deps, academyId);
  const meeting = await deps.store.meetings.get(meetingId);
  if (!meeting || !canAccessAcademy(viewer, meeting.academyId, 'read')) throw new NotFoundError('meeting', meetingId);
  if (!isHeadOf(viewer, academyId) && !(meeting.academyId === academyId && canRunMeeting(viewer, meeting))) {
    throw new ForbiddenError(
      `Only the head of ${academy.name}, the chair of the meeting or the trust’s improvement team can set ${academy.name}’s self-evaluation.`,
    );
  }
  const trust = await loadTrust(deps);
  const outcome = setOwnView(academy, input, meeting, trust.model, { personId: viewer.id, at: deps.clock.now().toISOString() });
  if (!outcome.ok) return outcome;
  const saved = await deps.store.academies.update({ ...outcome.academy, version: read });
  return { ok: true, inspections: await viewOf(deps, viewer, saved, trust.model) };
}
