import type { ImprovementModelInput } from '../improvement-model.schema';

/*
 * The trusts' own governance meetings (issue 17, part 2): meetings of the trust, not of one academy.
 * Each preset spreads its block in; every meeting cites the seed it comes from.
 */

type Governance = Pick<ImprovementModelInput, 'trustRoles' | 'trustMeetings'>;

/** Waterton Academy Trust, seed 000 ("School Improvement: Accountability Cycle"). */
export const WATERTON_GOVERNANCE: Governance = {
  trustRoles: [
    // "The SI Director and SSIO meet on a monthly basis": a director of the MAT, on its board.
    { id: 'si-director', label: 'School Improvement Director', role: 'board', jobTitles: ['SI Director', 'School Improvement Director'] },
    // "The SI committee meet three times a year": the MAT School Improvement Directors Committee.
    {
      id: 'si-committee-member',
      label: 'SI Committee member',
      role: 'board',
      jobTitles: ['SI Committee member', 'SI Director', 'School Improvement Director'],
    },
    { id: 'chair-of-trustees', label: 'Chair of the Trust Board', role: 'board', jobTitles: ['Chair of Trustees', 'Chair of the Board'] },
    { id: 'trustee', label: 'Trustee', role: 'board' },
  ],
  trustMeetings: [
    {
      id: 'ceo-ssio',
      name: 'CEO and SSIO weekly meeting',
      abbreviation: 'CEO–SSIO',
      source: 'Seed 000: “The SSIO and CEO meet weekly … weekly feedback on actions can be communicated.”',
      label: 'Weekly: concerns about staffing or a drop in standards reported informally and quickly',
      cadence: { every: 'weeks', weeks: 1, weekday: 1 },
      durationMinutes: 60,
      startTime: '08:00',
      chair: 'ceo',
      attendees: ['improvement-director'],
      reports: [{ id: 'weekly-feedback', title: 'Feedback on actions', owner: 'improvement-director', dueWorkingDaysAfter: 2 }],
    },
    {
      id: 'si-director-ssio',
      name: 'SI Director and SSIO monthly meeting',
      abbreviation: 'SID–SSIO',
      source: 'Seed 000: “The SI Director and SSIO meet on a monthly basis.”',
      label: 'Monthly',
      cadence: { every: 'month', weekday: 3 },
      chair: 'si-director',
      attendees: ['improvement-director'],
    },
    {
      id: 'si-committee',
      name: 'SI Committee',
      abbreviation: 'SIC',
      source:
        'Seed 000: “The SI committee meet three times a year”; attainment reports are shared with the “MAT School Improvement Directors Committee”.',
      label: 'Three times a year',
      cadence: { every: 'term', timing: 'late' },
      durationMinutes: 120,
      chair: 'si-director',
      attendees: ['si-committee-member', 'ceo', 'improvement-director'],
      papers: [{ id: 'attainment-report', title: 'Summative attainment report', owner: 'improvement-director', leadDays: 7 }],
      reports: [{ id: 'committee-minutes', title: 'SI Committee minutes', owner: 'si-director', dueWorkingDaysAfter: 10 }],
    },
    {
      id: 'board-si-report',
      name: 'School improvement report to the Trust Board',
      abbreviation: 'Board',
      source: 'Seed 000: “reports are presented to the full board 3 times a year”.',
      label: 'Three times a year',
      cadence: {
        every: 'slots',
        slots: [
          { halfTerm: 2, timing: 'late' },
          { halfTerm: 4, timing: 'late' },
          { halfTerm: 6, timing: 'middle' },
        ],
      },
      durationMinutes: 120,
      startTime: '17:30',
      chair: 'chair-of-trustees',
      attendees: ['trustee', 'ceo'],
      papers: [{ id: 'board-report', title: 'School improvement report to the board', owner: 'ceo', leadDays: 7 }],
    },
  ],
};

/** Schoolsworks Academy Trust, seed 003 ("Summary of School Improvement Model"). */
export const SCHOOLSWORKS_GOVERNANCE: Governance = {
  trustRoles: [
    { id: 'chairman', label: 'Chairman of the Board', role: 'board', jobTitles: ['Chairman', 'Chair of the Board', 'Chair of Trustees'] },
    { id: 'trustee', label: 'Trustee', role: 'board' },
  ],
  trustMeetings: [
    {
      id: 'heads-before-board',
      name: 'Headteachers before the Board',
      abbreviation: 'Heads@Board',
      source:
        'Seed 003: “Headteachers appear in person before the Trust’s Board bi-annually, to report on pupil attainment, progress and … their school improvement plans.”',
      label: 'Twice a year',
      cadence: {
        every: 'slots',
        slots: [
          { halfTerm: 2, timing: 'middle' },
          { halfTerm: 5, timing: 'middle' },
        ],
      },
      durationMinutes: 180,
      startTime: '16:30',
      chair: 'chairman',
      attendees: ['trustee', 'head', 'ceo'],
      papers: [{ id: 'head-report', title: 'Report on attainment, progress and the school improvement plan', owner: 'head', leadDays: 7 }],
    },
    {
      id: 'dtl-ceo',
      name: 'DTL and CEO performance review',
      abbreviation: 'DTL–CEO',
      source: 'Seed 003: “DTL and CEO meet to review performance against targets every six weeks”.',
      label: 'Every six weeks',
      cadence: { every: 'weeks', weeks: 6, weekday: 2 },
      chair: 'ceo',
      attendees: ['improvement-director'],
      papers: [{ id: 'performance-against-targets', title: 'Performance against targets', owner: 'improvement-director', leadDays: 2 }],
    },
    {
      id: 'dtl-board-report',
      name: 'DTL report to the Board',
      abbreviation: 'DTL@Board',
      source:
        'Seed 003: “DTL reports to the Board every half term”; the Trust Performance Dashboard “is shared with the Board every half term”.',
      label: 'Every half term',
      cadence: { every: 'half-term', timing: 'late' },
      durationMinutes: 90,
      startTime: '17:00',
      chair: 'chairman',
      attendees: ['trustee', 'improvement-director', 'ceo'],
      papers: [{ id: 'dtl-report', title: 'DTL report and Trust Performance Dashboard', owner: 'improvement-director', leadDays: 5 }],
    },
    {
      id: 'chairmans-challenge',
      name: 'Chairman’s Challenge',
      abbreviation: 'Challenge',
      source:
        'Seed 003: “CEO meets monthly with the Chairman of the Board in a ‘Chairman’s Challenge’ meeting where data and all other aspects of performance are discussed”.',
      label: 'Monthly',
      cadence: { every: 'month', weekday: 4 },
      chair: 'chairman',
      attendees: ['ceo'],
    },
    {
      id: 'heads-forum',
      name: 'Heads’ Forum',
      abbreviation: 'Forum',
      source: 'Seed 003: “all Headteachers discuss the Trust’s data at every half-termly Head’s Forum meeting”.',
      label: 'Every half term',
      cadence: { every: 'half-term', timing: 'middle' },
      durationMinutes: 120,
      startTime: '13:30',
      chair: 'ceo',
      attendees: ['head', 'improvement-director'],
    },
  ],
};

/** DSAT, seed 001 ("Academy Improvement"): the trust's practice development, and the Finance Director its budget agreement names. */
export const DSAT_GOVERNANCE: Governance = {
  trustRoles: [
    // “agreed each year between the Headteacher, the Academy Improvement Director, the Chief Executive and the Finance Director”.
    { id: 'finance-director', label: 'Finance Director', role: 'trust-admin', jobTitles: ['Finance Director', 'Chief Financial Officer'] },
  ],
  trustMeetings: [
    {
      id: 'moderation',
      name: 'Moderation meeting',
      abbreviation: 'Moderation',
      source: 'Seed 001, practice development: “Moderation meetings termly”.',
      label: 'Termly',
      cadence: { every: 'term', timing: 'middle' },
      durationMinutes: 120,
      startTime: '15:45',
      chair: 'improvement-director',
      attendees: ['lead-practitioner'],
      reports: [{ id: 'moderation-outcomes', title: 'Moderation outcomes', owner: 'improvement-director', dueWorkingDaysAfter: 5 }],
    },
    {
      id: 'network',
      name: 'Leaders’ network meeting',
      abbreviation: 'Network',
      source:
        'Seed 001, practice development: “Network meetings for groups of leaders e.g. SENCOs, English Leaders” (termly, as the moderation meetings).',
      label: 'Termly',
      cadence: { every: 'term', timing: 'early' },
      durationMinutes: 90,
      startTime: '15:45',
      chair: 'improvement-director',
      attendees: ['lead-practitioner'],
    },
  ],
};
