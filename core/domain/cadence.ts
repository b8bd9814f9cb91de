import { isAcademyBelowGood, type Academy } from './academy';
import type { CadenceRule, Condition, ImprovementModel, Slot, Stage, When } from './models/improvement-model.schema';

type AcademyFacts = Pick<Academy, 'ofstedGrade' | 'selfEvaluatedGrade' | 'supportStage' | 'sponsored' | 'inOfstedWindow' | 'requests'>;

function conditionHolds(c: Condition, a: AcademyFacts): boolean {
  return (
    (c.ofstedGrades === undefined || c.ofstedGrades.includes(a.ofstedGrade)) &&
    (c.belowGood === undefined || c.belowGood === isAcademyBelowGood(a)) &&
    (c.stages === undefined || c.stages.includes(a.supportStage)) &&
    (c.sponsored === undefined || c.sponsored === a.sponsored) &&
    (c.inOfstedWindow === undefined || c.inOfstedWindow === a.inOfstedWindow) &&
    (c.requested === undefined || a.requests.includes(c.requested)) &&
    (c.notRequested === undefined || !a.requests.includes(c.notRequested))
  );
}

/** Whether a rule's `when` holds for an academy; no `when` holds for every academy. */
export const appliesTo = (when: When | undefined, a: AcademyFacts): boolean => when === undefined || when.anyOf.some((c) => conditionHolds(c, a));

/** The stage the model suggests for an academy; the trust confirms or overrides it each September. */
export function suggestStage(model: ImprovementModel, a: Omit<AcademyFacts, 'supportStage'>): Stage {
  const facts = { ...a, supportStage: '' };
  return model.stages.find((s) => s.suggestWhen && appliesTo(s.suggestWhen, facts)) ?? model.stages.find((s) => !s.suggestWhen) ?? model.stages[model.stages.length - 1]!;
}

/**
 * The cadence rules that set an academy's meetings: for each meeting kind, of the rules that apply
 * and are not replaced by another that applies, the most demanding ("at least six" beats "at least
 * four"); between equally demanding rules, the one the model lists first.
 */
export function rulesFor(model: ImprovementModel, a: AcademyFacts): CadenceRule[] {
  const applying = model.cadence.filter((r) => appliesTo(r.when, a));
  const replaced = new Set(applying.flatMap((r) => r.replaces));
  const byKind = new Map<string, CadenceRule>();
  for (const r of applying) {
    if (replaced.has(r.id)) continue;
    const best = byKind.get(r.meetingKind);
    if (!best || r.slots.length > best.slots.length) byKind.set(r.meetingKind, r);
  }
  return [...byKind.values()];
}

/** One meeting an academy must have this year, before it has a date. */
export interface MeetingRequirement {
  academyId: string;
  kind: string;
  ruleId: string;
  reason: string;
  slot: Slot;
  /** 1-based position among this kind's meetings for the year. */
  occurrence: number;
  days: number;
}

/** Every meeting the model asks of an academy in a year, in half-term order. */
export function requiredMeetings(model: ImprovementModel, a: AcademyFacts & { id: string }): MeetingRequirement[] {
  const out: MeetingRequirement[] = [];
  for (const rule of rulesFor(model, a)) {
    const kind = model.meetingKinds.find((k) => k.id === rule.meetingKind)!;
    [...rule.slots]
      .sort((x, y) => x.halfTerm - y.halfTerm)
      .forEach((slot, i) =>
        out.push({ academyId: a.id, kind: kind.id, ruleId: rule.id, reason: rule.label, slot, occurrence: i + 1, days: slot.days ?? kind.days }),
      );
  }
  return out.sort((x, y) => x.slot.halfTerm - y.slot.halfTerm || x.kind.localeCompare(y.kind));
}
