import type { EscalationEvent } from './escalation';
import type { ImprovementModel } from './models/improvement-model.schema';
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
  return { step, number: step + 1, of: steps.length, stepId: rung.id, label: rung.label, ...(latest ? { since: latest.at, event: latest } : {}) };
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

function move(events: readonly EscalationEvent[], input: LadderMove, model: ImprovementModel, direction: 1 | -1): Outcome<{ event: EscalationEvent; position: LadderPosition }, LadderCode> {
  const mine = events.filter((e) => e.academyId === input.academyId);
  const from = currentStep(mine, model);
  const reason = input.reason.trim();
  if (reason === '') return refuse('ESCALATION.REASON_REQUIRED', 'Say why the academy is moving on the ladder; the head and the board will read it.');
  if (direction === 1 && from.number === from.of) {
    return refuse('ESCALATION.AT_TOP', `The academy is already at the last step of the ladder: ${from.label}.`);
  }
  if (direction === -1 && from.step === 0) {
    return refuse('ESCALATION.AT_FIRST_STEP', `The academy is already at the first step of the ladder: ${from.label}.`);
  }
  const step = from.step + direction;
  const rung = model.escalation.steps[step]!;
  const event: EscalationEvent = { id: input.id, academyId: input.academyId, step, stepId: rung.id, at: input.now, by: input.by, reason };
  return { ok: true, event, position: currentStep([...mine, event], model) };
}

/**
 * One step up the ladder (Waterton: "if there is no resolution following that level of support then
 * the SSIO will develop a formal action plan"). At the top rung there is nowhere further to go.
 */
export const escalate = (events: readonly EscalationEvent[], input: LadderMove, model: ImprovementModel) => move(events, input, model, 1);

/** One step down the ladder, once the academy has improved. */
export const deEscalate = (events: readonly EscalationEvent[], input: LadderMove, model: ImprovementModel) => move(events, input, model, -1);
