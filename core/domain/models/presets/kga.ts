import type { ImprovementModelInput } from '../improvement-model.schema';
import {
  BELOW_EXPECTED_STANDARD,
  KGA_JUDGEMENT_AREAS,
  KGA_MONITORING_FORM,
  REPORT_CARD_INSPECTION_AREAS,
  SCHOOLSWORKS_INTERVENTION_KINDS,
  TERMLY_DATA_POINTS,
  WATERTON_ESCALATION_LADDER,
} from './shared';

/**
 * King's Group Academies' offer (seed 004): three core QA days for every school, either one a
 * term or a 2-day review with a follow-up day; three optional days chosen from a menu; feedback as
 * What went well / Even better if / Area of excellence on the monitoring / evidence form.
 */
export const KGA_PRESET: ImprovementModelInput = {
  id: 'kga',
  name: 'KGA school improvement offer',
  description: 'A core Quality Assurance offer of three days for every school, plus three optional days from a menu.',
  source: 'King’s Group Academies “School Improvement Offer” (seed 004)',
  roleTitles: { 'improvement-director': 'School Improvement Leader / phase director' },
  stages: [
    {
      id: 'core-offer',
      label: 'Core offer',
      description: 'Every school, whatever its Ofsted status, has the core QA offer and may choose optional days.',
    },
  ],
  meetingKinds: [
    {
      id: 'priorities-meeting',
      name: 'Priorities for the year',
      abbreviation: 'Priorities',
      description:
        'The school identifies its improvement priorities for the year with the School Improvement Leader, and chooses its QA model and optional days.',
      durationMinutes: 60,
      chairRole: 'improvement-director',
      attendees: [{ role: 'head', presence: 'expected' }],
      papers: [
        { id: 'school-improvement-plan', title: 'School improvement plan', ownerRole: 'head', leadDays: 5, escalateAfterWorkingDays: 1 },
      ],
      notesApprovers: ['head'],
    },
    {
      id: 'qa-review',
      name: 'Quality Assurance review',
      abbreviation: 'QA review',
      description:
        'Led by a head, the CEO or a phase director with up to three staff; focus agreed with the CEO; feedback as What went well, Even better if, Area of excellence.',
      durationMinutes: 360,
      startTime: '08:30',
      chairRole: 'improvement-director',
      attendees: [
        { role: 'head', presence: 'expected' },
        { role: 'peer-head', presence: 'where-appropriate' },
        { role: 'lead-practitioner', presence: 'where-appropriate' },
      ],
      papers: [
        { id: 'qa-focus-evidence', title: 'Evidence for the agreed QA focus', ownerRole: 'head', leadDays: 7, escalateAfterWorkingDays: 1 },
      ],
      notesApprovers: ['head'],
      recordsJudgements: true,
      rotatesFocus: true,
      supportDays: 1,
      reviewsKpiDrops: true,
    },
  ],
  cadence: [
    {
      id: 'priorities-autumn',
      meetingKind: 'priorities-meeting',
      label: 'Priorities agreed at the start of the year',
      slots: [{ halfTerm: 1, timing: 'early' }],
    },
    {
      id: 'qa-one-day-a-term',
      meetingKind: 'qa-review',
      label: 'Core QA: one day a term',
      // Each school chooses its "preferred model and timings" with the SI Leader; these are starting dates to edit.
      slots: [
        { halfTerm: 1, timing: 'late' },
        { halfTerm: 3, timing: 'middle' },
        { halfTerm: 5, timing: 'middle' },
      ],
    },
    {
      id: 'qa-two-day-review',
      meetingKind: 'qa-review',
      label: 'Core QA: a 2-day review (on the lines of Challenge Partners) with a follow-up day',
      when: { anyOf: [{ requested: 'qa-two-day' }] },
      replaces: ['qa-one-day-a-term'],
      slots: [
        { halfTerm: 2, timing: 'middle', days: 2, purpose: '2-day QA review' },
        { halfTerm: 4, timing: 'middle', purpose: 'Follow-up day' },
      ],
    },
  ],
  // QA reviews now judge the report card's areas; the monitoring form keeps KGA's own headings, which past reviews used.
  inspectionAreas: REPORT_CARD_INSPECTION_AREAS,
  formerInspectionAreas: KGA_JUDGEMENT_AREAS,
  judgementScale: 'report-card',
  // No KGA rule turns on a grade ("every school, whatever its Ofsted status"); the reading only labels a report card.
  reportCards: { belowGood: BELOW_EXPECTED_STANDARD },
  // The school identifies its priorities for the year, from its self-evaluation, with the School Improvement Leader.
  selfEvaluation: { setAt: ['priorities-meeting'], trustQualityDescriptions: false },
  kpis: { dataPoints: TERMLY_DATA_POINTS, benchmark: 'The 80th percentile of similar schools (Aspire / FFT) where such data is available' },
  supportDays: {
    coreAllowance: 3,
    developmentDayRatePence: 0,
    optionalAllowance: 3,
    optionalMenu: [
      'Pupil Premium review / strategy support / CPD on the needs of pupils in receipt of the PPG',
      'Inclusion review / support for inclusion, diversity and EAL / CPD for teaching or support staff',
      'SEN review of impact and use of funding / support for a new SENCo or SEND support staff',
      'Subject specialism review / subject development including foundation-subject assessment / curriculum enrichment',
      'Specific INSET (e.g. FFT, My Concern) / support for new assessment leaders',
      'Leadership review / support for senior, middle and subject leaders / preparation for Ofsted-type meetings',
    ],
    belowGoodMustBudget: false,
  },
  escalation: WATERTON_ESCALATION_LADDER,
  interventionKinds: SCHOOLSWORKS_INTERVENTION_KINDS,
  monitoringForm: KGA_MONITORING_FORM,
};
