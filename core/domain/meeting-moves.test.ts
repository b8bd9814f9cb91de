import type { Academy } from './academy';
import type { LocalDate } from './local-date';
import { formatLongDate } from './london-time';
import type { Meeting } from './meeting';
import { moveMeeting, type MoveOutcome } from './meeting-moves';
import type { ImprovementModel } from './models/improvement-model.schema';
import { preset } from './models/presets';
import type { Person } from './people';
import { SchoolCalendar, type AcademicYearDates } from './school-year/school-calendar';
import { planYear } from './year-planner';
import { makeTrust, THROUGH_THE_HOLIDAYS } from './year-planner.fixtures';

const calendar = new SchoolCalendar();
const TODAY = '2026-09-01';

/** A small DSAT trust's planned year: four academies, two AIDs, a CEO. */
function plannedYear(model: ImprovementModel, academicYear = '2026/27', cal = calendar) {
  const { academies, people } = makeTrust(model, 4, 2);
  const meetings: Meeting[] = planYear({ model, calendar: cal, academicYear, academies, people }).create.map(({ key, ...d }) => ({
    ...d,
    id: key,
  }));
  return { academies, people, meetings };
}

const dsat = preset('dsat');
const { academies, people, meetings } = plannedYear(dsat);
const academyOf = (m: Meeting): Academy => academies.find((a) => a.id === m.academyId)!;
/** a01's AIM in spring 1, chaired by aid-1. */
const aim = meetings.find((m) => m.academyId === 'a01' && m.kind === 'aim' && m.halfTerm === 3)!;

function move(
  m: Meeting,
  to: LocalDate,
  over: { others?: readonly Meeting[]; cal?: SchoolCalendar; today?: LocalDate; model?: ImprovementModel; people?: readonly Person[] } = {},
): MoveOutcome {
  return moveMeeting(m, to, {
    model: over.model ?? dsat,
    calendar: over.cal ?? calendar,
    academy: academyOf(m),
    academyNames: new Map(academies.map((a) => [a.id, a.name])),
    people: over.people ?? people,
    otherMeetings: over.others ?? meetings.filter((x) => x.id !== m.id),
    today: over.today ?? TODAY,
  });
}
const moved = (o: MoveOutcome): Meeting => {
  if (!o.ok) throw new Error(`expected the move to work: ${o.message}`);
  return o.meeting;
};
const refusal = (o: MoveOutcome) => (o.ok ? { code: 'ok', message: '' } : { code: o.code, message: o.message });

/** Spring 2 running to Thursday 1 April 2027, over the Easter weekend (the clocks go forward on Sunday 28 March). */
const springToApril: AcademicYearDates = {
  academicYear: '2026/27',
  halfTerms: [
    { halfTerm: 1, term: 'autumn', start: '2026-09-02', end: '2026-10-23' },
    { halfTerm: 2, term: 'autumn', start: '2026-11-02', end: '2026-12-18' },
    { halfTerm: 3, term: 'spring', start: '2027-01-04', end: '2027-02-12' },
    { halfTerm: 4, term: 'spring', start: '2027-02-22', end: '2027-04-01' },
    { halfTerm: 5, term: 'summer', start: '2027-04-19', end: '2027-05-28' },
    { halfTerm: 6, term: 'summer', start: '2027-06-07', end: '2027-07-21' },
  ],
};

const throughTheHolidays = THROUGH_THE_HOLIDAYS;

describe('moving a meeting to a school day', () => {
  it('pins it, and its date, half term, times and papers’ due dates follow the new day', () => {
    const m = moved(move(aim, '2027-03-10'));
    expect(m).toMatchObject({ id: aim.id, date: '2027-03-10', halfTerm: 4, pinned: true, status: 'planned', chairId: 'aid-1' });
    expect(m.startsAt).toBe('2027-03-10T09:30:00.000Z'); // GMT: 09:30 in England is 09:30 UTC
    expect(m.endsAt).toBe('2027-03-10T11:30:00.000Z'); // a two-hour AIM
    expect(m.papers.map((p) => p.dueDate)).toEqual(Array(5).fill('2027-03-03'));
    expect(m.attendees).toEqual(aim.attendees);
  });

  it('gets the time right across the clock change: 09:30 on Tuesday 30 March 2027 is 08:30 UTC', () => {
    const cal = new SchoolCalendar({ termDates: [springToApril] });
    const m = moved(move(aim, '2027-03-30', { cal }));
    expect(m.startsAt).toBe('2027-03-30T08:30:00.000Z');
    expect(m.endsAt).toBe('2027-03-30T10:30:00.000Z');
    expect(m.halfTerm).toBe(4);
  });

  it('keeps papers already submitted as submitted', () => {
    const submitted = {
      ...aim,
      papers: aim.papers.map((p, i) => (i === 2 ? { ...p, submittedAt: '2027-01-20T16:00:00.000Z', submittedBy: 'head-a01' } : p)),
    };
    const m = moved(move(submitted, '2027-03-10'));
    expect(m.papers[2]).toMatchObject({ submittedAt: '2027-01-20T16:00:00.000Z', submittedBy: 'head-a01', dueDate: '2027-03-03' });
  });

  it('may move a day later, over its own monitoring visit: the meeting never clashes with itself', () => {
    const next = calendar.schoolDays('2026/27', 3)[calendar.schoolDays('2026/27', 3).indexOf(aim.date) + 1]!;
    const clear = meetings.filter((x) => x.id !== aim.id && x.chairId !== 'aid-1' && x.academyId !== 'a01');
    expect(moved(move(aim, next, { others: [...clear, aim] })).date).toBe(next);
  });

  it('may move to today, and a past meeting that was never held may move into the future', () => {
    expect(moved(move(aim, '2027-03-10', { today: '2027-03-10' })).date).toBe('2027-03-10');
    expect(moved(move(aim, '2027-03-10', { today: '2027-03-01' })).date).toBe('2027-03-10');
  });

  it('a 2-day QA review may start on a Friday and finish on the Monday', () => {
    const kga = preset('kga');
    const year = plannedYear(kga);
    const review = year.meetings.find((m) => m.kind === 'qa-review' && m.days === 2)!;
    const m = moved(
      moveMeeting(review, '2026-11-13', {
        model: kga,
        calendar,
        academy: year.academies.find((a) => a.id === review.academyId)!,
        people: year.people,
        otherMeetings: [],
        today: TODAY,
      }),
    );
    expect(m).toMatchObject({ date: '2026-11-13', days: 2, startsAt: '2026-11-13T08:30:00.000Z', endsAt: '2026-11-16T14:30:00.000Z' });
  });
});

describe('a move is refused, with the reason in plain English', () => {
  it('onto a weekend', () => {
    expect(refusal(move(aim, '2027-03-13'))).toEqual({
      code: 'MOVE.WEEKEND',
      message: 'Saturday 13 March 2027 is a weekend; meetings are held on school days.',
    });
  });

  it('onto Easter Monday 2026 or the late May bank holiday, even where the trust’s own term dates put them in term time', () => {
    const cal = new SchoolCalendar({ termDates: [throughTheHolidays] });
    const year = plannedYear(dsat, '2025/26', cal);
    const m = year.meetings.find((x) => x.kind === 'aim' && x.halfTerm === 5)!;
    const ctx = {
      model: dsat,
      calendar: cal,
      academy: year.academies.find((a) => a.id === m.academyId)!,
      people: year.people,
      otherMeetings: [],
      today: '2025-09-01',
    };
    expect(refusal(moveMeeting(m, '2026-04-06', ctx))).toEqual({
      code: 'MOVE.BANK_HOLIDAY',
      message: 'Monday 6 April 2026 is a bank holiday (Easter Monday); meetings are held on school days.',
    });
    expect(refusal(moveMeeting(m, '2026-05-25', ctx))).toEqual({
      code: 'MOVE.BANK_HOLIDAY',
      message: 'Monday 25 May 2026 is a bank holiday (Spring bank holiday); meetings are held on school days.',
    });
    expect(moveMeeting(m, '2026-05-26', ctx).ok).toBe(true); // the Tuesday is a school day for this trust
  });

  it('into the holidays, or into another school year', () => {
    expect(refusal(move(aim, '2026-10-27'))).toEqual({
      code: 'MOVE.NOT_TERM_TIME',
      message: 'Tuesday 27 October 2026 is in the school holidays; meetings are held in term time.',
    });
    expect(refusal(move(aim, '2027-09-14'))).toEqual({
      code: 'MOVE.NOT_TERM_TIME',
      message: 'Tuesday 14 September 2027 is in the 2027/28 school year; this meeting belongs to 2026/27.',
    });
  });

  it('onto a closure day the trust has set', () => {
    const cal = new SchoolCalendar({ closures: ['2027-03-10'] });
    expect(refusal(move(aim, '2027-03-10', { cal })).code).toBe('MOVE.CLOSURE');
  });

  it('onto the first day of a half term, when the AIM’s monitoring visit needs a school day before it', () => {
    expect(refusal(move(aim, '2027-02-22'))).toEqual({
      code: 'MOVE.NOT_TERM_TIME',
      message:
        'Monday 22 February 2027 is the first school day of the half term, so there is no school day before it for the monitoring visit.',
    });
  });

  it('when a 2-day review would run past the end of the half term', () => {
    const kga = preset('kga');
    const year = plannedYear(kga);
    const review = year.meetings.find((m) => m.kind === 'qa-review' && m.days === 2)!;
    const r = moveMeeting(review, '2026-12-18', {
      model: kga,
      calendar,
      academy: year.academies.find((a) => a.id === review.academyId)!,
      people: year.people,
      otherMeetings: [],
      today: TODAY,
    });
    expect(refusal(r)).toEqual({
      code: 'MOVE.NOT_TERM_TIME',
      message:
        'The QA review at St Mary’s CE Primary takes 2 school days, and from Friday 18 December 2026 it would run past the end of the half term.',
    });
  });

  it('when the chair already has a meeting that day', () => {
    const other = meetings.find((m) => m.chairId === 'aid-1' && m.academyId !== 'a01' && m.kind === 'aim' && m.halfTerm === 3)!;
    expect(refusal(move(aim, other.date))).toEqual({
      code: 'MOVE.CHAIR_BUSY',
      message: `The chair, Improvement Director 1, already has a meeting that day: the AIM at ${academyOf(other).name}.`,
    });
  });

  it('when the chair has a monitoring visit that day for an AIM the next day', () => {
    const other = meetings.find((m) => m.chairId === 'aid-1' && m.academyId !== 'a01' && m.kind === 'aim' && m.halfTerm === 3)!;
    const visitDay = calendar.previousSchoolDay(other.date)!;
    const r = refusal(move(aim, visitDay));
    expect(r.code).toBe('MOVE.CHAIR_BUSY');
    expect(r.message).toBe(
      `The chair, Improvement Director 1, already has a meeting that day: the monitoring visit before the AIM at ${academyOf(other).name} on ${formatLongDate(other.date)}.`,
    );
  });

  it('when the day before, the moved AIM’s own monitoring visit, clashes with another of the chair’s meetings', () => {
    const other: Meeting = { ...aim, id: 'other-aim', academyId: 'a03', date: '2027-03-09', halfTerm: 4 };
    expect(refusal(move(aim, '2027-03-10', { others: [other] }))).toEqual({
      code: 'MOVE.CHAIR_BUSY',
      message:
        'The chair, Improvement Director 1, already has a meeting on Tuesday 9 March 2027, the day of the monitoring visit before this AIM: the AIM at St Mary’s CE Primary.',
    });
  });

  it('when the academy already has a meeting that day', () => {
    const iaim: Meeting = { ...aim, id: 'iaim-1', kind: 'iaim', chairId: 'ceo', date: '2027-03-10', halfTerm: 4 };
    expect(refusal(move(aim, '2027-03-10', { others: [iaim] }))).toEqual({
      code: 'MOVE.ACADEMY_BUSY',
      message: 'Oakfield Primary already has a meeting that day: the iAIM.',
    });
  });

  it('ignores cancelled meetings when looking for clashes', () => {
    const cancelled: Meeting = { ...aim, id: 'old', academyId: 'a03', date: '2027-03-10', halfTerm: 4, status: 'cancelled' };
    expect(move(aim, '2027-03-10', { others: [cancelled] }).ok).toBe(true);
  });

  it('onto a day that has passed', () => {
    expect(refusal(move(aim, '2027-03-10', { today: '2027-03-11' }))).toEqual({
      code: 'MOVE.IN_THE_PAST',
      message: 'Wednesday 10 March 2027 has already passed; choose today or a later day.',
    });
  });

  it('for a meeting already held or cancelled', () => {
    expect(refusal(move({ ...aim, status: 'held' }, '2027-03-10'))).toEqual({
      code: 'MOVE.NOT_PLANNED',
      message: 'The AIM at Oakfield Primary has been held, so it cannot be moved.',
    });
    expect(refusal(move({ ...aim, status: 'cancelled' }, '2027-03-10')).code).toBe('MOVE.NOT_PLANNED');
  });
});

describe('moves and the planner follow the same rules', () => {
  it('every planned meeting may stay on its own day, and may not go onto a day its chair is already taken', () => {
    for (const m of meetings) {
      expect({ id: m.id, ok: move(m, m.date).ok }).toEqual({ id: m.id, ok: true });
      for (const other of meetings.filter((x) => x.chairId === m.chairId && x.id !== m.id && x.halfTerm === m.halfTerm)) {
        expect({ id: m.id, to: other.date, code: refusal(move(m, other.date)).code }).toEqual({
          id: m.id,
          to: other.date,
          code: 'MOVE.CHAIR_BUSY',
        });
      }
    }
  });
});
