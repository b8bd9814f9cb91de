import { formatLongDate } from './format/dates';
import type { LocalDate } from './local-date';
import { TRUST_MEETING_ACADEMY_ID, isTrustMeeting, type Attendee, type Meeting, type MeetingDraft } from './meeting';
import { meetingTimes } from './meeting-schedule';
import { trustReportsFor } from './meeting-reports';
import type { ImprovementModel } from './models/improvement-model.schema';
import type { TrustMeetingKind } from './models/trust-meetings.schema';
import { paperDeadline } from './paper-deadlines';
import type { Person } from './people';
import { daysHeldBy } from './planner-occupancy';
import type { SchoolCalendar } from './school-year/school-calendar';
import { trustOccurrences, type TrustOccurrence } from './trust-meeting-occurrences';
import { baseRoleOf, holdersOfParticipant, participantLabel } from './trust-participants';

export interface TrustPlanInput {
  model: ImprovementModel;
  /** The trust's calendar: trust meetings keep to the trust's school days, not one academy's INSET days. */
  calendar: SchoolCalendar;
  academicYear: string;
  people: readonly Person[];
  /** The academies' meetings going ahead this year (as planned): their chairs are busy on their days. */
  academyMeetings: readonly Meeting[];
  /** This year's trust meetings already planned or held. */
  existing: readonly Meeting[];
  today?: LocalDate;
}

export interface TrustUnplaced {
  kind: string;
  occurrence: number;
  chairId?: string;
  reason: string;
}

export interface TrustPlanResult {
  create: MeetingDraft[];
  change: { before: Meeting; after: Meeting }[];
  cancel: Meeting[];
  keep: Meeting[];
  unplaced: TrustUnplaced[];
}

/** Who is at which meetings on which days: a person at a meeting is not free to chair another that day. */
class Diary {
  private readonly days = new Map<string, Set<LocalDate>>();
  book(personIds: readonly string[], days: readonly LocalDate[]): void {
    for (const id of personIds) {
      const set = this.days.get(id) ?? new Set<LocalDate>();
      days.forEach((d) => set.add(d));
      this.days.set(id, set);
    }
  }
  isFree = (personId: string, d: LocalDate): boolean => !this.days.get(personId)?.has(d);
}

/** Those a trust meeting books: its chair and everyone expected at it. */
const bookedBy = (m: Pick<Meeting, 'chairId' | 'attendees'>): string[] => [
  m.chairId,
  ...m.attendees.filter((a) => a.presence !== 'where-appropriate' && a.attendance !== 'apologies').map((a) => a.personId),
];

/** The people a trust meeting expects, chair first; each in the role their permissions come from. */
export function trustAttendees(model: ImprovementModel, kind: TrustMeetingKind, chairId: string, people: readonly Person[]): Attendee[] {
  const out: Attendee[] = [{ personId: chairId, role: baseRoleOf(model, kind.chair) ?? 'ceo', presence: 'chair', attendance: 'expected' }];
  for (const ref of kind.attendees) {
    const role = baseRoleOf(model, ref);
    if (!role) continue;
    for (const p of holdersOfParticipant(model, people, ref))
      if (!out.some((a) => a.personId === p.id)) out.push({ personId: p.id, role, presence: 'expected', attendance: 'expected' });
  }
  return out;
}

/** A stable key per trust meeting of the year, the idempotency key when it is created. */
export const trustMeetingKey = (academicYear: string, kind: string, occurrence: number): string =>
  `${TRUST_MEETING_ACADEMY_ID}/${academicYear}/${kind}/${occurrence}`;

function draft(input: TrustPlanInput, o: TrustOccurrence, date: LocalDate, chairId: string): MeetingDraft {
  const { model, calendar, academicYear, people } = input;
  const kind = o.kind;
  return {
    key: trustMeetingKey(academicYear, kind.id, o.occurrence),
    academyId: TRUST_MEETING_ACADEMY_ID,
    kind: kind.id,
    academicYear,
    halfTerm: calendar.halfTermOf(date)?.halfTerm ?? 1,
    timing: 'any',
    ruleId: `trust:${kind.id}`,
    reason: kind.label,
    date,
    days: 1,
    ...meetingTimes([date], kind),
    status: 'planned',
    pinned: false,
    chairId,
    attendees: trustAttendees(model, kind, chairId, people),
    focus: [],
    papers: kind.papers.map((p) => {
      const ownerId = p.owner === kind.chair ? chairId : holdersOfParticipant(model, people, p.owner)[0]?.id;
      return {
        requirementId: p.id,
        title: p.title,
        ownerRole: baseRoleOf(model, p.owner) ?? 'ceo',
        ...(ownerId ? { ownerId } : {}),
        dueDate: paperDeadline(date, p.leadDays, calendar),
      };
    }),
    reports: trustReportsFor(model, kind, date, chairId, people, calendar),
    judgements: [],
  };
}

/**
 * Plans (or re-plans) the year's trust meetings from the model's `trustMeetings`: each on a school
 * day of the trust, after today, on a day its chair is at no other meeting (chairing an academy's,
 * or at another trust meeting); the most tightly timed first (a weekly meeting has only its week).
 * Held, past and pinned meetings stay exactly as they are and count for their occurrence; a planned
 * one whose day still works stays; the rest move; what has no day is reported with why.
 */
export function planTrustMeetings(input: TrustPlanInput): TrustPlanResult {
  const { model, calendar, academicYear, people, today } = input;
  const result: TrustPlanResult = { create: [], change: [], cancel: [], keep: [], unplaced: [] };
  const diary = new Diary();
  const kindOf = (id: string) => model.meetingKinds.find((k) => k.id === id);
  for (const m of input.academyMeetings)
    if (m.status !== 'cancelled' && !isTrustMeeting(m)) diary.book([m.chairId], daysHeldBy(m, kindOf(m.kind), calendar));

  const live = input.existing.filter((m) => isTrustMeeting(m) && m.academicYear === academicYear && m.status !== 'cancelled');
  const isFixed = (m: Meeting) => m.status === 'held' || m.pinned || (today !== undefined && m.date <= today);
  const fixed = live.filter(isFixed);
  fixed.forEach((m) => diary.book(bookedBy(m), [m.date]));
  result.keep.push(...fixed);
  const open = live.filter((m) => !isFixed(m));
  const usable = (d: LocalDate) => calendar.isSchoolDay(d) && (today === undefined || d > today);

  type Todo = { o: TrustOccurrence; chairId: string; match?: Meeting };
  const todos: Todo[] = [];
  for (const kind of model.trustMeetings) {
    const chair = holdersOfParticipant(model, people, kind.chair)[0];
    const occurrences = trustOccurrences(kind, calendar, academicYear).filter(
      // A held or past meeting of the kind answers the occurrence its day belongs to.
      (o) => !fixed.some((m) => m.kind === kind.id && o.days.includes(m.date)),
    );
    const mine = open.filter((m) => m.kind === kind.id).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const waiting = occurrences.filter((o) => o.days.some(usable));
    // Occurrences already past with nothing held are history; nothing can be placed for them.
    if (!chair) {
      waiting.forEach((o) =>
        result.unplaced.push({
          kind: kind.id,
          occurrence: o.occurrence,
          reason: `No ${participantLabel(model, kind.chair)} to chair the ${kind.name}`,
        }),
      );
      result.keep.push(...mine);
      continue;
    }
    // Each planned meeting answers the occurrence whose days hold its date, else the next one unanswered.
    const unused = new Set(mine);
    const planned = waiting.map((o): Todo => {
      const match = mine.find((m) => unused.has(m) && o.days.includes(m.date));
      if (match) unused.delete(match);
      return { o, chairId: chair.id, ...(match ? { match } : {}) };
    });
    for (const t of planned) {
      if (t.match) continue;
      const spare = mine.find((m) => unused.has(m));
      if (spare) {
        unused.delete(spare);
        t.match = spare;
      }
    }
    result.cancel.push(...unused);
    todos.push(...planned);
  }

  // Meetings whose day still works stay first, so a re-plan moves as little as it can.
  const toPlace: Todo[] = [];
  for (const t of todos) {
    const m = t.match;
    if (m && m.chairId === t.chairId && t.o.days.includes(m.date) && usable(m.date) && diary.isFree(t.chairId, m.date)) {
      diary.book(bookedBy(m), [m.date]);
      result.keep.push(m);
    } else toPlace.push(t);
  }
  toPlace.sort((a, b) => a.o.days.length - b.o.days.length || a.o.kind.id.localeCompare(b.o.kind.id) || a.o.occurrence - b.o.occurrence);
  for (const t of toPlace) {
    const day = t.o.days.find((d) => usable(d) && diary.isFree(t.chairId, d));
    if (!day) {
      if (t.match) result.keep.push(t.match);
      const tried = [...t.o.days].sort();
      result.unplaced.push({
        kind: t.o.kind.id,
        occurrence: t.o.occurrence,
        chairId: t.chairId,
        reason: `The chair has a meeting on every school day the ${t.o.kind.name} could take (${formatLongDate(tried[0]!)} to ${formatLongDate(tried.at(-1)!)})`,
      });
      continue;
    }
    const d = draft(input, t.o, day, t.chairId);
    diary.book(bookedBy(d), [day]);
    if (!t.match) result.create.push(d);
    else {
      const { key: _key, ...fields } = d;
      // Moved, not re-made: its id and anything already in (papers, reports, notes) stay.
      const keepIn = <P extends { requirementId: string; submittedAt?: string }>(now: P[] | undefined, was: P[] | undefined) =>
        now?.map((p) => was?.find((w) => w.requirementId === p.requirementId && w.submittedAt) ?? p);
      result.change.push({
        before: t.match,
        after: {
          ...t.match,
          ...fields,
          papers: keepIn(fields.papers, t.match.papers)!,
          reports: keepIn(fields.reports, t.match.reports) ?? [],
        },
      });
    }
  }
  return result;
}
