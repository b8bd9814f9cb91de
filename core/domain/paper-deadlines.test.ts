import type { Academy } from './academy';
import type { Meeting, MeetingPaper } from './meeting';
import { preset } from './models/presets';
import {
  paperDeadline,
  papersFor,
  papersHaveFullLeadTime,
  papersState,
  papersToEscalate,
  redatePapers,
  workingDaysLate,
} from './paper-deadlines';
import type { Person } from './people';
import { SchoolCalendar, type AcademicYearDates } from './school-year/school-calendar';

const calendar = new SchoolCalendar();
const dsat = preset('dsat');
const aim = dsat.meetingKinds.find((k) => k.id === 'aim')!;

/** A trust with no May half term: 25 May 2026 (the late May bank holiday) falls in term time. */
const noMayHalfTerm: AcademicYearDates = {
  academicYear: '2025/26',
  halfTerms: [
    { halfTerm: 1, term: 'autumn', start: '2025-09-03', end: '2025-10-24' },
    { halfTerm: 2, term: 'autumn', start: '2025-11-03', end: '2025-12-19' },
    { halfTerm: 3, term: 'spring', start: '2026-01-05', end: '2026-02-13' },
    { halfTerm: 4, term: 'spring', start: '2026-02-23', end: '2026-03-27' },
    { halfTerm: 5, term: 'summer', start: '2026-04-13', end: '2026-05-29' },
    { halfTerm: 6, term: 'summer', start: '2026-06-01', end: '2026-07-22' },
  ],
};

const academy: Academy = {
  id: 'oakfield',
  name: 'Oakfield Primary',
  aliases: [],
  phase: 'primary',
  ofstedGrade: 'good',
  inOfstedWindow: false,
  sponsored: false,
  supportStage: 'good-or-better',
  requests: [],
  improvementDirectorId: 'aid',
  improvementBudgetPence: 0,
};
const people: Person[] = [
  { id: 'aid', name: 'Alison Reed', email: 'aid@trust.example.org', roles: [{ role: 'improvement-director' }] },
  { id: 'head', name: 'Helen Shaw', email: 'head@trust.example.org', roles: [{ role: 'head', academyId: 'oakfield' }] },
];

describe('paper deadlines', () => {
  it('are seven days before the meeting when that is a working day in term (DSAT: one week before)', () => {
    expect(paperDeadline('2026-10-13', 7, calendar)).toBe('2026-10-06');
  });

  it('for a meeting on Wednesday 3 June 2026 fall on Friday 22 May, before the half-term week of the 25 May bank holiday', () => {
    // 3 June − 7 days = Wednesday 27 May: May half term (25–29 May), with the Spring bank holiday on the Monday.
    expect(paperDeadline('2026-06-03', 7, calendar)).toBe('2026-05-22');
  });

  it('move back over the Easter holidays to the last day of the spring term', () => {
    // Tuesday 14 April 2026 − 7 = Tuesday 7 April, in the Easter holidays (Good Friday 3 April, Easter Monday 6 April).
    expect(paperDeadline('2026-04-14', 7, calendar)).toBe('2026-03-27');
  });

  it('move back off a bank holiday that falls in term time', () => {
    const own = new SchoolCalendar({ termDates: [noMayHalfTerm] });
    expect(paperDeadline('2026-06-01', 7, own)).toBe('2026-05-22'); // Monday 25 May is the Spring bank holiday
    expect(paperDeadline('2026-06-02', 7, own)).toBe('2026-05-26'); // Tuesday 26 May is term time here
    expect(paperDeadline('2026-06-02', 7, calendar)).toBe('2026-05-22'); // but half term in the default calendar
  });

  it('never go back over the summer: papers for a meeting in the first days of September are due on the first day of term', () => {
    expect(paperDeadline('2026-09-04', 7, calendar)).toBe('2026-09-02');
    expect(paperDeadline('2025-09-05', 7, calendar)).toBe('2025-09-03');
    expect(papersHaveFullLeadTime(aim, '2026-09-04', calendar)).toBe(false);
    expect(papersHaveFullLeadTime(aim, '2026-09-10', calendar)).toBe(true); // due Thursday 3 September
  });

  it('fall back to the working day before for a year with no term dates', () => {
    expect(paperDeadline('2030-06-09', 7, calendar)).toBe('2030-05-31'); // Sunday 2 June → Friday 31 May
  });
});

describe('the papers a meeting needs', () => {
  it('DSAT’s AIM: the AID’s agenda and previous report, and the head’s report, context data and pupil data, all a week before', () => {
    const papers = papersFor(aim, '2026-10-13', academy, 'aid', people, calendar);
    expect(papers.map((p) => [p.requirementId, p.ownerId, p.dueDate])).toEqual([
      ['agenda', 'aid', '2026-10-06'],
      ['previous-aim-report', 'aid', '2026-10-06'],
      ['heads-report', 'head', '2026-10-06'],
      ['context-data', 'head', '2026-10-06'],
      ['pupil-achievement-data', 'head', '2026-10-06'],
    ]);
  });

  it('when the meeting moves, due dates follow it and a submitted paper stays submitted', () => {
    const papers = papersFor(aim, '2026-10-13', academy, 'aid', people, calendar);
    const submitted: MeetingPaper[] = papers.map((p, i) =>
      i === 2 ? { ...p, submittedAt: '2026-10-05T16:00:00.000Z', submittedBy: 'head', link: 'papers/heads-report.docx' } : p,
    );
    const moved = redatePapers(submitted, aim, '2026-06-03', calendar);
    expect(moved.map((p) => p.dueDate)).toEqual(Array(5).fill('2026-05-22'));
    expect(moved[2]).toMatchObject({ submittedAt: '2026-10-05T16:00:00.000Z', submittedBy: 'head', link: 'papers/heads-report.docx' });
  });
});

describe('late papers', () => {
  const meeting = { status: 'planned' } as Meeting;
  const paper: MeetingPaper = {
    requirementId: 'heads-report',
    title: 'Headteacher’s report',
    ownerRole: 'head',
    ownerId: 'head',
    dueDate: '2026-05-22',
  };

  it('count working days late, not the bank holiday', () => {
    expect(workingDaysLate(paper, '2026-05-27', calendar)).toBe(2); // Tuesday 26 and Wednesday 27 May
    expect(workingDaysLate(paper, '2026-05-22', calendar)).toBe(0);
  });

  it('are chased with the chair once a working day late, and not once in', () => {
    const m = { ...meeting, papers: [paper] };
    expect(papersToEscalate(m, aim, '2026-05-25', calendar)).toEqual([]); // the bank holiday is not a working day late
    expect(papersToEscalate(m, aim, '2026-05-26', calendar)).toEqual([paper]);
    const inNow = { ...m, papers: [{ ...paper, submittedAt: '2026-05-26T08:00:00.000Z' }] } as Meeting;
    expect(papersToEscalate(inNow, aim, '2026-05-27', calendar)).toEqual([]);
  });

  it('an approved extension moves the deadline', () => {
    const extended = {
      ...paper,
      extension: {
        requestedBy: 'head',
        requestedAt: '2026-05-20T09:00:00.000Z',
        newDueDate: '2026-05-28',
        reason: 'Data drop delayed',
        status: 'approved' as const,
      },
    };
    expect(papersState({ ...meeting, papers: [extended] }, '2026-05-27')).toBe('waiting');
    expect(papersState({ ...meeting, papers: [paper] }, '2026-05-27')).toBe('overdue');
    expect(papersState({ ...meeting, papers: [] }, '2026-05-27')).toBe('none-required');
  });
});
