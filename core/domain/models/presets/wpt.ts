import type { ImprovementModelInput } from '../improvement-model.schema';
import {
  BELOW_EXPECTED_STANDARD,
  DSAT_INSPECTION_AREAS,
  KGA_MONITORING_FORM,
  NEEDS_ATTENTION,
  REPORT_CARD_INSPECTION_AREAS,
  URGENT_IMPROVEMENT_OR_UNSAFE,
  SCHOOLSWORKS_INTERVENTION_KINDS,
  TERMLY_DATA_POINTS,
  watertonLadderWithTopStage,
} from './shared';

/**
 * WPT's routes by Ofsted grade (seed 002): inadequate → intensive support, requires improvement →
 * capacity building, good or better → sustain and share. The seed names the routes and the
 * external / peer reviews but no meeting counts; those below are defaults for the trust to edit.
 */
export const WPT_PRESET: ImprovementModelInput = {
  id: 'wpt',
  name: 'WPT routes by Ofsted grade',
  description: 'Three routes set by the Ofsted grade: intensive, capacity building, sustain and share; peer reviews for every school.',
  source: 'WPT “School Improvement” (seed 002)',
  roleTitles: { 'improvement-director': 'Director of School Improvement', governor: 'Local advisory committee member' },
  stages: [
    {
      id: 'intensive',
      label: 'Intensive support',
      description:
        'Inadequate: intensive leadership support adds capacity until a substantive head is appointed; directors review governance and set up a local advisory committee.',
      // On a report card the preset reads "inadequate" as urgent improvement in any area or safeguarding not met.
      suggestWhen: { anyOf: [{ ofstedGrades: ['inadequate'] }, { reportCard: URGENT_IMPROVEMENT_OR_UNSAFE }] },
    },
    {
      id: 'capacity-building',
      label: 'Capacity building',
      description:
        'Requires improvement: add leadership capacity, sharpen monitoring of intent, implementation and impact (under curriculum and teaching), broker support from across the MAT.',
      // On a report card the preset reads "requires improvement" as any area at needs attention.
      suggestWhen: { anyOf: [{ ofstedGrades: ['requires-improvement'] }, { reportCard: NEEDS_ATTENTION }] },
    },
    {
      id: 'sustain-and-share',
      label: 'Sustain and share',
      description: 'Good or better: sustain excellence, plan succession, share practice and support other schools.',
    },
  ],
  meetingKinds: [
    {
      id: 'progress-review',
      name: 'Improvement plan progress review',
      abbreviation: 'Review',
      description: 'Evaluates progress against the improvement plan and holds leaders to account.',
      durationMinutes: 120,
      chairRole: 'improvement-director',
      attendees: [
        { role: 'head', presence: 'expected' },
        { role: 'chair-lgb', presence: 'expected' },
      ],
      papers: [
        {
          id: 'improvement-plan-update',
          title: 'Improvement plan progress update',
          ownerRole: 'head',
          leadDays: 7,
          escalateAfterWorkingDays: 1,
        },
        {
          id: 'real-time-data',
          title: 'Latest progress and performance data',
          ownerRole: 'head',
          leadDays: 7,
          escalateAfterWorkingDays: 1,
        },
      ],
      notesApprovers: ['head'],
      agenda: [
        'Progress against the improvement plan',
        'Teaching, curriculum, behaviour, attendance, safeguarding, governance and data',
        'Actions from the last review',
        'Support to broker from across the MAT',
      ],
      recordsJudgements: true,
      supportDays: 0.5,
      reviewsKpiDrops: true,
    },
    {
      id: 'peer-review',
      name: 'External / peer review',
      abbreviation: 'Peer review',
      description: 'Senior leaders from one or more schools use a formal model to scrutinise another.',
      durationMinutes: 360,
      chairRole: 'improvement-director',
      attendees: [
        { role: 'head', presence: 'expected' },
        { role: 'peer-head', presence: 'expected' },
        { role: 'external-adviser', presence: 'where-appropriate' },
      ],
      papers: [{ id: 'self-evaluation', title: 'Self-evaluation summary', ownerRole: 'head', leadDays: 10, escalateAfterWorkingDays: 1 }],
      notesApprovers: ['head'],
      recordsJudgements: true,
      supportDays: 1,
    },
    {
      id: 'governance-review',
      name: 'Governance review',
      abbreviation: 'Governance',
      description: 'Inadequate schools: directors review governance and establish a local advisory committee accountable to the board.',
      durationMinutes: 120,
      chairRole: 'ceo',
      attendees: [
        { role: 'head', presence: 'expected' },
        { role: 'chair-lgb', presence: 'expected' },
        { role: 'improvement-director', presence: 'expected' },
      ],
      notesApprovers: [],
    },
  ],
  cadence: [
    {
      id: 'review-sustain-and-share',
      meetingKind: 'progress-review',
      label: 'Sustain and share: a progress review in autumn and in summer',
      slots: [
        { halfTerm: 2, timing: 'middle' },
        { halfTerm: 5, timing: 'middle' },
      ],
    },
    {
      id: 'review-capacity-building',
      meetingKind: 'progress-review',
      label: 'Capacity building: a progress review each term',
      when: { anyOf: [{ stages: ['capacity-building'] }] },
      slots: [
        { halfTerm: 1, timing: 'late' },
        { halfTerm: 3, timing: 'late' },
        { halfTerm: 5, timing: 'late' },
      ],
    },
    {
      id: 'review-intensive',
      meetingKind: 'progress-review',
      label: 'Intensive support: a progress review every half term',
      when: { anyOf: [{ stages: ['intensive'] }] },
      slots: [1, 2, 3, 4, 5, 6].map((halfTerm) => ({ halfTerm, timing: 'middle' as const })),
    },
    {
      id: 'peer-review-yearly',
      meetingKind: 'peer-review',
      label: 'An external / peer review each year',
      slots: [{ halfTerm: 4, timing: 'middle' }],
    },
    {
      id: 'governance-review-intensive',
      meetingKind: 'governance-review',
      label: 'Intensive support: a governance review at the start of the year',
      when: { anyOf: [{ stages: ['intensive'] }] },
      slots: [{ halfTerm: 1, timing: 'early' }],
    },
  ],
  // The report card's areas; WPT's monitoring of the curriculum's intent, implementation and impact sits under curriculum and teaching.
  inspectionAreas: REPORT_CARD_INSPECTION_AREAS.map((a) =>
    a.id === 'curriculum-and-teaching'
      ? { ...a, description: 'Includes WPT’s monitoring of the curriculum’s intent, implementation and impact.' }
      : a,
  ),
  formerInspectionAreas: DSAT_INSPECTION_AREAS,
  judgementScale: 'report-card',
  // Good or better (sustain and share) on a report card: every area at the expected standard or better and safeguarding met.
  reportCards: {
    belowGood: BELOW_EXPECTED_STANDARD,
    note: 'Intensive: any area at urgent improvement or safeguarding not met. Capacity building: any area at needs attention.',
  },
  // Each school's self-evaluation summary goes to its external / peer review.
  selfEvaluation: { setAt: ['peer-review'], trustQualityDescriptions: false },
  kpis: { dataPoints: TERMLY_DATA_POINTS },
  supportDays: { coreAllowance: 4, developmentDayRatePence: 0, optionalAllowance: 0, optionalMenu: [], belowGoodMustBudget: false },
  // The seed has no ladder; Waterton's is borrowed, its top step taking the academy onto WPT's intensive route.
  escalation: watertonLadderWithTopStage('intensive'),
  interventionKinds: SCHOOLSWORKS_INTERVENTION_KINDS,
  monitoringForm: KGA_MONITORING_FORM,
};
