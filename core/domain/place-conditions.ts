import type { Academy } from './academy';
import type { Condition, ImprovementModel, Slot } from './models/improvement-model.schema';

/** What the place facets read: the academy's phase and risk band, and the escalation step it stands on where the caller knows it. */
export type PlaceFacts = Partial<Pick<Academy, 'phase' | 'riskBand'>> & {
  /** From the academy's escalation history (core/domain/escalation-ladder.ts), set by the planner's caller. */
  escalationStepId?: string;
  /** Slots of rules placed relative to the academy's own dates this year, by rule id (inspection-window.ts), set by the planner's caller. */
  dateSlots?: Readonly<Record<string, readonly Slot[]>>;
};

interface Facet {
  holds: () => boolean;
  words: () => string;
}

/**
 * Phase, risk band and escalation step of a condition: where the trust has put the academy. A
 * trust's fortnightly raising standards board is for its schools at the "formal action plan" step
 * or in the high risk band, not for every school below Good.
 */
export function placeFacets(c: Condition, a: PlaceFacts, model: Partial<Pick<ImprovementModel, 'escalation' | 'riskBands'>>): Facet[] {
  const out: Facet[] = [];
  if (c.phases !== undefined) {
    const phases: readonly string[] = c.phases;
    out.push({ holds: () => a.phase !== undefined && phases.includes(a.phase), words: () => `it is a ${a.phase} school` });
  }
  if (c.riskBands !== undefined) {
    const bands: readonly string[] = c.riskBands;
    out.push({
      holds: () => a.riskBand !== undefined && bands.includes(a.riskBand),
      words: () => {
        const label = model.riskBands?.find((b) => b.id === a.riskBand)?.label;
        return label ? `the trust has put it in the “${label}” band` : `the trust has put it in the ${a.riskBand} risk band`;
      },
    });
  }
  if (c.escalationSteps !== undefined) {
    const steps = c.escalationSteps;
    out.push({
      holds: () => a.escalationStepId !== undefined && steps.includes(a.escalationStepId),
      words: () => {
        const step = model.escalation?.steps.find((s) => s.id === a.escalationStepId);
        return `it is at the “${step?.label ?? a.escalationStepId}” step of the escalation ladder`;
      },
    });
  }
  return out;
}
