import { carryForwardActions } from '../../core/domain/carry-forward';
import { allPages, collect } from '../../core/ports/record-store.port';
import type { DueReminder } from '../../core/services/reminders.service';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { paperDeadlineCard, paperEscalationCard } from '../cards/paper-cards';
import { actionCard, attendeeReminderCard, notesApprovalCard } from '../cards/workflow-cards';
import type { BotDeps } from '../conversation/bot-types';
import { meetingCardContext, paperCardContext } from '../conversation/card-context';

/** The card for one due reminder, built from the records as they are now; undefined when the record is gone. */
export async function reminderCard(deps: BotDeps, r: DueReminder): Promise<AdaptiveCard | undefined> {
  if (r.kind === 'action-due' || r.kind === 'action-overdue') {
    const action = await deps.store.actions.get(r.actionId);
    if (!action) return undefined;
    const academy = await deps.store.academies.get(action.academyId);
    return actionCard(action, { academyName: academy?.name ?? action.academyId, links: deps.links, reason: r.kind === 'action-due' ? 'due-soon' : 'overdue' });
  }
  const meeting = await deps.store.meetings.get((r as { meetingId: string }).meetingId);
  if (!meeting) return undefined;
  if (r.kind === 'paper-deadline') return paperDeadlineCard(meeting, await paperCardContext(deps, meeting, r.personId));
  const c = await meetingCardContext(deps, meeting);
  if (r.kind === 'paper-escalation') return paperEscalationCard(meeting, meeting.papers.filter((p) => r.requirementIds.includes(p.requirementId)), { academyName: c.academyName, kindName: c.kindName, nameOf: c.dir.nameOf, links: deps.links });
  if (r.kind === 'notes-approval') return notesApprovalCard(meeting, { academyName: c.academyName, kindName: c.kindName, viewerId: r.personId, nameOf: c.dir.nameOf, links: deps.links });
  const actions = await collect(allPages((p) => deps.store.actions.list({ academyId: meeting.academyId }, p)));
  return attendeeReminderCard(meeting, { academyName: c.academyName, kindName: c.kindName, agenda: c.kind?.agenda ?? [], carriedForward: carryForwardActions(actions, meeting, c.kind ? { kind: c.kind } : {}), nameOf: c.dir.nameOf, links: deps.links, viewerId: r.personId });
}
