import type { ImprovementModelInput } from '../improvement-model.schema';
import { SCHOOLSWORKS_GOVERNANCE } from './trust-governance';
import {
  BELOW_EXPECTED_STANDARD,
  DSAT_INSPECTION_AREAS,
  SCHOOLSWORKS_MONITORING_FORM,
  REPORT_CARD_INSPECTION_AREAS,
  SCHOOLSWORKS_INTERVENTION_KINDS,
  watertonLadderWithTopStage,
} from './shared';

/**
 * Schoolsworks' four-step cycle (seed 003): monitor and diagnose, commission, deliver, hold to
 * account. Trust inspections yearly for Good / Outstanding and twice a year for RI, termly
 * performance reviews with each head, a whole-day end-of-year review, half-termly predictions,
 * and four kinds of intervention.
 */
export const SCHOOLSWORKS_PRESET: ImprovementModelInput = {
  id: 'schoolsworks',
  name: 'Schoolsworks four-step cycle',
  description: 'Monitoring and diagnosis, commissioning interventions, delivery, accountability.',
  source: 'Schoolsworks Academy Trust “Summary of School Improvement Model” (seed 003)',
  roleTitles: { 'improvement-director': 'Director of Teaching and Learning (DTL)' },
  stages: [
    {
      id: 'requires-improvement',
      label: 'Requiring improvement',
      description: 'Trust inspections twice a year.',
      // On a report card the preset reads "RI" as any area below the expected standard, or safeguarding not met.
      suggestWhen: { anyOf: [{ ofstedGrades: ['requires-improvement', 'inadequate'] }, { reportCard: BELOW_EXPECTED_STANDARD }] },
    },
    { id: 'good-or-outstanding', label: 'Good or Outstanding', description: 'An annual trust inspection.' },
  ],
  meetingKinds: [
    {
      id: 'trust-inspection',
      name: 'Trust inspection',
      abbreviation: 'Inspection',
      description: 'Diagnoses school improvement needs; evidence and a judgement per inspection area.',
      durationMinutes: 360,
      startTime: '08:45',
      chairRole: 'improvement-director',
      attendees: [
        { role: 'head', presence: 'expected' },
        { role: 'ceo', presence: 'where-appropriate' },
        { role: 'lead-practitioner', presence: 'where-appropriate' },
      ],
      papers: [
        {
          id: 'school-improvement-plan',
          title: 'School improvement plan and self-evaluation',
          ownerRole: 'head',
          leadDays: 7,
          escalateAfterWorkingDays: 1,
        },
      ],
      notesApprovers: ['head'],
      recordsJudgements: true,
      rotatesFocus: false,
      supportDays: 1,
      reviewsKpiDrops: true,
    },
    {
      id: 'performance-review',
      name: 'Termly performance review',
      abbreviation: 'Termly review',
      description: 'All-round school performance with the headteacher, by the DTL and/or CEO, to update the trust’s dashboard.',
      durationMinutes: 120,
      chairRole: 'improvement-director',
      attendees: [
        { role: 'head', presence: 'expected' },
        { role: 'ceo', presence: 'where-appropriate' },
      ],
      papers: [
        {
          id: 'predictive-data',
          title: 'Predictive year-end attainment data',
          ownerRole: 'head',
          leadDays: 5,
          escalateAfterWorkingDays: 1,
        },
      ],
      notesApprovers: ['head'],
      agenda: [
        'Half-termly predictions against targets',
        'Interventions: progress and impact on outcomes for pupils',
        'Dashboard position',
        'Actions from the last review',
      ],
      supportDays: 0.5,
      reviewsKpiDrops: true,
    },
    {
      id: 'end-of-year-review',
      name: 'End-of-year review',
      abbreviation: 'End of year',
      description: 'A whole day with the CEO and DTL on the year’s attainment data, including test results, to plan future priorities.',
      durationMinutes: 390,
      startTime: '09:00',
      chairRole: 'ceo',
      attendees: [
        { role: 'head', presence: 'expected' },
        { role: 'improvement-director', presence: 'expected' },
      ],
      papers: [
        {
          id: 'year-attainment',
          title: 'The year’s attainment data and test results',
          ownerRole: 'head',
          leadDays: 5,
          escalateAfterWorkingDays: 1,
        },
      ],
      notesApprovers: ['head'],
      reviewsKpiDrops: true,
    },
  ],
  cadence: [
    {
      id: 'inspection-annual',
      meetingKind: 'trust-inspection',
      label: 'A trust inspection each year (Good or Outstanding)',
      // The seed gives no time of year for inspections; spring 1 for the annual one, autumn 2 and summer 1 for twice a year.
      slots: [{ halfTerm: 3, timing: 'middle' }],
    },
    {
      id: 'inspection-twice-yearly',
      meetingKind: 'trust-inspection',
      label: 'Trust inspections twice a year (requiring improvement)',
      // The seed names Good / Outstanding (annual) and RI (twice a year); it is silent on Inadequate, which gets at least RI's two.
      when: {
        anyOf: [
          { ofstedGrades: ['requires-improvement', 'inadequate'] },
          { reportCard: BELOW_EXPECTED_STANDARD },
          { stages: ['requires-improvement'] },
        ],
      },
      slots: [
        { halfTerm: 2, timing: 'middle' },
        { halfTerm: 5, timing: 'middle' },
      ],
    },
    {
      id: 'performance-review-termly',
      meetingKind: 'performance-review',
      label: 'A performance review each term with every head',
      slots: [
        { halfTerm: 1, timing: 'late' },
        { halfTerm: 3, timing: 'late' },
        { halfTerm: 5, timing: 'late' },
      ],
    },
    {
      id: 'end-of-year-review',
      meetingKind: 'end-of-year-review',
      label: 'A whole-day end-of-year review',
      slots: [{ halfTerm: 6, timing: 'late' }],
    },
  ],
  ...SCHOOLSWORKS_GOVERNANCE,
  inspectionAreas: REPORT_CARD_INSPECTION_AREAS,
  formerInspectionAreas: DSAT_INSPECTION_AREAS,
  judgementScale: 'report-card',
  // "Good / Outstanding" (an annual trust inspection) on a report card: every area at the expected standard or better, safeguarding met.
  reportCards: {
    belowGood: BELOW_EXPECTED_STANDARD,
    note: 'Twice-yearly trust inspections where a report card has any area at needs attention or urgent improvement, or safeguarding not met.',
  },
  // The head brings the school improvement plan and self-evaluation to the trust inspection.
  selfEvaluation: { setAt: ['trust-inspection'], trustQualityDescriptions: false },
  kpis: {
    // Half-termly analysis of predictive year-end attainment data.
    dataPoints: [1, 2, 3, 4, 5, 6].map((n) => ({ number: n, label: `Half-termly prediction ${n}`, halfTerm: n })),
  },
  supportDays: { coreAllowance: 4, developmentDayRatePence: 0, optionalAllowance: 0, optionalMenu: [], belowGoodMustBudget: false },
  // The seed has no ladder; Waterton's is borrowed, its top step putting the academy in the RI stage (twice-yearly inspections).
  escalation: watertonLadderWithTopStage('requires-improvement'),
  interventionKinds: SCHOOLSWORKS_INTERVENTION_KINDS,
  monitoringForm: SCHOOLSWORKS_MONITORING_FORM,
};
