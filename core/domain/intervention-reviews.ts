import type { Intervention } from './intervention';
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
export const isPastTimeLimit = (intervention: Pick<Intervention, 'status' | 'endDate'>, today: LocalDate): boolean => isLive(intervention) && intervention.endDate < today;

export type InterventionKindCode = 'INTERVENTION.UNKNOWN_KIND';

/** The model's intervention kind with this id (Schoolsworks: in-school, school-to-school, direct trust, external). */
export function checkInterventionKind(model: ImprovementModel, kind: string): Outcome<{ kind: InterventionKind }, InterventionKindCode> {
  const found = model.interventionKinds.find((k) => k.id === kind);
  return found
    ? { ok: true, kind: found }
    : refuse('INTERVENTION.UNKNOWN_KIND', `“${kind}” is not one of the trust’s kinds of intervention: ${model.interventionKinds.map((k) => k.label).join(', ')}.`);
}

export interface ReviewInput {
  on: LocalDate;
  by: string;
  note: string;
}

export type ReviewCode = 'INTERVENTION.NOT_RUNNING' | 'INTERVENTION.REVIEW_NOTE_REQUIRED' | 'INTERVENTION.REVIEW_BEFORE_START';

/** Records a review held on a day, meeting every agreed review date up to it. */
export function recordInterventionReview(intervention: Intervention, input: ReviewInput): Outcome<{ intervention: Intervention }, ReviewCode> {
  if (!isLive(intervention)) return refuse('INTERVENTION.NOT_RUNNING', `The intervention has been ${intervention.status}; there is nothing left to review.`);
  if (input.on < intervention.startDate) return refuse('INTERVENTION.REVIEW_BEFORE_START', 'A review cannot be before the intervention starts.');
  const note = input.note.trim();
  if (note === '') return refuse('INTERVENTION.REVIEW_NOTE_REQUIRED', 'Say what the review found against the targets and success criteria.');
  return { ok: true, intervention: { ...intervention, reviews: [...(intervention.reviews ?? []), { on: input.on, by: input.by, note }] } };
}

export interface ImpactInput {
  judgement: NonNullable<Intervention['impact']>['judgement'];
  /** What has changed for pupils: the evidence of impact. */
  outcomesForPupils: string;
  judgedAt: LocalDate;
}

export type ImpactCode = InterventionKindCode | 'INTERVENTION.OUTCOMES_REQUIRED' | 'INTERVENTION.IMPACT_IS_IMPLEMENTATION' | 'INTERVENTION.JUDGED_BEFORE_START';

/**
 * Judges an intervention's impact. KGA separates implementation from impact: impact is what has
 * changed for pupils, not which tasks were done, so an empty account of outcomes, or one that only
 * repeats the implementation, is refused.
 */
export function judgeImpact(intervention: Intervention, input: ImpactInput, model: ImprovementModel): Outcome<{ intervention: Intervention }, ImpactCode> {
  const kind = checkInterventionKind(model, intervention.kind);
  if (!kind.ok) return kind;
  const outcomes = input.outcomesForPupils.trim();
  if (outcomes === '') {
    return refuse('INTERVENTION.OUTCOMES_REQUIRED', 'Say what has changed for pupils: impact is judged on outcomes for pupils, not on the tasks completed.');
  }
  if (intervention.implementation !== undefined && outcomes.toLowerCase() === intervention.implementation.trim().toLowerCase()) {
    return refuse('INTERVENTION.IMPACT_IS_IMPLEMENTATION', 'That describes what was done (implementation); say what has changed for pupils as a result.');
  }
  if (input.judgedAt < intervention.startDate) return refuse('INTERVENTION.JUDGED_BEFORE_START', 'Impact cannot be judged before the intervention starts.');
  return { ok: true, intervention: { ...intervention, impact: { judgement: input.judgement, outcomesForPupils: outcomes, judgedAt: input.judgedAt } } };
}
