import type { AcademicYearDates, SchoolCalendar } from './school-year/school-calendar';
/**
 * Test-only: a realistic trust for planner and move tests (academies with a spread of Ofsted grades,
 * sponsored and Ofsted-window schools, improvement directors, a CEO, each school's head, chair of
 * LGB, headteacher partner and governor), and applying a plan the way the planner service does.
 */
import type { Academy } from './academy';
import { suggestStage } from './cadence';
import type { OfstedGrade } from './grades';
import { addDays, type LocalDate } from './local-date';
import type { Meeting, MeetingDraft } from './meeting';
import type { ImprovementModel } from './models/improvement-model.schema';
import type { Person, Role } from './people';
import type { PlanResult } from './year-planner';

const NAMES = [
  'Oakfield Primary',
  'Brook Lane Primary',
  'St Mary’s CE Primary',
  'Northgate Academy',
  'Whitesheet CE Primary',
  'Dunbury CE Academy',
  'Marden Vale CE',
  'Shrewton CE Primary',
  'Beechcroft St Paul’s',
  'Trinity CE Primary',
  'Mill Dam Primary',
  'Southbroom St James',
];
/** One school in five below Good, about the national picture; repeats for bigger trusts. */
const GRADES: OfstedGrade[] = [
  'good',
  'requires-improvement',
  'good',
  'outstanding',
  'inadequate',
  'good',
  'good',
  'outstanding',
  'not-inspected',
  'good',
  'requires-improvement',
  'good',
  'good',
  'outstanding',
  'good',
  'requires-improvement',
  'good',
  'good',
  'outstanding',
  'good',
];

const person = (id: string, name: string, roles: Array<[Role, string?]>): Person => ({
  id,
  name,
  email: `${id}@trust.example.org`,
  roles: roles.map(([role, academyId]) => (academyId ? { role, academyId } : { role })),
});

/** `count` academies shared round-robin between `directors` improvement directors, stages as the model suggests. */
export function makeTrust(model: ImprovementModel, count: number, directors: number): { academies: Academy[]; people: Person[] } {
  const people: Person[] = [person('ceo', 'Chris Seaton', [['ceo']])];
  for (let d = 1; d <= directors; d++) people.push(person(`aid-${d}`, `Improvement Director ${d}`, [['improvement-director']]));
  const academies: Academy[] = [];
  for (let i = 0; i < count; i++) {
    const id = `a${String(i + 1).padStart(2, '0')}`;
    const facts = {
      ofstedGrade: GRADES[i % GRADES.length]!,
      inOfstedWindow: i % 7 === 3,
      sponsored: i % 5 === 4,
      // One school in ten asks for extras: a Good DSAT school its iAIMs, a KGA school the 2-day QA review.
      requests: i % 10 === 2 ? ['iaim', 'qa-two-day'] : [],
    };
    academies.push({
      id,
      name: count > NAMES.length ? `${NAMES[i % NAMES.length]} ${Math.floor(i / NAMES.length) + 1}` : NAMES[i]!,
      aliases: [],
      phase: i % 3 === 2 ? 'secondary' : 'primary',
      ...facts,
      supportStage: suggestStage(model, facts).id,
      improvementDirectorId: `aid-${(i % directors) + 1}`,
      improvementBudgetPence: 0,
    });
    people.push(
      person(`head-${id}`, `Head of ${id}`, [['head', id]]),
      person(`chair-${id}`, `Chair of ${id}`, [['chair-lgb', id]]),
      person(`partner-${id}`, `Partner of ${id}`, [['headteacher-partner', id]]),
      person(`governor-${id}`, `Governor of ${id}`, [['governor', id]]),
    );
  }
  return { academies, people };
}

/** The store after a plan is written: drafts become meetings (id = key), changes replace, cancels are marked. */
export function applyPlan(existing: readonly Meeting[], plan: PlanResult): Meeting[] {
  const changed = new Map(plan.change.map((c) => [c.before.id, c.after]));
  const cancelled = new Set(plan.cancel.map((m) => m.id));
  const out = existing.map((m) => (cancelled.has(m.id) ? { ...m, status: 'cancelled' as const } : (changed.get(m.id) ?? m)));
  for (const { key, ...draft } of plan.create) out.push({ ...draft, id: key });
  return out;
}

/** Marks every meeting before `today` as held, as the trust would after holding them. */
export const holdUntil = (meetings: readonly Meeting[], today: LocalDate): Meeting[] =>
  meetings.map((m) => (m.status === 'planned' && m.date < today ? { ...m, status: 'held' as const } : m));

/** 2025/26 as a trust's own term dates that keep Good Friday and Easter Monday (3 and 6 April 2026) and the late May bank holiday (25 May 2026) in term time, so the bank-holiday rule itself is tested. */
export const THROUGH_THE_HOLIDAYS: AcademicYearDates = {
  academicYear: '2025/26',
  halfTerms: [
    { halfTerm: 1, term: 'autumn', start: '2025-09-03', end: '2025-10-24' },
    { halfTerm: 2, term: 'autumn', start: '2025-11-03', end: '2025-12-19' },
    { halfTerm: 3, term: 'spring', start: '2026-01-05', end: '2026-02-13' },
    { halfTerm: 4, term: 'spring', start: '2026-02-23', end: '2026-04-10' },
    { halfTerm: 5, term: 'summer', start: '2026-04-20', end: '2026-05-29' },
    { halfTerm: 6, term: 'summer', start: '2026-06-08', end: '2026-07-22' },
  ],
};

/** The days a meeting holds its chair and academy, worked out afresh: its own school days and a monitoring visit the school day before. */
export function heldDays(m: Pick<Meeting, 'date' | 'days' | 'kind'>, model: ImprovementModel, cal: SchoolCalendar): LocalDate[] {
  const own = [m.date];
  for (let d = addDays(m.date, 1); own.length < m.days; d = addDays(d, 1)) if (cal.isSchoolDay(d)) own.push(d);
  const visit = model.meetingKinds.find((k) => k.id === m.kind)!.monitoringVisitDayBefore ? cal.previousSchoolDay(m.date) : undefined;
  return visit ? [visit, ...own] : own;
}

/** "aid-1 on 2026-10-13" for every person or academy booked twice on one day. */
export function doubleBookings(
  meetings: readonly Pick<Meeting, 'date' | 'days' | 'kind' | 'chairId' | 'academyId' | 'status'>[],
  model: ImprovementModel,
  cal: SchoolCalendar,
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of meetings.filter((x) => x.status !== 'cancelled')) {
    for (const d of heldDays(m, model, cal)) {
      for (const who of [m.chairId, `academy ${m.academyId}`]) {
        const key = `${who} on ${d}`;
        if (seen.has(key)) out.push(key);
        seen.add(key);
      }
    }
  }
  return out;
}

/** Planner drafts as meetings, their key standing in for the id. */
export const asMeetings = (drafts: readonly MeetingDraft[]): Meeting[] => drafts.map(({ key, ...d }) => ({ ...d, id: key }));
