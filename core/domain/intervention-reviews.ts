import type { Intervention, InterventionReview } from './intervention';
import type { LocalDate } from './local-date';
import type { ImprovementModel } from './models/improvement-model.schema';
import { refuse, type Outcome } from './outcome';

type InterventionKind = ImprovementModel['interventionKinds'][number];

const isLive = (i: Pick<Intervention, 'status'>): boolean => i.status === 'planned' || i.status === 'active';

/** The day of the latest review held, if any. */
const lastReviewedOn = (i: Pick<Intervention, 'reviews'>): LocalDate | undefined =>
  (i.reviews ?? []).reduce<LocalDate | undefined>((latest, r) => (latest === undefined || r.on > latest ? r.on : latest), undefined);

/**
 * The first agreed review date not yet met by a review (Schoolsworks: interventions are "reviewed
 * regularly"). It may be in the past, when the review is overdue; none once the intervention has
 * ended or every review date has been met.
 */
export function nextReviewDate(intervention: Pick<Intervention, 'status' | 'reviewDates' | 'reviews'>): LocalDate | undefined {
  if (!isLive(intervention)) return undefined;
  const last = lastReviewedOn(intervention);
  return [...intervention.reviewDates].sort().find((d) => last === undefined || d > last);
}

/** An agreed review date has passed without a review. */
export function isReviewOverdue(intervention: Pick<Intervention, 'status' | 'reviewDates' | 'reviews'>, today: LocalDate): boolean {
  const next = nextReviewDate(intervention);
  return next !== undefined && next < today;
}

/** Still running after its time limit (Schoolsworks: interventions are time-limited). */
export const isPastTimeLimit = (intervention: Pick<Intervention, 'status' | 'endDate'>, today: LocalDate): boolean =>
  isLive(intervention) && intervention.endDate < today;

export type InterventionKindCode = 'INTERVENTION.UNKNOWN_KIND';

/** The model's intervention kind with this id (Schoolsworks: in-school, school-to-school, direct trust, external). */
export function checkInterventionKind(model: ImprovementModel, kind: string): Outcome<{ kind: InterventionKind }, InterventionKindCode> {
  const found = model.interventionKinds.find((k) => k.id === kind);
  return found
    ? { ok: true, kind: found }
    : refuse(
        'INTERVENTION.UNKNOWN_KIND',
        `“${kind}” is not one of the trust’s kinds of intervention: ${model.interventionKinds.map((k) => k.label).join(', ')}.`,
      );
}

export interface ReviewInput {
  on: LocalDate;
  by: string;
  note: string;
  /** Progress against each agreed success criterion (Schoolsworks: "agreed success criteria"); when given, every criterion needs one. */
  criteria?: NonNullable<InterventionReview['criteria']>;
}

export type ReviewCode =
  | 'INTERVENTION.NOT_RUNNING'
  | 'INTERVENTION.REVIEW_NOTE_REQUIRED'
  | 'INTERVENTION.REVIEW_BEFORE_START'
  | 'INTERVENTION.CRITERIA_INCOMPLETE';

/** Records a review held on a day, meeting every agreed review date up to it. */
export function recordInterventionReview(
  intervention: Intervention,
  input: ReviewInput,
): Outcome<{ intervention: Intervention }, ReviewCode> {
  if (!isLive(intervention))
    return refuse('INTERVENTION.NOT_RUNNING', `The intervention has been ${intervention.status}; there is nothing left to review.`);
  if (input.on < intervention.startDate)
    return refuse('INTERVENTION.REVIEW_BEFORE_START', 'A review cannot be before the intervention starts.');
  const note = input.note.trim();
  if (note === '')
    return refuse('INTERVENTION.REVIEW_NOTE_REQUIRED', 'Say what the review found against the targets and success criteria.');
  let criteria: ReviewInput['criteria'];
  if (input.criteria) {
    const missing = intervention.successCriteria.filter((c) => !input.criteria!.some((x) => x.criterion === c));
    if (missing.length > 0)
      return refuse(
        'INTERVENTION.CRITERIA_INCOMPLETE',
        `Record progress against every success criterion; missing: ${missing.map((c) => `“${c}”`).join(', ')}.`,
      );
    criteria = intervention.successCriteria.map((c) => {
      const x = input.criteria!.find((y) => y.criterion === c)!;
      const evidence = x.evidence?.trim();
      return { criterion: c, progress: x.progress, ...(evidence ? { evidence } : {}) };
    });
  }
  return {
    ok: true,
    intervention: {
      ...intervention,
      reviews: [...(intervention.reviews ?? []), { on: input.on, by: input.by, note, ...(criteria ? { criteria } : {}) }],
    },
  };
}

/** Each live intervention's review that is overdue, with the date it was due: the RAG's "review missed" reason. */
export function missedReviews<I extends Pick<Intervention, 'id' | 'title' | 'status' | 'reviewDates' | 'reviews'>>(
  interventions: readonly I[],
  today: LocalDate,
): { intervention: I; due: LocalDate }[] {
  return interventions.flatMap((i) => {
    const due = nextReviewDate(i);
    return due !== undefined && due < today ? [{ intervention: i, due }] : [];
  });
}

export interface NewIntervention {
  id: string;
  academyId: string;
  kind: string;
  title: string;
  targets: string[];
  successCriteria: string[];
  startDate: LocalDate;
  endDate: LocalDate;
  reviewDates: LocalDate[];
  leadId: string;
  supportingAcademyId?: string;
  supportingPersonId?: string;
  by: string;
}

export type PlanInterventionCode =
  InterventionKindCode | 'INTERVENTION.SUPPORTER_REQUIRED' | 'INTERVENTION.SUPPORTS_ITSELF' | 'INTERVENTION.ENDS_IN_THE_PAST';

/**
 * A new intervention of one of the model's kinds, with clear targets, a time limit, success
 * criteria and review dates (Schoolsworks: interventions "have clear targets, are time limited and
 * have agreed success criteria"). A kind the model marks as supported by an academy or a person
 * must name who (school-to-school support is "brokered" from another of the trust's schools).
 */
export function planIntervention(
  input: NewIntervention,
  model: ImprovementModel,
  today: LocalDate,
): Outcome<{ intervention: Intervention }, PlanInterventionCode> {
  const kind = checkInterventionKind(model, input.kind);
  if (!kind.ok) return kind;
  if (input.endDate < today)
    return refuse('INTERVENTION.ENDS_IN_THE_PAST', 'The time limit has already passed; set an end date from today on.');
  const needs = kind.kind.supportedBy;
  if (needs === 'academy' && !input.supportingAcademyId)
    return refuse('INTERVENTION.SUPPORTER_REQUIRED', `${kind.kind.label} support names the academy giving it.`);
  if (needs === 'academy' && input.supportingAcademyId === input.academyId)
    return refuse('INTERVENTION.SUPPORTS_ITSELF', `${kind.kind.label} support comes from another academy, not the one being supported.`);
  if (needs === 'person' && !input.supportingPersonId)
    return refuse('INTERVENTION.SUPPORTER_REQUIRED', `${kind.kind.label} support names the person giving it.`);
  const { by, supportingAcademyId, supportingPersonId, ...fields } = input;
  const reviewDates = [...new Set(input.reviewDates)].sort();
  return {
    ok: true,
    intervention: {
      ...fields,
      reviewDates,
      // Who supports is kept only where the kind asks for it, so a stray field never names a school.
      ...(needs === 'academy' && supportingAcademyId ? { supportingAcademyId } : {}),
      ...(needs === 'person' && supportingPersonId ? { supportingPersonId } : {}),
      status: input.startDate > today ? 'planned' : 'active',
      createdBy: by,
    },
  };
}

export type ChangeInterventionCode =
  'INTERVENTION.NOT_RUNNING' | 'INTERVENTION.REASON_REQUIRED' | 'INTERVENTION.EXTEND_LATER' | 'INTERVENTION.END_EARLIER';

/** Ends a running intervention before its time limit, with the reason; it counts as completed on that day. */
export function endInterventionEarly(
  intervention: Intervention,
  input: { on: LocalDate; reason: string; by: string; now: string },
): Outcome<{ intervention: Intervention }, ChangeInterventionCode> {
  if (!isLive(intervention)) return refuse('INTERVENTION.NOT_RUNNING', `The intervention has already been ${intervention.status}.`);
  const reason = input.reason.trim();
  if (reason === '') return refuse('INTERVENTION.REASON_REQUIRED', 'Say why the intervention is ending early.');
  if (input.on >= intervention.endDate) return refuse('INTERVENTION.END_EARLIER', 'That is not early: the intervention already ends then.');
  const endDate = input.on < intervention.startDate ? intervention.startDate : input.on;
  const change = {
    kind: 'ended-early' as const,
    at: input.now,
    by: input.by,
    reason,
    endDateBefore: intervention.endDate,
    endDateAfter: endDate,
  };
  return {
    ok: true,
    intervention: {
      ...intervention,
      status: 'completed',
      endDate,
      reviewDates: intervention.reviewDates
        .filter((d) => d <= endDate)
        .concat(intervention.reviewDates.some((d) => d <= endDate) ? [] : [endDate]),
      changes: [...(intervention.changes ?? []), change],
    },
  };
}

/** Extends a running intervention's time limit, with the reason and any further review dates. */
export function extendIntervention(
  intervention: Intervention,
  input: { endDate: LocalDate; reviewDates?: readonly LocalDate[]; reason: string; by: string; now: string },
): Outcome<{ intervention: Intervention }, ChangeInterventionCode> {
  if (!isLive(intervention)) return refuse('INTERVENTION.NOT_RUNNING', `The intervention has already been ${intervention.status}.`);
  const reason = input.reason.trim();
  if (reason === '') return refuse('INTERVENTION.REASON_REQUIRED', 'Say why the intervention needs longer.');
  if (input.endDate <= intervention.endDate)
    return refuse('INTERVENTION.EXTEND_LATER', 'An extension moves the end date later than it is now.');
  const change = {
    kind: 'extended' as const,
    at: input.now,
    by: input.by,
    reason,
    endDateBefore: intervention.endDate,
    endDateAfter: input.endDate,
  };
  const reviewDates = [...new Set([...intervention.reviewDates, ...(input.reviewDates ?? [])])].sort();
  return {
    ok: true,
    intervention: { ...intervention, endDate: input.endDate, reviewDates, changes: [...(intervention.changes ?? []), change] },
  };
}

export interface ImpactInput {
  judgement: NonNullable<Intervention['impact']>['judgement'];
  /** What has changed for pupils: the evidence of impact. */
  outcomesForPupils: string;
  judgedAt: LocalDate;
  judgedBy?: string;
}

export type ImpactCode =
  InterventionKindCode | 'INTERVENTION.OUTCOMES_REQUIRED' | 'INTERVENTION.IMPACT_IS_IMPLEMENTATION' | 'INTERVENTION.JUDGED_BEFORE_START';

/**
 * Judges an intervention's impact. KGA separates implementation from impact: impact is what has
 * changed for pupils, not which tasks were done, so an empty account of outcomes, or one that only
 * repeats the implementation, is refused.
 */
export function judgeImpact(
  intervention: Intervention,
  input: ImpactInput,
  model: ImprovementModel,
): Outcome<{ intervention: Intervention }, ImpactCode> {
  const kind = checkInterventionKind(model, intervention.kind);
  if (!kind.ok) return kind;
  const outcomes = input.outcomesForPupils.trim();
  if (outcomes === '') {
    return refuse(
      'INTERVENTION.OUTCOMES_REQUIRED',
      'Say what has changed for pupils: impact is judged on outcomes for pupils, not on the tasks completed.',
    );
  }
  if (intervention.implementation !== undefined && outcomes.toLowerCase() === intervention.implementation.trim().toLowerCase()) {
    return refuse(
      'INTERVENTION.IMPACT_IS_IMPLEMENTATION',
      'That describes what was done (implementation); say what has changed for pupils as a result.',
    );
  }
  if (input.judgedAt < intervention.startDate)
    return refuse('INTERVENTION.JUDGED_BEFORE_START', 'Impact cannot be judged before the intervention starts.');
  return {
    ok: true,
    intervention: {
      ...intervention,
      impact: {
        judgement: input.judgement,
        outcomesForPupils: outcomes,
        judgedAt: input.judgedAt,
        ...(input.judgedBy ? { judgedBy: input.judgedBy } : {}),
      },
    },
  };
}
