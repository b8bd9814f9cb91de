import type { ImprovementModelInput } from '../improvement-model.schema';
import { WATERTON_GOVERNANCE } from './trust-governance';
import {
  BELOW_EXPECTED_STANDARD,
  DSAT_INSPECTION_AREAS,
  KGA_MONITORING_FORM,
  REPORT_CARD_INSPECTION_AREAS,
  URGENT_IMPROVEMENT_OR_UNSAFE,
  SCHOOLSWORKS_INTERVENTION_KINDS,
  WATERTON_ESCALATION_LADDER,
} from './shared';

const SEPTEMBER = { halfTerm: 1, timing: 'early', purpose: 'Risk banding, and agreement of the year’s KPI targets' } as const;

/**
 * Waterton Academy Trust's accountability cycle (seed 000): ASERs at least four a year, at least six
 * for sponsored academies, those in an Ofsted window or needing closer support, half-termly with an
 * extended mid-year review for Stabilise; the September ASER sets the risk band and KPIs; five data
 * points; the four-rung escalation ladder.
 */
export const WATERTON_PRESET: ImprovementModelInput = {
  id: 'waterton',
  name: 'Waterton accountability cycle',
  description: 'Academy Self-Evaluation Reviews weighted by need, five attainment data points and a four-step escalation ladder.',
  source: 'Waterton Academy Trust “School Improvement: Accountability Cycle” (seed 000)',
  roleTitles: { 'improvement-director': 'Senior School Improvement Officer (SSIO)', board: 'Academy Standards Committee' },
  stages: [
    {
      id: 'stabilise',
      label: 'Stabilise',
      description:
        'Additional support and systems: half-termly ASERs on the SDP’s half-termly success criteria and an extended mid-year review.',
      // The seed does not say which academies are Stabilise; suggested for Inadequate, the trust confirms each September.
      // On a report card, Inadequate is read as urgent improvement in any area or safeguarding not met.
      suggestWhen: { anyOf: [{ ofstedGrades: ['inadequate'] }, { reportCard: URGENT_IMPROVEMENT_OR_UNSAFE }] },
    },
    {
      id: 'closer-support',
      label: 'Closer support',
      description: 'Sponsored, in an Ofsted window, or identified for another reason: at least six ASERs.',
      // "Identified for another reason" is the trust's call; below Good is the preset's suggestion.
      suggestWhen: { anyOf: [{ sponsored: true }, { inOfstedWindow: true }, { belowGood: true }] },
    },
    { id: 'standard', label: 'Standard', description: 'At least four ASERs a year.' },
  ],
  meetingKinds: [
    {
      id: 'aser',
      name: 'Academy Self-Evaluation Review',
      abbreviation: 'ASER',
      description: 'The core of the accountability process, on an agreed agenda; investigates any drop from KPIs at the data points.',
      durationMinutes: 120,
      chairRole: 'improvement-director',
      attendees: [
        { role: 'head', presence: 'expected' },
        { role: 'chair-lgb', presence: 'where-appropriate' },
      ],
      papers: [
        {
          id: 'self-evaluation-summary',
          title: 'Academy Self-Evaluation Summary Statement',
          ownerRole: 'head',
          leadDays: 7,
          escalateAfterWorkingDays: 1,
        },
        {
          id: 'attainment-report',
          title: 'Latest summative attainment report',
          ownerRole: 'head',
          leadDays: 7,
          escalateAfterWorkingDays: 1,
        },
      ],
      notesApprovers: ['head'],
      agenda: [
        'Progress against KPI targets',
        'Drops from KPIs at the latest data point',
        'Progress against the SDP and its success criteria',
        'Actions from the last ASER',
        'Support needed from across the trust',
      ],
      recordsJudgements: true,
      rotatesFocus: false,
      supportDays: 0.5,
      carriesForwardActions: true,
      reviewsKpiDrops: true,
    },
    {
      id: 'aser-extended',
      name: 'Extended mid-year ASER',
      abbreviation: 'Extended ASER',
      description: 'Stabilise academies: at the midpoint of the year, a review of overall progress with the SI team.',
      durationMinutes: 240,
      chairRole: 'improvement-director',
      attendees: [
        { role: 'head', presence: 'expected' },
        { role: 'chair-lgb', presence: 'expected' },
        { role: 'ceo', presence: 'where-appropriate' },
      ],
      papers: [
        {
          id: 'sdp-progress',
          title: 'SDP progress against half-termly success criteria',
          ownerRole: 'head',
          leadDays: 7,
          escalateAfterWorkingDays: 1,
        },
        {
          id: 'attainment-report',
          title: 'Latest summative attainment report',
          ownerRole: 'head',
          leadDays: 7,
          escalateAfterWorkingDays: 1,
        },
      ],
      notesApprovers: ['head'],
      agenda: [
        'Overall progress of the academy this year',
        'SDP half-termly success criteria',
        'KPI position at the mid-year data point',
        'Support for the rest of the year',
      ],
      recordsJudgements: true,
      supportDays: 1,
      carriesForwardActions: true,
      reviewsKpiDrops: true,
    },
  ],
  cadence: [
    {
      id: 'aser-at-least-four',
      meetingKind: 'aser',
      label: 'At least four ASERs a year',
      // The seed fixes only the first (September); the other three are spread across the year.
      slots: [SEPTEMBER, { halfTerm: 2, timing: 'late' }, { halfTerm: 4, timing: 'late' }, { halfTerm: 6, timing: 'middle' }],
    },
    // Listed before "at least six": both ask for six, and a Stabilise academy's own half-termly rule wins the tie.
    {
      id: 'aser-half-termly-stabilise',
      meetingKind: 'aser',
      label: 'Half-termly ASERs for a Stabilise academy',
      when: { anyOf: [{ stages: ['stabilise'] }] },
      slots: [
        SEPTEMBER,
        { halfTerm: 2, timing: 'late' },
        { halfTerm: 3, timing: 'middle' },
        { halfTerm: 4, timing: 'late' },
        { halfTerm: 5, timing: 'late' },
        { halfTerm: 6, timing: 'middle' },
      ],
    },
    {
      id: 'aser-at-least-six',
      meetingKind: 'aser',
      label: 'At least six ASERs a year: sponsored, in an Ofsted window, or needing closer support',
      when: { anyOf: [{ sponsored: true }, { inOfstedWindow: true }, { stages: ['closer-support'] }] },
      slots: [
        SEPTEMBER,
        { halfTerm: 2, timing: 'late' },
        { halfTerm: 3, timing: 'late' },
        { halfTerm: 4, timing: 'late' },
        { halfTerm: 5, timing: 'late' },
        { halfTerm: 6, timing: 'middle' },
      ],
    },
    {
      id: 'aser-extended-mid-year',
      meetingKind: 'aser-extended',
      label: 'An extended ASER at the midpoint of the year for a Stabilise academy',
      when: { anyOf: [{ stages: ['stabilise'] }] },
      slots: [{ halfTerm: 3, timing: 'late', purpose: 'Mid-year review of overall progress with the SI team' }],
    },
  ],
  ...WATERTON_GOVERNANCE,
  inspectionAreas: REPORT_CARD_INSPECTION_AREAS,
  formerInspectionAreas: DSAT_INSPECTION_AREAS,
  judgementScale: 'report-card',
  // Closer support for academies below Good: on a report card, any area below the expected standard or safeguarding not met.
  reportCards: {
    belowGood: BELOW_EXPECTED_STANDARD,
    note: 'Stabilise: any area at urgent improvement, or safeguarding not met. Closer support: any area at needs attention.',
  },
  // The ASER is the Academy Self-Evaluation Review: the academy's own view is set there. The seed does not say the trust
  // evaluates itself against the DfE's trust quality descriptions; a trust that does turns the flag on.
  selfEvaluation: { setAt: ['aser'], trustQualityDescriptions: false },
  kpis: {
    // Five summative attainment reports a year, shared with the ASC and the SI Directors Committee.
    dataPoints: [
      { number: 1, label: 'Data point 1 (autumn 2)', halfTerm: 2 },
      { number: 2, label: 'Data point 2 (spring 1)', halfTerm: 3 },
      { number: 3, label: 'Data point 3 (spring 2)', halfTerm: 4 },
      { number: 4, label: 'Data point 4 (summer 1)', halfTerm: 5 },
      { number: 5, label: 'Data point 5 (summer 2)', halfTerm: 6 },
    ],
    targetsAgreedAt: 'aser',
  },
  // The seed sets no day allowance or recharge; the SSIO's sessions are given "when requested or identified".
  // Six core days is DSAT's figure, a default for the trust to edit.
  supportDays: { coreAllowance: 6, developmentDayRatePence: 0, optionalAllowance: 0, optionalMenu: [], belowGoodMustBudget: false },
  escalation: WATERTON_ESCALATION_LADDER,
  interventionKinds: SCHOOLSWORKS_INTERVENTION_KINDS,
  monitoringForm: KGA_MONITORING_FORM,
};
