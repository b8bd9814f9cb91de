import { addDays, isoWeekday, maxDate, minDate, type LocalDate } from '../domain/local-date';
import type { Meeting } from '../domain/meeting';
import { effectiveDueDate, isPaperIn, isPaperOverdue } from '../domain/paper-deadlines';
import { type Person } from '../domain/people';
import { canAccessAcademy } from '../domain/permissions';
import { NotFoundError } from '../domain/errors';
import { type Stored } from '../ports/record-store.port';
import { listVisibleAcademies, nameDirectory } from './directory.service';
import { loadTrust, requireAcademyAccess, type ServiceDeps, type TrustContext } from './service-context';

/*
 * Chat's answers about meetings: papers not in, the next meetings, one meeting's papers, the last
 * meeting held. Each lists only academies the viewer may see.
 */

/** How far ahead "next meetings" lists meetings when no dates are asked for; the next one is always given, however far ahead. */
export const NEXT_MEETINGS_DAYS = 42;
/** The planner plans at most the coming academic year, so three years ahead holds every planned meeting. */
const PLANNED_HORIZON_DAYS = 3 * 366;

const kindNames = (trust: TrustContext) =>
  new Map(trust.model.meetingKinds.map((k) => [k.id, { abbreviation: k.abbreviation, name: k.name }]));
const byStart = (a: Meeting, b: Meeting) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

/** A meeting as an answer names it: its kind (short and long), its day and time, and who chairs it. */
const when = (m: Meeting, kinds: ReturnType<typeof kindNames>, people: { nameOf(id: string): string }) => ({
  kind: kinds.get(m.kind)?.abbreviation ?? m.kind,
  kindName: kinds.get(m.kind)?.name ?? m.kind,
  date: m.date,
  startsAt: m.startsAt,
  chairName: people.nameOf(m.chairId),
});

/** Meetings with what an answer names them by: the viewer's academies, the people they may see, the model's kinds. */
async function withNames<M extends Meeting>(deps: ServiceDeps, viewer: Person, trust: TrustContext, meetings: Promise<M[]>) {
  const [found, academies, people] = await Promise.all([meetings, listVisibleAcademies(deps, viewer), nameDirectory(deps, viewer)]);
  return { meetings: found, people, names: new Map(academies.map((a) => [a.id, a.name])), kinds: kindNames(trust) };
}

/** Papers not yet in for the planned meetings in a range (default: this week, Monday to Sunday in England), at the academies the viewer may see. */
export async function papersMissing(deps: ServiceDeps, viewer: Person, range: { from?: LocalDate; to?: LocalDate; kind?: string } = {}) {
  const trust = await loadTrust(deps);
  const monday = addDays(trust.today, 1 - isoWeekday(trust.today));
  const from = range.from ?? monday;
  const to = range.to ?? addDays(monday, 6);
  const { meetings, people, names, kinds } = await withNames(deps, viewer, trust, deps.store.meetings.inRange({ from, to }).toArray());
  const rows = meetings
    .filter(
      (m) => m.status === 'planned' && canAccessAcademy(viewer, m.academyId, 'read') && (range.kind === undefined || m.kind === range.kind),
    )
    .sort(byStart)
    .flatMap((m) =>
      m.papers
        .filter((p) => !isPaperIn(p))
        .map((p) => ({
          academyName: names.get(m.academyId) ?? 'an academy',
          meetingDate: m.date,
          kind: kinds.get(m.kind)?.abbreviation ?? m.kind,
          paper: p.title,
          ownerName: p.ownerId ? people.nameOf(p.ownerId) : 'no owner',
          overdue: isPaperOverdue(p, m, trust.today),
        })),
    );
  return { from, to, rows };
}

/** Papers not yet in for this week's meetings (Monday to Sunday in England), at the academies the viewer may see. */
export const papersMissingThisWeek = (deps: ServiceDeps, viewer: Person) => papersMissing(deps, viewer);

/** Which meetings a "next meetings" question is about: an academy, a kind, dates, or the viewer's own (chair or attendee). */
export interface NextMeetingsQuery {
  academyId?: string;
  kind?: string;
  from?: LocalDate;
  to?: LocalDate;
  mine?: boolean;
}

/**
 * The planned meetings in a window (the dates asked for, else the coming six weeks), and always the
 * next one with its date however far ahead, so "next meetings" never says "none" while an AIM is
 * planned for February.
 */
export async function nextMeetings(deps: ServiceDeps, viewer: Person, query: NextMeetingsQuery = {}) {
  if (query.academyId) requireAcademyAccess(viewer, query.academyId, 'read');
  const trust = await loadTrust(deps);
  const from = query.from ?? trust.today;
  const to = query.to ?? addDays(trust.today, NEXT_MEETINGS_DAYS);
  const range = {
    from: minDate(from, trust.today),
    to: maxDate(to, addDays(trust.today, PLANNED_HORIZON_DAYS)),
    ...(query.academyId ? { academyId: query.academyId } : {}),
  };
  const { meetings, people, names, kinds } = await withNames(deps, viewer, trust, deps.store.meetings.inRange(range).toArray());
  const wanted = meetings
    .filter((m) => m.status === 'planned' && m.date >= from && canAccessAcademy(viewer, m.academyId, 'read'))
    .filter((m) => query.kind === undefined || m.kind === query.kind)
    .filter((m) => !query.mine || m.chairId === viewer.id || m.attendees.some((a) => a.personId === viewer.id))
    .sort(byStart);
  const row = (m: Stored<Meeting>) => ({
    meetingId: m.id,
    academyId: m.academyId,
    academyName: names.get(m.academyId) ?? 'an academy',
    ...when(m, kinds, people),
    papers: `${m.papers.filter(isPaperIn).length} of ${m.papers.length} in`,
  });
  const inWindow = wanted.filter((m) => m.date <= to);
  const next = wanted[0];
  return {
    today: trust.today,
    academyName: query.academyId ? names.get(query.academyId) : undefined,
    window: { from, to, asked: query.from !== undefined || query.to !== undefined },
    rows: inWindow.slice(0, 30).map(row),
    more: Math.max(0, inWindow.length - 30),
    ...(next ? { next: row(next) } : {}),
  };
}

/** The papers for an academy's next planned meeting (of a kind, or in a range, when asked), each with who owes it and whether it is in. */
export async function meetingPapers(
  deps: ServiceDeps,
  viewer: Person,
  academyId: string,
  query: { kind?: string; from?: LocalDate; to?: LocalDate } = {},
) {
  requireAcademyAccess(viewer, academyId, 'read');
  const trust = await loadTrust(deps);
  const from = maxDate(query.from ?? trust.today, trust.today);
  const [academy, meetings, people] = await Promise.all([
    deps.store.academies.get(academyId),
    deps.store.meetings.inRange({ from, to: query.to ?? addDays(trust.today, PLANNED_HORIZON_DAYS), academyId }).toArray(),
    nameDirectory(deps, viewer),
  ]);
  if (!academy) throw new NotFoundError('academy', academyId);
  const kinds = kindNames(trust);
  const planned = meetings.filter((m) => m.status === 'planned' && (query.kind === undefined || m.kind === query.kind)).sort(byStart);
  // "Has Northgate sent its papers?" means the next meeting that needs some: an iAIM tomorrow with none asks nothing of anyone.
  const meeting = planned.find((m) => m.papers.length > 0) ?? planned[0];
  if (!meeting) return { academyId, academyName: academy.name, meeting: undefined };
  const papers = meeting.papers.map((p) => ({
    title: p.title,
    ownerName: p.ownerId ? people.nameOf(p.ownerId) : 'no owner',
    dueDate: effectiveDueDate(p),
    state: isPaperIn(p) ? ('in' as const) : isPaperOverdue(p, meeting, trust.today) ? ('overdue' as const) : ('due' as const),
    ...(p.extension ? { extension: p.extension.status } : {}),
  }));
  return {
    academyId,
    academyName: academy.name,
    meeting: {
      id: meeting.id,
      ...when(meeting, kinds, people),
    },
    papers,
    counts: {
      required: papers.length,
      in: papers.filter((p) => p.state === 'in').length,
      overdue: papers.filter((p) => p.state === 'overdue').length,
    },
  };
}

/** The academy's most recent held meeting (of a kind, when asked), for "what did the last meeting decide"; its record is read through `getMeetingView`, which withholds draft notes. */
export async function lastHeldMeeting(deps: ServiceDeps, viewer: Person, academyId: string, kind?: string) {
  requireAcademyAccess(viewer, academyId, 'read');
  const trust = await loadTrust(deps);
  const [academy, meetings] = await Promise.all([deps.store.academies.get(academyId), deps.store.meetings.list({ academyId }).toArray()]);
  if (!academy) throw new NotFoundError('academy', academyId);
  const ofKind = meetings.filter((m) => kind === undefined || m.kind === kind).sort(byStart);
  const last = ofKind.filter((m) => m.status === 'held' && m.date <= trust.today).at(-1);
  // None held yet (early in the year, or a new academy): say when the first one is.
  const next = last ? undefined : ofKind.find((m) => m.status === 'planned' && m.date >= trust.today);
  const abbreviation = (id: string) => trust.model.meetingKinds.find((k) => k.id === id)?.abbreviation ?? id;
  return {
    academyId,
    academyName: academy.name,
    ...(last ? { meetingId: last.id } : {}),
    ...(next ? { next: { kind: abbreviation(next.kind), date: next.date } } : {}),
  };
}
