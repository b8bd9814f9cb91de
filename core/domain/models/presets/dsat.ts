import type { ImprovementModelInput } from '../improvement-model.schema';
import { DSAT_GOVERNANCE } from './trust-governance';
import {
  BELOW_EXPECTED_STANDARD,
  DSAT_INSPECTION_AREAS,
  DSAT_MONITORING_FORM,
  REPORT_CARD_INSPECTION_AREAS,
  SCHOOLSWORKS_INTERVENTION_KINDS,
  TERMLY_DATA_POINTS,
  watertonLadderWithTopStage,
} from './shared';

const ONE_WEEK = 7;

/**
 * DSAT's Academy Improvement Framework (seed 001): three AIMs a year chaired by the AID, iAIMs
 * between them chaired by the CEO where a school is below Good or asks, papers a week before,
 * notes checked by the head and chair of LGB, six AID days and £350 development days.
 */
export const DSAT_PRESET: ImprovementModelInput = {
  id: 'dsat',
  name: 'DSAT Academy Improvement Framework',
  description: 'Academy Improvement Meetings each term, interim AIMs for schools below Good or on request, six AID days per academy.',
  source: 'DSAT “Academy Improvement” (seed 001)',
  roleTitles: { 'improvement-director': 'Academy Improvement Director (AID)', 'chair-lgb': 'Chair of LGB', governor: 'LAB member' },
  stages: [
    {
      id: 'below-good',
      label: 'Not yet Good',
      description: 'Less than Good by inspection or self-evaluation: iAIMs each term and a budget for support.',
      suggestWhen: { anyOf: [{ belowGood: true }] },
    },
    { id: 'good-or-better', label: 'Good or better', description: 'AIMs each term; iAIMs if the academy asks.' },
  ],
  meetingKinds: [
    {
      id: 'aim',
      name: 'Academy Improvement Meeting',
      abbreviation: 'AIM',
      description:
        'Evaluates the progress of the academy against its priorities, targets, KPIs and success criteria; reviews, amends or confirms priorities for improvement.',
      durationMinutes: 120,
      startTime: '09:30',
      chairRole: 'improvement-director',
      attendees: [
        { role: 'head', presence: 'expected' },
        { role: 'chair-lgb', presence: 'expected' },
        { role: 'headteacher-partner', presence: 'expected' },
        { role: 'governor', presence: 'expected' },
        { role: 'headteacher-consultant', presence: 'where-appropriate' },
      ],
      papers: [
        {
          id: 'agenda',
          title: 'Agenda (agreed with the headteacher)',
          ownerRole: 'improvement-director',
          leadDays: ONE_WEEK,
          escalateAfterWorkingDays: 1,
        },
        {
          id: 'previous-aim-report',
          title: 'Report from the previous AIM',
          ownerRole: 'improvement-director',
          leadDays: ONE_WEEK,
          escalateAfterWorkingDays: 1,
        },
        {
          id: 'heads-report',
          title: 'Headteacher’s report',
          description:
            'Clear judgements and supporting evidence on achievement, teaching and learning, behaviour and safety, and leadership and management. May double as part of the SEF or the head’s report to governors.',
          ownerRole: 'head',
          leadDays: ONE_WEEK,
          escalateAfterWorkingDays: 1,
        },
        {
          id: 'context-data',
          title: 'Additional context data',
          description: 'Anything that helps attendees understand the school’s context and its improvement.',
          ownerRole: 'head',
          leadDays: ONE_WEEK,
          escalateAfterWorkingDays: 1,
        },
        {
          id: 'pupil-achievement-data',
          title: 'Latest pupil achievement data',
          ownerRole: 'head',
          leadDays: ONE_WEEK,
          escalateAfterWorkingDays: 1,
        },
      ],
      notesApprovers: ['head', 'chair-lgb'],
      agenda: [
        'Progress against agreed priorities, targets, KPIs and success criteria',
        'Evidence and summary judgement for the agreed focus areas',
        'Actions from the previous AIM: achieved, outstanding, plan to complete',
        'Priorities for improvement: review, amend or confirm',
        'Support and resources needed',
        'Strengths and good practice to share',
      ],
      monitoringVisitDayBefore: true,
      recordsJudgements: true,
      rotatesFocus: true,
      supportDays: 1,
      carriesForwardActions: true,
      reviewsKpiDrops: true,
    },
    {
      id: 'iaim',
      name: 'Interim Academy Improvement Meeting',
      abbreviation: 'iAIM',
      description:
        'Between AIMs: a learning walk, then the actions from the previous AIM, emerging priorities, actions to finish by the next AIM and the support needed. A brief report follows soon after.',
      durationMinutes: 180,
      startTime: '09:00',
      chairRole: 'ceo',
      attendees: [
        { role: 'head', presence: 'expected' },
        { role: 'headteacher-partner', presence: 'expected' },
        { role: 'chair-lgb', presence: 'expected' },
        { role: 'headteacher-consultant', presence: 'where-appropriate' },
      ],
      papers: [],
      // Seed 001: "A brief report will be supplied soon after the meeting which will summarise the above."
      reports: [{ id: 'brief-report', title: 'Brief report of the iAIM', owner: 'ceo', dueWorkingDaysAfter: 5 }],
      notesApprovers: [],
      agenda: [
        'Learning walk led by the headteacher (30–60 minutes): main areas for improvement and progress so far',
        'Main actions from the previous AIM: what has been achieved, what is outstanding, what is the plan for completion',
        'Other emerging priorities',
        'Actions to be accomplished by the next AIM',
        'Support that may be required before the next AIM',
      ],
      learningWalk: { minMinutes: 30, maxMinutes: 60, ledBy: 'head' },
      carriesForwardActions: true,
      reviewsKpiDrops: false,
    },
  ],
  cadence: [
    {
      id: 'aim-termly',
      meetingKind: 'aim',
      label: 'An AIM each term for every academy',
      // "3 times per year"; the seed does not say when in the term, so late in its first half (before the iAIM in the second).
      slots: [
        { halfTerm: 1, timing: 'late' },
        { halfTerm: 3, timing: 'late' },
        { halfTerm: 5, timing: 'late' },
      ],
    },
    {
      id: 'iaim-below-good-or-requested',
      meetingKind: 'iaim',
      label: 'An iAIM each term between AIMs: below Good (inspection or self-evaluation), or a Good / Outstanding school that asked',
      // "Less than good (inspection or self-evaluation)": the grades, or the trust putting the academy in the below-Good stage.
      when: { anyOf: [{ belowGood: true }, { stages: ['below-good'] }, { requested: 'iaim' }] },
      // The seed says "3 times per year" and "by the time of the next AIM" but not when: one in each half term without an AIM.
      slots: [
        { halfTerm: 2, timing: 'middle' },
        { halfTerm: 4, timing: 'middle' },
        { halfTerm: 6, timing: 'middle' },
      ],
    },
  ],
  // The seed's "main inspection headings" were the old framework's; AIMs now judge the report card's areas on its
  // scale, and the old headings stay so judgements on past AIMs still read by name.
  ...DSAT_GOVERNANCE,
  inspectionAreas: REPORT_CARD_INSPECTION_AREAS,
  formerInspectionAreas: DSAT_INSPECTION_AREAS,
  judgementScale: 'report-card',
  // "Less than good" was below the old Good, the grade most schools held; on a report card the preset reads it as any
  // area below the expected standard (Ofsted: "doing everything that it should be doing"), or safeguarding not met.
  reportCards: {
    belowGood: BELOW_EXPECTED_STANDARD,
    note: 'Below Good on a report card: any area at needs attention or urgent improvement, or safeguarding not met.',
  },
  // The head's report "may double as part of the SEF": the academy sets its self-evaluation at the AIM.
  selfEvaluation: { setAt: ['aim'], trustQualityDescriptions: false },
  // The seed does not say where KPI targets are agreed; the AIM "evaluates the progress of the academy
  // against its priorities, targets, KPIs and success criteria", so the AIMs agree them (the autumn one first).
  kpis: { dataPoints: TERMLY_DATA_POINTS, targetsAgreedAt: 'aim' },
  supportDays: { coreAllowance: 6, developmentDayRatePence: 35000, optionalAllowance: 0, optionalMenu: [], belowGoodMustBudget: true },
  // The seed has no ladder; Waterton's is borrowed. A sponsored status changes nothing in DSAT's cadence, so the top
  // step also puts the academy in the not-yet-Good stage: iAIMs each term and a budget for support.
  escalation: watertonLadderWithTopStage('below-good'),
  interventionKinds: SCHOOLSWORKS_INTERVENTION_KINDS,
  monitoringForm: DSAT_MONITORING_FORM,
};
