import type { ImprovementModelInput } from '../improvement-model.schema';
import { REPORT_CARD_AREAS } from '../../report-card-labels';

/**
 * Parts several presets share where their own seed is silent. Each comes from the one seed that
 * does describe it, named beside it, so a trust sees where a default came from.
 */

/** DSAT's main inspection headings, used for judgements and the focus rotation. */
export const DSAT_INSPECTION_AREAS: ImprovementModelInput['inspectionAreas'] = [
  { id: 'achievement', label: 'Achievement' },
  { id: 'teaching-and-learning', label: 'Teaching and learning' },
  { id: 'behaviour-and-safety', label: 'Behaviour and safety' },
  { id: 'leadership-and-management', label: 'Leadership and management' },
];

/**
 * The evaluation areas of Ofsted's report card for state schools (docs/ofsted.md), which every preset
 * now judges under at its meetings, on the report card's scale. Early years and sixth form are
 * judged only where the school has them.
 */
export const REPORT_CARD_INSPECTION_AREAS: ImprovementModelInput['inspectionAreas'] = REPORT_CARD_AREAS.map((a) => ({
  id: a.id,
  label: a.label,
  ...(a.optional ? { description: `Only where the school has ${a.id === 'early-years' ? 'early years provision' : 'a sixth form'}.` } : {}),
}));

/** "Below Good" on a report card, where a seed says "below Good" or "less than good": any area below the expected standard, or safeguarding not met. */
export const BELOW_EXPECTED_STANDARD = { anyAreaAtOrBelow: 'needs-attention', safeguardingNotMet: true } as const;

/**
 * Where a seed says "Inadequate": any area at urgent improvement, or safeguarding not met, which is
 * where Ofsted's categories of concern begin under the renewed framework (docs/ofsted.md).
 */
export const URGENT_IMPROVEMENT_OR_UNSAFE = { anyAreaAtOrBelow: 'urgent-improvement', safeguardingNotMet: true } as const;

/** Where a seed says "Requires Improvement": an area at needs attention (urgent improvement is read as Inadequate). */
export const NEEDS_ATTENTION = { anyAreaAtOrBelow: 'needs-attention' } as const;

/** KGA's monitoring / evidence form judgement areas. */
export const KGA_JUDGEMENT_AREAS = [
  { id: 'teaching-learning-assessment', label: 'Teaching, learning and assessment' },
  { id: 'personal-development-behaviour-welfare', label: 'Personal development, behaviour and welfare' },
  { id: 'leadership-and-management', label: 'Leadership and management' },
  { id: 'outcomes', label: 'Outcomes' },
];

/** KGA's monitoring / evidence form; other trusts take it as their default. */
export const KGA_MONITORING_FORM: ImprovementModelInput['monitoringForm'] = {
  activities: ['Lesson observation', 'Work analysis', 'Discussion', 'Other'],
  judgementAreas: KGA_JUDGEMENT_AREAS,
  feedbackHeadings: { strengths: 'What went well', development: 'Even better if', excellence: 'Area of excellence' },
};

/** DSAT's form: KGA's, with the learning walk ("observing teaching, learning and looking at evidence of children's work"). */
export const DSAT_MONITORING_FORM: ImprovementModelInput['monitoringForm'] = {
  ...KGA_MONITORING_FORM,
  activities: ['Lesson observation', 'Learning walk', 'Work analysis', 'Discussion', 'Other'],
};

/** Schoolsworks' in-school monitoring: "WILOs – 'a Week in the Life Of' – in a year group, learning walks and informal lesson observations, work scrutiny". */
export const SCHOOLSWORKS_MONITORING_FORM: ImprovementModelInput['monitoringForm'] = {
  ...KGA_MONITORING_FORM,
  activities: ['Lesson observation', 'Learning walk', 'WILO', 'Work scrutiny', 'Discussion', 'Other'],
};

/**
 * Waterton's escalation ladder: own capacity → trust support → formal action plan → change of status.
 * Who moves each step is the seed's: issues the academy "and/or SSIO" cannot resolve trigger trust
 * support; "the SSIO will develop a formal action plan"; "the Trust board will signal a 'change in
 * status' … managed as a Sponsored Academy" (the CEO, who leads the SSIOs, may act for either).
 */
export const WATERTON_ESCALATION_LADDER: ImprovementModelInput['escalation'] = {
  steps: [
    {
      id: 'own-capacity',
      label: 'Improving with its own capacity',
      description: 'The academy and its improvement officer agree it can resolve the issues itself.',
      movedBy: ['improvement-director', 'ceo'],
    },
    {
      id: 'trust-support',
      label: 'Support from across the trust',
      description: 'Issues the academy cannot improve on its own trigger support from good practice and capacity across the trust.',
      movedBy: ['improvement-director', 'ceo'],
    },
    {
      id: 'formal-action-plan',
      label: 'Formal action plan',
      description: 'No resolution after trust support: the improvement officer draws up a formal (intensive support) action plan.',
      movedBy: ['improvement-director', 'ceo'],
    },
    {
      id: 'change-of-status',
      label: 'Change of status: managed as a sponsored academy',
      description:
        'The plan has not brought satisfactory change: the board changes the academy’s status to be managed as sponsored and considers leadership changes.',
      movedBy: ['ceo', 'board'],
      managedAsSponsored: true,
    },
  ],
};

/**
 * Waterton's ladder for a trust whose cadence does not look at sponsorship: reaching the top step
 * also puts the academy in the model's closest-support stage, so its meetings follow the change of
 * status (e.g. DSAT's iAIMs each term for an academy not yet Good).
 */
export const watertonLadderWithTopStage = (supportStage: string): ImprovementModelInput['escalation'] => ({
  steps: WATERTON_ESCALATION_LADDER.steps.map((s) => (s.managedAsSponsored ? { ...s, supportStage } : s)),
});

/** Schoolsworks' four ways of delivering an intervention. */
export const SCHOOLSWORKS_INTERVENTION_KINDS: ImprovementModelInput['interventionKinds'] = [
  {
    id: 'in-school',
    label: 'In-school',
    description: 'Capacity and expertise exist within the school; the trust agrees an intervention plan with it.',
  },
  {
    id: 'school-to-school',
    label: 'School-to-school',
    description: 'Capacity exists in another of the trust’s schools; the trust brokers support between the two.',
    supportedBy: 'academy',
  },
  {
    id: 'direct-trust',
    label: 'Direct trust',
    description: 'The trust’s DTL, a strategic headteacher or lead teachers intervene directly.',
  },
  {
    id: 'external',
    label: 'External',
    description: 'The trust commissions and funds support it does not yet have, or that will bring faster improvement.',
    supportedBy: 'person',
  },
];

/**
 * Three data points a year where a seed gives no count: one at the end of the first half of each
 * term, so each term's data is in before the next review meeting looks at it.
 */
export const TERMLY_DATA_POINTS: ImprovementModelInput['kpis']['dataPoints'] = [
  { number: 1, label: 'Autumn data', halfTerm: 1 },
  { number: 2, label: 'Spring data', halfTerm: 3 },
  { number: 3, label: 'Summer data', halfTerm: 5 },
];
