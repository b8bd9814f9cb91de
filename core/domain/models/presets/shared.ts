import type { ImprovementModelInput } from '../improvement-model.schema';

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

/** Waterton's escalation ladder: own capacity → trust support → formal action plan → change of status. */
export const WATERTON_ESCALATION_LADDER: ImprovementModelInput['escalation'] = {
  steps: [
    { id: 'own-capacity', label: 'Improving with its own capacity', description: 'The academy and its improvement officer agree it can resolve the issues itself.' },
    { id: 'trust-support', label: 'Support from across the trust', description: 'Issues the academy cannot improve on its own trigger support from good practice and capacity across the trust.' },
    { id: 'formal-action-plan', label: 'Formal action plan', description: 'No resolution after trust support: the improvement officer draws up a formal (intensive support) action plan.' },
    { id: 'change-of-status', label: 'Change of status', description: 'The plan has not brought satisfactory change: the board manages the academy as sponsored and considers leadership changes.' },
  ],
};

/** Schoolsworks' four ways of delivering an intervention. */
export const SCHOOLSWORKS_INTERVENTION_KINDS: ImprovementModelInput['interventionKinds'] = [
  { id: 'in-school', label: 'In-school', description: 'Capacity and expertise exist within the school; the trust agrees an intervention plan with it.' },
  { id: 'school-to-school', label: 'School-to-school', description: 'Capacity exists in another of the trust’s schools; the trust brokers support between the two.' },
  { id: 'direct-trust', label: 'Direct trust', description: 'The trust’s DTL, a strategic headteacher or lead teachers intervene directly.' },
  { id: 'external', label: 'External', description: 'The trust commissions and funds support it does not yet have, or that will bring faster improvement.' },
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
