import { addDays, isoWeekday, type LocalDate } from '../domain/local-date';
import { isActionLive } from '../domain/action-item';
import { isPaperIn, isPaperOverdue } from '../domain/paper-deadlines';
import type { Person } from '../domain/people';
import { canAccessAcademy } from '../domain/permissions';
import { allPages, collect } from '../ports/record-store.port';
import { listVisibleAcademies, nameDirectory } from './directory.service';
import { loadTrust, requireAcademyAccess, type ServiceDeps } from './service-context';

/** How far ahead "next meetings" looks. */
export const NEXT_MEETINGS_DAYS = 42;

/** What is overdue at one academy: live actions past their due date, papers past their deadline. */
export async function overdueAtAcademy(deps: ServiceDeps, viewer: Person, academyId: string) {
  requireAcademyAccess(viewer, academyId, 'read');
  const trust = await loadTrust(deps);
  const [academy, actions, meetings, people] = await Promise.all([
    deps.store.academies.get(academyId),
    collect(allPages((p) => deps.store.actions.list({ academyId }, p))),
    collect(allPages((p) => deps.store.meetings.inRange({ from: trust.today, to: addDays(trust.today, 60), academyId }, p))),
    nameDirectory(deps, viewer),
  ]);
  return {
    academyId,
    academyName: academy?.name ?? 'that academy',
    actions: actions.filter((a) => isActionLive(a) && a.dueDate < trust.today).map((a) => ({ text: a.text, ownerName: people.nameOf(a.ownerId), dueDate: a.dueDate })),
    papers: meetings.flatMap((m) => m.papers.filter((p) => isPaperOverdue(p, m, trust.today)).map((p) => ({ title: p.title, dueDate: p.dueDate, meetingDate: m.date }))),
  };
}

/** Papers not yet in for this week's meetings (Monday to Sunday in England), at the academies the viewer may see. */
export async function papersMissingThisWeek(deps: ServiceDeps, viewer: Person): Promise<{ from: LocalDate; to: LocalDate; rows: { academyName: string; meetingDate: LocalDate; kind: string; paper: string; ownerName: string; overdue: boolean }[] }> {
  const trust = await loadTrust(deps);
  const from = addDays(trust.today, 1 - isoWeekday(trust.today));
  const to = addDays(from, 6);
  const [meetings, academies, people] = await Promise.all([collect(allPages((p) => deps.store.meetings.inRange({ from, to }, p))), listVisibleAcademies(deps, viewer), nameDirectory(deps, viewer)]);
  const names = new Map(academies.map((a) => [a.id, a.name]));
  const kinds = new Map(trust.model.meetingKinds.map((k) => [k.id, k.abbreviation]));
  const rows = meetings
    .filter((m) => m.status === 'planned' && canAccessAcademy(viewer, m.academyId, 'read'))
    .flatMap((m) =>
      m.papers
        .filter((p) => !isPaperIn(p))
        .map((p) => ({
          academyName: names.get(m.academyId) ?? 'an academy',
          meetingDate: m.date,
          kind: kinds.get(m.kind) ?? m.kind,
          paper: p.title,
          ownerName: p.ownerId ? people.nameOf(p.ownerId) : 'no owner',
          overdue: isPaperOverdue(p, m, trust.today),
        })),
    );
  return { from, to, rows };
}

/** The planned meetings in the coming weeks, at one academy or every academy the viewer may see. */
export async function nextMeetings(deps: ServiceDeps, viewer: Person, academyId?: string) {
  if (academyId) requireAcademyAccess(viewer, academyId, 'read');
  const trust = await loadTrust(deps);
  const [meetings, academies, people] = await Promise.all([
    collect(allPages((p) => deps.store.meetings.inRange({ from: trust.today, to: addDays(trust.today, NEXT_MEETINGS_DAYS), ...(academyId ? { academyId } : {}) }, p))),
    listVisibleAcademies(deps, viewer),
    nameDirectory(deps, viewer),
  ]);
  const names = new Map(academies.map((a) => [a.id, a.name]));
  const kinds = new Map(trust.model.meetingKinds.map((k) => [k.id, k.abbreviation]));
  return {
    academyName: academyId ? names.get(academyId) : undefined,
    rows: meetings
      .filter((m) => m.status === 'planned' && canAccessAcademy(viewer, m.academyId, 'read'))
      .map((m) => ({ academyName: names.get(m.academyId) ?? 'an academy', kind: kinds.get(m.kind) ?? m.kind, startsAt: m.startsAt, chairName: people.nameOf(m.chairId), papers: `${m.papers.filter(isPaperIn).length} of ${m.papers.length} in` })),
  };
}
