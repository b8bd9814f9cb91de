import { addDays } from '../domain/local-date';
import type { Meeting, MeetingPaper } from '../domain/meeting';
import { effectiveDueDate, isPaperIn, isPaperOverdue } from '../domain/paper-deadlines';
import { isReportOverdue } from '../domain/meeting-reports';
import type { Person } from '../domain/people';
import { canAccessAcademy } from '../domain/permissions';
import { actionView } from './mappers/action.mapper';
import { meetingRecordView } from './mappers/meeting-record.mapper';
import { loadTrust, type ServiceDeps } from './service-context';

/** How far ahead "my next meetings" and "papers I owe" look, and how far back approvals do. */
const LOOK_AHEAD_DAYS = 56;
const LOOK_BACK_DAYS = 56;

/** Which meeting an item of work belongs to, as My work lists it. */
const meetingRef = (m: Meeting) => ({ meetingId: m.id, academyId: m.academyId, meetingDate: m.date, kind: m.kind });

/** A paper or report the viewer owes, with when it is now due (a granted extension moves it) and whether that day has passed. */
const owed = (m: Meeting, paper: MeetingPaper, overdue: boolean) => ({
  ...meetingRef(m),
  paper,
  dueDate: effectiveDueDate(paper),
  overdue,
});

/** A person's own work: actions, papers they owe, approvals waiting for them, their next meetings. */
export async function getMyWork(deps: ServiceDeps, viewer: Person) {
  const trust = await loadTrust(deps);
  const { today } = trust;
  const [actions, meetings] = await Promise.all([
    deps.store.actions.openByOwner(viewer.id).toArray(),
    deps.store.meetings.inRange({ from: addDays(today, -LOOK_BACK_DAYS), to: addDays(today, LOOK_AHEAD_DAYS) }).toArray(),
  ]);
  // Nothing about an academy reaches someone with no role there, even an action once assigned to them.
  const mayRead = (academyId: string) => canAccessAcademy(viewer, academyId, 'read');
  const live = meetings.filter((m) => m.status !== 'cancelled' && mayRead(m.academyId));
  const upcoming = live.filter((m) => m.status === 'planned' && m.date >= today);
  return {
    today,
    actions: actions.filter((a) => mayRead(a.academyId)).map(actionView),
    papersOwed: upcoming.flatMap((m) =>
      m.papers.filter((p) => p.ownerId === viewer.id && !isPaperIn(p)).map((paper) => owed(m, paper, isPaperOverdue(paper, m, today))),
    ),
    // Reports owed after meetings already held or under way (DSAT's brief report after an iAIM), due first first.
    reportsOwed: live
      .flatMap((m) =>
        (m.reports ?? [])
          .filter((p) => p.ownerId === viewer.id && !isPaperIn(p))
          .map((paper) => owed(m, paper, isReportOverdue(paper, m, today))),
      )
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0)),
    approvals: [
      ...live.flatMap((m) =>
        (m.notes?.approvals ?? [])
          .filter((a) => a.personId === viewer.id && a.status === 'pending')
          .map(() => ({ type: 'notes' as const, meetingId: m.id, academyId: m.academyId, meetingDate: m.date, kind: m.kind })),
      ),
      ...upcoming
        .filter((m) => m.chairId === viewer.id)
        .flatMap((m) =>
          m.papers
            .filter((p) => p.extension?.status === 'requested')
            .map((p) => ({
              type: 'extension' as const,
              ...meetingRef(m),
              paper: p,
            })),
        ),
    ],
    nextMeetings: upcoming
      .filter((m) => m.attendees.some((a) => a.personId === viewer.id))
      .slice(0, 10)
      .map((m) =>
        meetingRecordView(
          viewer,
          m,
          trust.model.meetingKinds.find((k) => k.id === m.kind),
        ),
      ),
  };
}
