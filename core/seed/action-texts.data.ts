import type { Phase } from '../domain/academy';

/**
 * What the demo's meetings ask people to do, in the words of an improvement meeting's action list.
 * Each academy works through its lists in order, so no action repeats at one academy; the lists are
 * longer than the most actions any one academy's year can raise (a test checks this).
 */

/** Any phase: the head's actions. */
const HEAD_ANY_PHASE = [
  'Update the SEF with evidence from the latest data point and share it with governors',
  'Review persistent absence cases with the attendance lead and agree next steps for each family',
  'Complete the SEND provision map review with the SENCo',
  'Carry out a behaviour learning walk with senior leaders and share the findings with staff',
  'Publish a subject leader monitoring calendar to the end of the year',
  'Analyse the attainment gap for disadvantaged pupils and revise the pupil premium strategy',
  'Deliver safeguarding refresher training to all staff and record who attended',
  'Observe each early career teacher with their mentor and agree development targets',
  'Carry out a work scrutiny on the quality of feedback in books',
  'Analyse the suspensions log by pupil group and report patterns to governors',
  'Review progress against the school development plan with the senior leadership team',
  'Agree attendance targets for pupils at risk of persistent absence with the education welfare officer',
];

const HEAD_BY_PHASE: Record<'primary' | 'secondary' | 'special', readonly string[]> = {
  primary: [
    'Share the reading fluency plan with all KS2 staff and monitor its use',
    'Analyse the Year 6 mock SATs by pupil group and report the gaps to governors',
    'Moderate Year 2 writing with a partner school',
    'Review phonics groups after the half-termly assessment',
    'Audit reading books against the phonics programme',
    'Carry out a maths mastery work scrutiny across Years 3 to 6',
    'Plan practice for the Year 4 multiplication tables check',
    'Review the EYFS learning environment with the early years lead',
  ],
  secondary: [
    'Analyse the Year 11 mock results by subject and pupil group',
    'Put a KS3 reading intervention in place for pupils below their chronological reading age',
    'Review the Year 9 options process with heads of department',
    'Agree a Year 11 revision programme and publish the timetable to families',
    'Check that homework is set consistently across departments',
    'Quality assure predicted grades with heads of department',
    'Review careers guidance against the Gatsby benchmarks',
    'Lead a learning walk on adaptive teaching in KS3 science',
  ],
  special: [
    'Review progress towards EHCP outcomes with class teams ahead of the annual reviews',
    'Update the sensory and communication provision plan with the therapy team',
    'Audit the personal development curriculum for pupils with complex needs',
    'Review positive handling records and update the reduction plan',
    'Moderate assessment against the pre-key stage standards with a partner special school',
    'Review transition plans for pupils moving on to post-16 provision',
  ],
};

/** The head's actions for a school of this phase: all-through schools take both primary and secondary ones. */
export function headActionTexts(phase: Phase): readonly string[] {
  if (phase === 'all-through') return [...HEAD_ANY_PHASE, ...HEAD_BY_PHASE.primary, ...HEAD_BY_PHASE.secondary];
  return [...HEAD_ANY_PHASE, ...HEAD_BY_PHASE[phase]];
}

/** The chair of LGB's actions: governors holding leaders to account for what the meeting agreed. */
export const GOVERNANCE_ACTION_TEXTS: readonly string[] = [
  'Report the AIM’s findings and agreed actions to the full governing board',
  'Arrange a governor monitoring visit focused on the AIM’s priorities',
  'Review the safeguarding link governor’s report with the designated safeguarding lead',
  'Agree governors’ link roles for each priority in the school development plan',
  'Complete the governing board’s skills audit and book the training it shows is needed',
  'Check that the academy’s website meets the statutory publishing requirements',
  'Plan a governors’ visit to see the attendance strategy in action',
  'Put the AIM’s actions on the agenda of the next standards committee',
];

/** The improvement director's actions, at academies that need the trust's support. */
export const IMPROVEMENT_DIRECTOR_ACTION_TEXTS: readonly string[] = [
  'Broker a subject leader partnership with a Good school in the trust',
  'Quality assure the academy’s self-evaluation against the AIM judgements',
  'Lead a joint learning walk with the headteacher on the agreed focus',
  'Draw up the support plan and the development days it will need',
  'Review the formal action plan’s milestones with the headteacher',
  'Arrange a trust review of the academy’s safeguarding arrangements',
];

/** The CEO's actions: support brokered at iAIMs, and reporting to the board on an inadequate academy. */
export const CEO_ACTION_TEXTS: readonly string[] = [
  'Agree the support package for the next half term with the improvement director',
  'Report the academy’s progress to the Academy Standards Committee',
  'Confirm the interim leadership arrangements with the board',
  'Broker headteacher partner time from a Good school in the trust',
  'Approve the additional development days from the improvement budget',
  'Review the academy’s risk band with the improvement director before the next board meeting',
  'Agree with the headteacher what must be finished before the next AIM',
  'Commission external support for the maths curriculum',
];
