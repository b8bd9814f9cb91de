import type { DueReminder } from '../../core/services/reminders.service';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { paperDeadlineCard, paperEscalationCard } from '../cards/paper-cards';
import { actionCard, attendeeReminderCard, notesApprovalCard } from '../cards/workflow-cards';
import type { BotDeps } from '../conversation/bot-types';
import { meetingCardNames, paperCardContext } from '../conversation/card-context';
import { isForbiddenError, isNotFoundError } from '../../core/domain/errors';

/**
 * The card for one due reminder, built from the records as they are now and as its recipient may
 * see them (their own session); undefined when the record or the person is gone.
 */
export async function reminderCard(deps: BotDeps, r: DueReminder): Promise<AdaptiveCard | undefined> {
  const session = await deps.services.openFor(r.personId);
  if (!session) return undefined;
  const links = deps.links;
  try {
    if (r.kind === 'action-due' || r.kind === 'action-overdue') {
      const { action, academyName } = await session.actionForCards(r.actionId);
      return actionCard(action, { academyName, links, reason: r.kind === 'action-due' ? 'due-soon' : 'overdue' });
    }
    if (!('meetingId' in r)) return undefined;
    const f = await session.meetingForCards(r.meetingId);
    if (r.kind === 'paper-deadline') return paperDeadlineCard(f.meeting, paperCardContext(f, links, r.personId));
    if (r.kind === 'paper-escalation') return paperEscalationCard(f.meeting, f.meeting.papers.filter((p) => r.requirementIds.includes(p.requirementId)), { ...meetingCardNames(f), links });
    if (r.kind === 'notes-approval') return notesApprovalCard(f.meeting, { ...meetingCardNames(f), viewerId: r.personId, links });
    return attendeeReminderCard(f.meeting, { ...meetingCardNames(f), agenda: f.agenda, carriedForward: f.carriedForward, links, viewerId: r.personId });
  } catch (e) {
    // Gone, or no longer theirs to see (their role at the academy ended): nothing to send.
    if (isNotFoundError(e) || isForbiddenError(e)) return undefined;
    throw e;
  }
}
