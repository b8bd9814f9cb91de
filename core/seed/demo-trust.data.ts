import type { Academy } from '../domain/academy';
import type { ReportCardInspection } from '../domain/inspections';
import type { Person } from '../domain/people';

/**
 * Meadowbank Learning Trust: fictional, twelve academies across phases, Ofsted grades and stages,
 * chosen so that every route of each of the five preset models is exercised by at least one academy
 * (a test checks this): below Good by inspection and by self-evaluation, a Good school that asked
 * for iAIMs, one that asked for KGA's 2-day QA review, sponsored, in an Ofsted window, inadequate.
 */
export const DEMO_TRUST = { id: 'meadowbank', name: 'Meadowbank Learning Trust', domain: 'meadowbank.example' };

/**
 * Report cards since Ofsted's renewed framework (10 November 2025) for four academies, of different
 * shapes; the other eight hold only their single-word grade. Each keeps its older grade in its history.
 */
const card = (
  date: string,
  areas: ReportCardInspection['areas'],
  safeguarding: ReportCardInspection['safeguarding'],
): ReportCardInspection => ({ kind: 'report-card', date, areas, safeguarding });
export const DEMO_REPORT_CARDS = {
  // Two areas below the expected standard: below Good for every preset, iAIMs at DSAT, capacity building at WPT.
  'brook-lane': card(
    '2026-03-04',
    {
      inclusion: 'expected-standard',
      'curriculum-and-teaching': 'expected-standard',
      achievement: 'needs-attention',
      'attendance-and-behaviour': 'expected-standard',
      'personal-development-and-wellbeing': 'strong-standard',
      'leadership-and-governance': 'needs-attention',
      'sixth-form': 'expected-standard',
    },
    'met',
  ),
  // An all-through school with early years and a sixth form, needing attention in three areas.
  northgate: card(
    '2026-01-21',
    {
      inclusion: 'needs-attention',
      'curriculum-and-teaching': 'expected-standard',
      achievement: 'expected-standard',
      'attendance-and-behaviour': 'needs-attention',
      'personal-development-and-wellbeing': 'expected-standard',
      'leadership-and-governance': 'expected-standard',
      'early-years': 'strong-standard',
      'sixth-form': 'needs-attention',
    },
    'met',
  ),
  // Safeguarding met and every area at the expected standard or better: Good or better for every preset.
  'castle-view': card(
    '2026-05-13',
    {
      inclusion: 'strong-standard',
      'curriculum-and-teaching': 'strong-standard',
      achievement: 'expected-standard',
      'attendance-and-behaviour': 'expected-standard',
      'personal-development-and-wellbeing': 'exceptional',
      'leadership-and-governance': 'strong-standard',
      'sixth-form': 'strong-standard',
    },
    'met',
  ),
  // Strong teaching but safeguarding not met: below Good and red, whatever the areas say.
  fernhill: card(
    '2026-06-10',
    {
      inclusion: 'expected-standard',
      'curriculum-and-teaching': 'strong-standard',
      achievement: 'strong-standard',
      'attendance-and-behaviour': 'expected-standard',
      'personal-development-and-wellbeing': 'strong-standard',
      'leadership-and-governance': 'expected-standard',
      'early-years': 'expected-standard',
    },
    'not-met',
  ),
} as const satisfies Record<string, ReportCardInspection>;

type AcademySeed = Omit<Academy, 'supportStage' | 'improvementDirectorId'> & {
  director: 'graham' | 'priya';
  head: string;
  chair: string;
  governor: string;
};

export const DEMO_ACADEMIES: readonly AcademySeed[] = [
  {
    id: 'oakfield',
    name: 'Oakfield Primary Academy',
    aliases: ['Oakfield'],
    phase: 'primary',
    ofstedGrade: 'good',
    ofstedDate: '2023-03-15',
    inOfstedWindow: false,
    sponsored: false,
    requests: [],
    improvementBudgetPence: 70000,
    director: 'graham',
    head: 'Rachel Adeyemi',
    chair: 'Tom Whitfield',
    governor: 'Anna Kowalski',
  },
  {
    id: 'st-marys',
    name: "St Mary's CE Primary Academy",
    aliases: ["St Mary's", 'Saint Marys', 'SMA'],
    phase: 'primary',
    ofstedGrade: 'outstanding',
    ofstedDate: '2019-06-12',
    inOfstedWindow: false,
    sponsored: false,
    requests: [],
    improvementBudgetPence: 35000,
    director: 'graham',
    head: 'Michael Osei',
    chair: 'Judith Carr',
    governor: 'Peter Lindqvist',
  },
  {
    id: 'brook-lane',
    name: 'Brook Lane Academy',
    aliases: ['Brook Lane', 'BLA'],
    phase: 'secondary',
    ofstedGrade: 'requires-improvement',
    ofstedDate: '2025-01-22',
    inspections: [DEMO_REPORT_CARDS['brook-lane']],
    inOfstedWindow: false,
    sponsored: false,
    requests: [],
    improvementBudgetPence: 175000,
    director: 'graham',
    head: 'Daniel Hughes',
    chair: 'Sarah Brennan',
    governor: 'Imran Shah',
  },
  {
    id: 'hill-top',
    name: 'Hill Top Primary School',
    aliases: ['Hilltop', 'Hill Top'],
    phase: 'primary',
    ofstedGrade: 'inadequate',
    ofstedDate: '2025-05-08',
    inOfstedWindow: false,
    sponsored: true,
    requests: [],
    improvementBudgetPence: 350000,
    director: 'graham',
    head: 'Joanne Price',
    chair: 'Colin Myers',
    governor: 'Fatima Begum',
  },
  {
    id: 'riverside',
    name: 'Riverside Academy',
    aliases: ['Riverside'],
    phase: 'secondary',
    ofstedGrade: 'good',
    ofstedDate: '2021-11-10',
    inOfstedWindow: true,
    sponsored: false,
    requests: [],
    improvementBudgetPence: 70000,
    director: 'graham',
    head: 'Andrew Clarke',
    chair: 'Helen Doyle',
    governor: 'Marcus Reid',
  },
  {
    id: 'kingsmead',
    name: 'Kingsmead Primary',
    aliases: ['Kingsmead'],
    phase: 'primary',
    ofstedGrade: 'not-inspected',
    inOfstedWindow: false,
    sponsored: true,
    requests: [],
    improvementBudgetPence: 140000,
    director: 'graham',
    head: 'Laura Bennett',
    chair: 'Gareth Evans',
    governor: 'Nadia Rahman',
  },
  {
    id: 'ashworth',
    name: 'Ashworth Special School',
    aliases: ['Ashworth'],
    phase: 'special',
    ofstedGrade: 'outstanding',
    ofstedDate: '2022-02-02',
    inOfstedWindow: false,
    sponsored: false,
    requests: [],
    improvementBudgetPence: 35000,
    director: 'priya',
    head: 'Claire Donovan',
    chair: 'Richard Hale',
    governor: 'Yusuf Ali',
  },
  {
    id: 'northgate',
    name: 'Northgate All-Through Academy',
    aliases: ['Northgate', 'NATA'],
    phase: 'all-through',
    ofstedGrade: 'requires-improvement',
    ofstedDate: '2024-10-01',
    inspections: [DEMO_REPORT_CARDS.northgate],
    inOfstedWindow: false,
    sponsored: false,
    requests: [],
    improvementBudgetPence: 175000,
    director: 'priya',
    head: 'Simon Gallagher',
    chair: 'Eleanor Voss',
    governor: 'Kwame Mensah',
  },
  {
    id: 'willow-bank',
    name: 'Willow Bank Primary',
    aliases: ['Willow Bank', 'Willowbank'],
    phase: 'primary',
    ofstedGrade: 'good',
    ofstedDate: '2022-06-20',
    inOfstedWindow: false,
    sponsored: false,
    requests: ['iaim'],
    improvementBudgetPence: 35000,
    director: 'priya',
    head: 'Emma Fitzgerald',
    chair: 'Brian Sutton',
    governor: 'Chloe Martin',
  },
  {
    id: 'elmwood',
    name: 'Elmwood Primary',
    aliases: ['Elmwood'],
    phase: 'primary',
    ofstedGrade: 'good',
    ofstedDate: '2020-01-15',
    selfEvaluatedGrade: 'requires-improvement',
    inOfstedWindow: true,
    sponsored: false,
    requests: [],
    improvementBudgetPence: 105000,
    director: 'priya',
    head: 'Owen Parry',
    chair: 'Margaret Lowe',
    governor: 'Sunita Patel',
  },
  {
    id: 'castle-view',
    name: 'Castle View Academy',
    aliases: ['Castle View', 'CVA'],
    phase: 'secondary',
    ofstedGrade: 'good',
    ofstedDate: '2023-09-27',
    inspections: [DEMO_REPORT_CARDS['castle-view']],
    inOfstedWindow: false,
    sponsored: false,
    requests: ['qa-two-day'],
    improvementBudgetPence: 70000,
    director: 'priya',
    head: 'Victoria Ashby',
    chair: 'Paul Greene',
    governor: 'Hannah Wu',
  },
  {
    id: 'fernhill',
    name: 'Fernhill Primary',
    aliases: ['Fernhill', 'Fern Hill'],
    phase: 'primary',
    ofstedGrade: 'outstanding',
    ofstedDate: '2014-03-05',
    inspections: [DEMO_REPORT_CARDS.fernhill],
    inOfstedWindow: false,
    sponsored: false,
    requests: [],
    improvementBudgetPence: 35000,
    director: 'priya',
    head: 'Gemma Thornton',
    chair: 'Alan Pritchard',
    governor: 'Leon Fraser',
  },
];

export const DEMO_TRUST_STAFF: readonly Person[] = [
  {
    id: 'ceo',
    name: 'Dr Helen Marsh',
    email: 'helen.marsh@meadowbank.example',
    jobTitle: 'Chief Executive Officer',
    roles: [{ role: 'ceo' }],
  },
  {
    id: 'aid-graham',
    name: 'Graham Fielding',
    email: 'graham.fielding@meadowbank.example',
    jobTitle: 'Academy Improvement Director',
    roles: [{ role: 'improvement-director' }],
  },
  {
    id: 'aid-priya',
    name: 'Priya Nair',
    email: 'priya.nair@meadowbank.example',
    jobTitle: 'Academy Improvement Director',
    roles: [{ role: 'improvement-director' }],
  },
  {
    id: 'admin',
    name: 'Sam Okafor',
    email: 'sam.okafor@meadowbank.example',
    jobTitle: 'Trust IT and data manager',
    roles: [{ role: 'trust-admin' }],
  },
  {
    id: 'board-chair',
    name: 'Margaret Ellis',
    email: 'margaret.ellis@meadowbank.example',
    jobTitle: 'Chair, Academy Standards Committee',
    roles: [{ role: 'board' }],
  },
  {
    id: 'consultant-chris',
    name: 'Chris Barton',
    email: 'chris.barton@meadowbank.example',
    jobTitle: 'Headteacher Consultant',
    roles: [
      { role: 'headteacher-consultant', academyId: 'hill-top' },
      { role: 'headteacher-consultant', academyId: 'brook-lane' },
    ],
  },
];

/** Heads who partner another academy (DSAT's Headteacher Partner), by partner academy → partnering head's academy. */
export const HEADTEACHER_PARTNERS: Readonly<Record<string, string>> = {
  // Partners go where support is needed; heads of the other academies partner no one, and see only their own school.
  'hill-top': 'st-marys',
  'brook-lane': 'ashworth',
  kingsmead: 'fernhill',
  northgate: 'castle-view',
  elmwood: 'willow-bank',
};

const emailOf = (name: string) =>
  `${name
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.')}@meadowbank.example`;

/** Every person of the demo trust: staff, then each academy's head, chair of LGB and one governor. */
export function demoPeople(): Person[] {
  const people: Person[] = [...DEMO_TRUST_STAFF];
  for (const a of DEMO_ACADEMIES) {
    const partnerOf = Object.entries(HEADTEACHER_PARTNERS)
      .filter(([, headAcademy]) => headAcademy === a.id)
      .map(([partnered]) => partnered);
    people.push({
      id: `head-${a.id}`,
      name: a.head,
      email: emailOf(a.head),
      jobTitle: 'Headteacher',
      roles: [{ role: 'head', academyId: a.id }, ...partnerOf.map((academyId) => ({ role: 'headteacher-partner' as const, academyId }))],
    });
    people.push({
      id: `chair-${a.id}`,
      name: a.chair,
      email: emailOf(a.chair),
      jobTitle: 'Chair of the Local Governing Board',
      roles: [{ role: 'chair-lgb', academyId: a.id }],
    });
    people.push({
      id: `governor-${a.id}`,
      name: a.governor,
      email: emailOf(a.governor),
      jobTitle: 'Governor',
      roles: [{ role: 'governor', academyId: a.id }],
    });
  }
  return people;
}

export const directorId = (d: 'graham' | 'priya'): string => `aid-${d}`;

/**
 * The people the README and the Agents Playground (bot/playground/.m365agentsplayground.yml)
 * invite you to be. On the seed day each of them has something waiting: a test runs the real
 * reminder sweep and My work for each, on days across the year.
 */
export const PEOPLE_TO_TRY: readonly string[] = [
  'ceo',
  'aid-graham',
  'head-oakfield',
  'chair-oakfield',
  'head-brook-lane',
  'chair-brook-lane',
];

/** The academy of the head to try first: papers to write, actions open and overdue, notes to check. */
export const HEAD_TO_TRY_ACADEMY = 'oakfield';

/** Academies that need the trust's support (below Good, or sponsored and inadequate): more actions, more of them overdue. */
export const STRUGGLING_ACADEMIES: readonly string[] = ['brook-lane', 'hill-top', 'northgate'];
