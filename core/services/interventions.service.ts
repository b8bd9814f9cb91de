import { z } from 'zod';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { fieldProblem, parseLabelled } from '../domain/field-labels';
import { canJudgeImpact, canManageInterventions, canReviewIntervention } from '../domain/improvement-permissions';
import { criterionProgressSchema, impactJudgementSchema, type Intervention } from '../domain/intervention';
import {
  endInterventionEarly,
  extendIntervention,
  isPastTimeLimit,
  judgeImpact,
  nextReviewDate,
  planIntervention,
  recordInterventionReview,
  type ChangeInterventionCode,
  type ImpactCode,
  type PlanInterventionCode,
  type ReviewCode,
} from '../domain/intervention-reviews';
import { localDateSchema } from '../domain/local-date';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { Outcome } from '../domain/outcome';
import type { Person } from '../domain/people';
import { canAccessAcademy } from '../domain/permissions';
import type { Stored } from '../ports/record-store.port';
import { loadTrust, requireAcademyAccess, type ServiceDeps } from './service-context';
import { writeUseCase } from './use-case';

/** A change to an intervention, as the viewer sees it, or the rule's refusal. */
type InterventionOutcome<Code extends string> = Outcome<{ intervention: ReturnType<typeof interventionView> }, Code>;

const say = (missing: string) => ({ error: (i: { input: unknown }) => (i.input === undefined ? missing : undefined) });
const version = z.string(say('send the version you read')).min(1, 'send the version you read').meta({ title: 'Version' });
const lines = (title: string, missing: string) =>
  z.array(z.string().trim().min(1, 'leave no line empty').max(1000), say(missing)).min(1, missing).max(20).meta({ title });

/** An intervention as it leaves the services, with its next review, whether one was missed, and what the viewer may do. */
export function interventionView(viewer: Person, i: Stored<Intervention>, today: string, model: ImprovementModel) {
  const next = nextReviewDate(i);
  const kind = model.interventionKinds.find((k) => k.id === i.kind);
  return {
    id: i.id,
    version: i.version,
    academyId: i.academyId,
    kind: i.kind,
    kindLabel: kind?.label ?? i.kind,
    title: i.title,
    targets: [...i.targets],
    successCriteria: [...i.successCriteria],
    startDate: i.startDate,
    endDate: i.endDate,
    reviewDates: [...i.reviewDates],
    leadId: i.leadId,
    ...(i.supportingAcademyId ? { supportingAcademyId: i.supportingAcademyId } : {}),
    ...(i.supportingPersonId ? { supportingPersonId: i.supportingPersonId } : {}),
    // A planned intervention whose start has come is running, whatever it was saved as.
    status: i.status === 'planned' && i.startDate <= today ? ('active' as const) : i.status,
    reviews: (i.reviews ?? []).map((r) => ({
      on: r.on,
      by: r.by,
      note: r.note,
      ...(r.criteria
        ? {
            criteria: r.criteria.map((c) => ({
              criterion: c.criterion,
              progress: c.progress,
              ...(c.evidence ? { evidence: c.evidence } : {}),
            })),
          }
        : {}),
    })),
    ...(next ? { nextReview: next } : {}),
    reviewMissed: next !== undefined && next < today,
    pastTimeLimit: isPastTimeLimit(i, today),
    ...(i.implementation ? { implementation: i.implementation } : {}),
    ...(i.impact
      ? {
          impact: {
            judgement: i.impact.judgement,
            outcomesForPupils: i.impact.outcomesForPupils,
            judgedAt: i.impact.judgedAt,
            ...(i.impact.judgedBy ? { judgedBy: i.impact.judgedBy } : {}),
          },
        }
      : {}),
    changes: (i.changes ?? []).map((c) => ({
      kind: c.kind,
      at: c.at,
      by: c.by,
      reason: c.reason,
      endDateBefore: c.endDateBefore,
      endDateAfter: c.endDateAfter,
    })),
    can: {
      review: canReviewIntervention(viewer, i),
      judge: canJudgeImpact(viewer) && canAccessAcademy(viewer, i.academyId, 'read'),
      change: canManageInterventions(viewer),
    },
  };
}

/** An academy's interventions for its page, with the kinds the model offers (and which need a supporter). */
export function academyInterventionsView(
  viewer: Person,
  academyId: string,
  interventions: readonly Stored<Intervention>[],
  today: string,
  model: ImprovementModel,
) {
  return {
    kinds: model.interventionKinds.map((k) => ({
      id: k.id,
      label: k.label,
      ...(k.description ? { description: k.description } : {}),
      ...(k.supportedBy ? { supportedBy: k.supportedBy } : {}),
    })),
    items: interventions
      .filter((i) => i.academyId === academyId)
      .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id))
      .map((i) => interventionView(viewer, i, today, model)),
    can: { create: canManageInterventions(viewer) && canAccessAcademy(viewer, academyId, 'read') },
  };
}

export const interventionCreateBodySchema = z
  .object({
    kind: z.string(say('choose the kind of intervention')).min(1, 'choose the kind of intervention').meta({ title: 'Kind' }),
    title: z.string(say('give the intervention a title')).trim().min(1, 'give the intervention a title').max(300).meta({ title: 'Title' }),
    targets: lines('Targets', 'give at least one clear target'),
    successCriteria: lines('Success criteria', 'agree at least one success criterion'),
    startDate: localDateSchema.meta({ title: 'Start date' }),
    endDate: localDateSchema.meta({ title: 'End date' }),
    reviewDates: z
      .array(localDateSchema, say('set at least one review date'))
      .min(1, 'set at least one review date')
      .max(20)
      .meta({ title: 'Review dates' }),
    leadId: z.string(say('choose who leads it')).min(1, 'choose who leads it').meta({ title: 'Lead' }),
    supportingAcademyId: z.string().min(1).optional().meta({ title: 'Supporting academy' }),
    supportingPersonId: z.string().min(1).optional().meta({ title: 'Supporting person' }),
    /** The caller's key: the same intervention sent twice is created once. */
    clientKey: z.string(say('send a key for this intervention')).min(8).max(200).meta({ title: 'Client key' }),
  })
  .refine((b) => b.endDate >= b.startDate, { message: 'the end date must be on or after the start', path: ['endDate'] })
  .refine((b) => b.reviewDates.every((d) => d >= b.startDate && d <= b.endDate), {
    message: 'every review date must fall between the start and the end',
    path: ['reviewDates'],
  });

async function checkPerson(deps: ServiceDeps, field: string, id: string, academyId: string, academyName: string, what: string) {
  const person = await deps.store.people.get(id);
  if (!person) throw new ValidationError([fieldProblem(interventionCreateBodySchema, field, `no person "${id}"`)], 'intervention');
  if (!canAccessAcademy(person, academyId, 'read'))
    throw new ValidationError(
      [fieldProblem(interventionCreateBodySchema, field, `${person.name} cannot see ${academyName}’s records, so cannot ${what}.`)],
      'intervention',
    );
}

/**
 * Commissions an intervention (the trust team): a kind from the model, clear targets, a time limit,
 * success criteria, review dates, and the supporting academy or person when the kind needs one.
 */
export async function createIntervention(
  deps: ServiceDeps,
  viewer: Person,
  academyId: string,
  body: unknown,
): Promise<Outcome<{ intervention: ReturnType<typeof interventionView>; created: boolean }, PlanInterventionCode>> {
  const input = parseLabelled(interventionCreateBodySchema, body, 'intervention');
  const academy = await deps.store.academies.get(academyId);
  if (!academy) throw new NotFoundError('academy', academyId);
  requireAcademyAccess(viewer, academyId, 'read', academy.name);
  if (!canManageInterventions(viewer)) throw new ForbiddenError('Interventions are agreed by the trust’s improvement team.');
  const trust = await loadTrust(deps);
  await checkPerson(deps, 'leadId', input.leadId, academyId, academy.name, 'lead an intervention there');
  if (input.supportingAcademyId && !(await deps.store.academies.get(input.supportingAcademyId)))
    throw new ValidationError(
      [fieldProblem(interventionCreateBodySchema, 'supportingAcademyId', 'no such academy in the trust')],
      'intervention',
    );
  if (input.supportingPersonId)
    await checkPerson(deps, 'supportingPersonId', input.supportingPersonId, academyId, academy.name, 'support it');
  const { clientKey, ...fields } = input;
  const planned = planIntervention({ ...fields, id: '', academyId, by: viewer.id }, trust.model, trust.today);
  if (!planned.ok) return planned;
  const { id: _none, ...fresh } = planned.intervention;
  const { record, created } = await deps.store.interventions.create(fresh, { idempotencyKey: `intervention:${viewer.id}:${clientKey}` });
  return { ok: true, created, intervention: interventionView(viewer, record, trust.today, trust.model) };
}

async function interventionFor(deps: ServiceDeps, viewer: Person, id: string): Promise<Stored<Intervention>> {
  const i = await deps.store.interventions.get(id);
  if (!i || !canAccessAcademy(viewer, i.academyId, 'read')) throw new NotFoundError('intervention', id);
  return i;
}

/** One intervention, if the viewer may see its academy. */
export async function getIntervention(deps: ServiceDeps, viewer: Person, id: string) {
  const [i, trust] = await Promise.all([interventionFor(deps, viewer, id), loadTrust(deps)]);
  return interventionView(viewer, i, trust.today, trust.model);
}

export const interventionUpdateBodySchema = z.discriminatedUnion(
  'change',
  [
    z.object({
      change: z.literal('end-early'),
      reason: z.string(say('say why it is ending early')).trim().min(1, 'say why it is ending early').max(2000).meta({ title: 'Reason' }),
      version,
    }),
    z.object({
      change: z.literal('extend'),
      endDate: localDateSchema.meta({ title: 'New end date' }),
      reviewDates: z.array(localDateSchema).max(20).optional().meta({ title: 'Further review dates' }),
      reason: z.string(say('say why it needs longer')).trim().min(1, 'say why it needs longer').max(2000).meta({ title: 'Reason' }),
      version,
    }),
  ],
  { error: 'say whether the intervention ends early (change: "end-early") or is extended (change: "extend")' },
);

/** Ends an intervention early, or extends its time limit, with the reason (the trust team). */
export const updateIntervention = writeUseCase(
  { schema: interventionUpdateBodySchema, what: 'intervention change', load: interventionFor },
  async ({ deps, viewer, input, target: current }): Promise<InterventionOutcome<ChangeInterventionCode>> => {
    if (!canManageInterventions(viewer)) throw new ForbiddenError('Only the trust’s improvement team ends or extends an intervention.');
    const trust = await loadTrust(deps);
    const now = deps.clock.now().toISOString();
    if (input.change === 'extend' && input.reviewDates?.some((d) => d < current.startDate || d > input.endDate)) {
      throw new ValidationError(
        [fieldProblem(interventionUpdateBodySchema, 'reviewDates', 'every review date must fall between the start and the new end date')],
        'intervention change',
      );
    }
    const r =
      input.change === 'end-early'
        ? endInterventionEarly(current, { on: trust.today, reason: input.reason, by: viewer.id, now })
        : extendIntervention(current, {
            endDate: input.endDate,
            ...(input.reviewDates ? { reviewDates: input.reviewDates } : {}),
            reason: input.reason,
            by: viewer.id,
            now,
          });
    if (!r.ok) return r;
    const saved = await deps.store.interventions.update({ ...r.intervention, version: input.version });
    return { ok: true, intervention: interventionView(viewer, saved, trust.today, trust.model) };
  },
);

export const interventionReviewBodySchema = z.object({
  on: localDateSchema.optional().meta({ title: 'Review date', description: 'The day the review was held; today when absent.' }),
  note: z
    .string(say('say what the review found'))
    .trim()
    .min(1, 'say what the review found')
    .max(5000)
    .meta({ title: 'What the review found' }),
  criteria: z
    .array(
      z.object({
        criterion: z.string().min(1).meta({ title: 'Success criterion' }),
        progress: criterionProgressSchema.meta({ title: 'Progress' }),
        evidence: z.string().trim().max(2000).optional().meta({ title: 'Evidence' }),
      }),
      say('record progress against each success criterion'),
    )
    .min(1, 'record progress against each success criterion')
    .meta({ title: 'Success criterion' }),
  version,
});

/** Records a review by the lead or the trust team: what it found and progress against each success criterion. */
export const recordReview = writeUseCase(
  { schema: interventionReviewBodySchema, what: 'intervention review', load: interventionFor },
  async ({ deps, viewer, input, target: current }): Promise<InterventionOutcome<ReviewCode | 'INTERVENTION.REVIEW_IN_FUTURE'>> => {
    if (!canReviewIntervention(viewer, current))
      throw new ForbiddenError('An intervention is reviewed by its lead or the trust’s improvement team.');
    const trust = await loadTrust(deps);
    const on = input.on ?? trust.today;
    if (on > trust.today) return { ok: false, code: 'INTERVENTION.REVIEW_IN_FUTURE', message: 'Record a review once it has been held.' };
    const r = recordInterventionReview(current, {
      on,
      by: viewer.id,
      note: input.note,
      criteria: input.criteria.map((c) => ({
        criterion: c.criterion,
        progress: c.progress,
        ...(c.evidence ? { evidence: c.evidence } : {}),
      })),
    });
    if (!r.ok) return r;
    const saved = await deps.store.interventions.update({ ...r.intervention, version: input.version });
    return { ok: true, intervention: interventionView(viewer, saved, trust.today, trust.model) };
  },
);

export const interventionImpactBodySchema = z.object({
  judgement: impactJudgementSchema.meta({ title: 'Impact', description: 'not-yet-evident, some or strong' }),
  outcomesForPupils: z
    .string(say('say what has changed for pupils'))
    .trim()
    .min(1, 'say what has changed for pupils')
    .max(5000)
    .meta({ title: 'Outcomes for pupils' }),
  /** What was done: kept apart from the impact (KGA: implementation vs impact). */
  implementation: z.string().trim().max(5000).optional().meta({ title: 'What was done' }),
  version,
});

/** Judges impact on outcomes for pupils, not on the tasks completed (KGA: implementation vs impact); the trust team. */
export const judgeInterventionImpact = writeUseCase(
  { schema: interventionImpactBodySchema, what: 'impact', load: interventionFor },
  async ({ deps, viewer, input, target: current }): Promise<InterventionOutcome<ImpactCode>> => {
    if (!canJudgeImpact(viewer)) throw new ForbiddenError('Impact is judged by the trust’s improvement team.');
    const trust = await loadTrust(deps);
    const withImplementation = input.implementation ? { ...current, implementation: input.implementation } : current;
    const r = judgeImpact(
      withImplementation,
      { judgement: input.judgement, outcomesForPupils: input.outcomesForPupils, judgedAt: trust.today, judgedBy: viewer.id },
      trust.model,
    );
    if (!r.ok) return r;
    const saved = await deps.store.interventions.update({ ...r.intervention, version: input.version });
    return { ok: true, intervention: interventionView(viewer, saved, trust.today, trust.model) };
  },
);
