import type { Academy } from './academy';
import type { EscalationEvent } from './escalation';
import type { EscalationStep, ImprovementModel } from './models/improvement-model.schema';
import { ROLE_LABELS, TRUST_WIDE_ROLES, type Person, type Role } from './people';
import { refuse, type Outcome } from './outcome';

/** Where an academy stands on the trust's ladder (Waterton: own capacity → trust support → formal action plan → change of status). */
export interface LadderPosition {
  /** Index into the model's ladder: 0 = the first rung. */
  step: number;
  /** 1-based, as said to people: "step 3 of 4". */
  number: number;
  of: number;
  stepId: string;
  label: string;
  /** When the academy moved to this step; absent when it has never moved. */
  since?: string;
  event?: EscalationEvent;
}

/** Oldest first (ties by id, so the order is stable). */
export const escalationHistory = (events: readonly EscalationEvent[]): EscalationEvent[] =>
  [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));

/** The rung of a recorded event in today's ladder: found by id, else by index (kept within the ladder if the trust has shortened it). */
function stepIndexOf(event: EscalationEvent, model: ImprovementModel): number {
  const steps = model.escalation.steps;
  const byId = steps.findIndex((s) => s.id === event.stepId);
  return byId >= 0 ? byId : Math.min(Math.max(event.step, 0), steps.length - 1);
}

/** The academy's current step: its latest move, or the first rung when it has never moved. */
export function currentStep(events: readonly EscalationEvent[], model: ImprovementModel): LadderPosition {
  const steps = model.escalation.steps;
  const latest = escalationHistory(events).at(-1);
  const step = latest ? stepIndexOf(latest, model) : 0;
  const rung = steps[step]!;
  return {
    step,
    number: step + 1,
    of: steps.length,
    stepId: rung.id,
    label: rung.label,
    ...(latest ? { since: latest.at, event: latest } : {}),
  };
}

export interface LadderMove {
  academyId: string;
  by: string;
  now: string;
  /** Why the academy is moving: the trust board and the head both read it. */
  reason: string;
  id: string;
}

export type LadderCode = 'ESCALATION.REASON_REQUIRED' | 'ESCALATION.AT_TOP' | 'ESCALATION.AT_FIRST_STEP';

function move(
  events: readonly EscalationEvent[],
  input: LadderMove,
  model: ImprovementModel,
  direction: 1 | -1,
): Outcome<{ event: EscalationEvent; position: LadderPosition }, LadderCode> {
  const mine = events.filter((e) => e.academyId === input.academyId);
  const from = currentStep(mine, model);
  const reason = input.reason.trim();
  if (reason === '')
    return refuse('ESCALATION.REASON_REQUIRED', 'Say why the academy is moving on the ladder; the head and the board will read it.');
  if (direction === 1 && from.number === from.of) {
    return refuse('ESCALATION.AT_TOP', `The academy is already at the last step of the ladder: ${from.label}.`);
  }
  if (direction === -1 && from.step === 0) {
    return refuse('ESCALATION.AT_FIRST_STEP', `The academy is already at the first step of the ladder: ${from.label}.`);
  }
  const step = from.step + direction;
  const rung = model.escalation.steps[step]!;
  const event: EscalationEvent = {
    id: input.id,
    academyId: input.academyId,
    step,
    stepId: rung.id,
    at: input.now,
    by: input.by,
    reason,
    direction: direction === 1 ? 'up' : 'down',
  };
  // The new event is the latest by definition, whatever its id (ties in `at` sort by id).
  return {
    ok: true,
    event,
    position: { step, number: step + 1, of: from.of, stepId: rung.id, label: rung.label, since: input.now, event },
  };
}

/**
 * One step up the ladder (Waterton: "if there is no resolution following that level of support then
 * the SSIO will develop a formal action plan"). At the top rung there is nowhere further to go.
 */
export const escalate = (events: readonly EscalationEvent[], input: LadderMove, model: ImprovementModel) => move(events, input, model, 1);

/** One step down the ladder, once the academy has improved. */
export const deEscalate = (events: readonly EscalationEvent[], input: LadderMove, model: ImprovementModel) =>
  move(events, input, model, -1);

/** The rung whose roles decide a move: the one moved onto going up, the one left going down. */
export function decidingStep(
  position: Pick<LadderPosition, 'step'>,
  direction: 'up' | 'down',
  model: ImprovementModel,
): EscalationStep | undefined {
  if (direction === 'down') return position.step > 0 ? model.escalation.steps[position.step] : undefined;
  return model.escalation.steps[position.step + 1];
}

/**
 * Whether the person may move the academy one step in this direction: they hold, trust-wide or at
 * the academy, one of the roles the model names for the deciding rung (Waterton: the SSIO draws up
 * the formal action plan; the board changes the academy's status).
 */
export function mayMoveStep(
  viewer: Pick<Person, 'roles'>,
  academyId: string,
  position: Pick<LadderPosition, 'step'>,
  direction: 'up' | 'down',
  model: ImprovementModel,
): boolean {
  const step = decidingStep(position, direction, model);
  if (!step) return false;
  return viewer.roles.some((r) => step.movedBy.includes(r.role) && (TRUST_WIDE_ROLES.includes(r.role) || r.academyId === academyId));
}

/** "the Chief Executive or the Board / Standards Committee": who may make a move, as a sentence. */
export const movedBySentence = (step: Pick<EscalationStep, 'movedBy'>, titles: Partial<Record<Role, string>> = {}): string => {
  const names = step.movedBy.map((r) => titles[r] ?? ROLE_LABELS[r]);
  return names.length <= 1 ? (names[0] ?? 'nobody') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
};

export type LadderChanges = NonNullable<EscalationEvent['changed']>;

/**
 * What a move changes about the academy. Reaching a rung managed as sponsored sets the academy's
 * sponsored status (Waterton: the board will "consider it to be managed as a Sponsored Academy"),
 * and a rung's support stage moves the academy into it; coming back down from that rung restores
 * what the academy had when it reached it. The cadence follows from the academy's new facts.
 */
export function ladderChanges(
  academy: Pick<Academy, 'id' | 'sponsored' | 'supportStage'>,
  from: Pick<LadderPosition, 'step' | 'stepId'>,
  direction: 'up' | 'down',
  events: readonly EscalationEvent[],
  model: ImprovementModel,
): LadderChanges {
  const steps = model.escalation.steps;
  const out: LadderChanges = {};
  if (direction === 'up') {
    const onto = steps[from.step + 1];
    if (!onto) return out;
    if (onto.managedAsSponsored && !academy.sponsored) out.sponsored = { from: false, to: true };
    if (onto.supportStage && onto.supportStage !== academy.supportStage)
      out.supportStage = { from: academy.supportStage, to: onto.supportStage };
    return out;
  }
  const reached = escalationHistory(events.filter((e) => e.academyId === academy.id && e.stepId === from.stepId)).at(-1)?.changed;
  if (reached?.sponsored && academy.sponsored === reached.sponsored.to)
    out.sponsored = { from: reached.sponsored.to, to: reached.sponsored.from };
  if (reached?.supportStage && academy.supportStage === reached.supportStage.to)
    out.supportStage = { from: reached.supportStage.to, to: reached.supportStage.from };
  return out;
}

/** The academy as it will be after the move's changes. */
export const withLadderChanges = <A extends Pick<Academy, 'sponsored' | 'supportStage'>>(academy: A, changes: LadderChanges): A => ({
  ...academy,
  ...(changes.sponsored ? { sponsored: changes.sponsored.to } : {}),
  ...(changes.supportStage ? { supportStage: changes.supportStage.to } : {}),
});
