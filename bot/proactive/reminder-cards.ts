import type { DueReminder } from '../../core/services/reminders.service';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { extensionDecisionCard, paperDeadlineCard, paperEscalationCard } from '../cards/paper-cards';
import {
  apologiesSentCard,
  escalationMovedCard,
  interventionReviewCard,
  meetingCancelledCard,
  meetingMovedCard,
  notesCirculatedCard,
} from '../cards/news-cards';
import { actionCard, attendeeReminderCard, notesApprovalCard } from '../cards/workflow-cards';
import { reportDueCard } from '../cards/report-cards';
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
    if (r.kind === 'action-due' || r.kind === 'action-overdue' || r.kind === 'action-assigned') {
      const { action, academyName } = await session.actionForCards(r.actionId);
      return actionCard(action, {
        academyName,
        links,
        reason: r.kind === 'action-due' ? 'due-soon' : r.kind === 'action-overdue' ? 'overdue' : 'new',
      });
    }
    if (r.kind === 'intervention-review') {
      // The occurrence is `<intervention>@<review date>`.
      const [interventionId = '', due = ''] = r.occurrence.split('@');
      const [i, detail] = await Promise.all([session.intervention(interventionId), session.academyDetail(r.academyId)]);
      return interventionReviewCard(
        { academyId: r.academyId, academyName: detail.status.name, title: i.title, due, successCriteria: i.successCriteria },
        links,
      );
    }
    if (r.kind === 'escalation-moved') {
      const [detail, names] = await Promise.all([session.academyDetail(r.academyId), session.names()]);
      const latest = detail.escalations.at(-1);
      if (!latest) return undefined;
      const ladder = detail.status.escalation;
      return escalationMovedCard(
        {
          academyId: r.academyId,
          academyName: detail.status.name,
          step: ladder.step,
          of: ladder.of,
          label: ladder.label,
          reason: latest.reason,
          byName: names.nameOf(latest.by),
        },
        links,
      );
    }
    if (!('meetingId' in r)) return undefined;
    const f = await session.meetingForCards(r.meetingId);
    const news = { ...meetingCardNames(f), links };
    switch (r.kind) {
      case 'extension-request':
        return extensionDecisionCard(f.meeting, r.requirementIds[0], meetingCardNames(f));
      case 'extension-decision':
        return paperDeadlineCard(f.meeting, paperCardContext(f, links, r.personId));
      case 'meeting-moved':
        return meetingMovedCard(f.meeting, news);
      case 'meeting-cancelled':
        return meetingCancelledCard(f.meeting, news);
      case 'notes-circulated':
        return notesCirculatedCard(f.meeting, news);
      case 'apologies-sent': {
        // The occurrence is `<meeting>:<person>@<when>`: whose apologies these are.
        const personId = /^[^:]+:([^@]+)@/.exec(r.occurrence)?.[1];
        return personId ? apologiesSentCard(f.meeting, personId, news) : undefined;
      }
      default:
        break;
    }
    if (r.kind === 'report-due')
      return reportDueCard(f.meeting, r.requirementIds, { ...meetingCardNames(f), viewerId: r.personId, today: f.today, links });
    if (r.kind === 'paper-deadline') return paperDeadlineCard(f.meeting, paperCardContext(f, links, r.personId));
    if (r.kind === 'paper-escalation')
      return paperEscalationCard(
        f.meeting,
        f.meeting.papers.filter((p) => r.requirementIds.includes(p.requirementId)),
        { ...meetingCardNames(f), links },
      );
    if (r.kind === 'notes-approval') return notesApprovalCard(f.meeting, { ...meetingCardNames(f), viewerId: r.personId, links });
    return attendeeReminderCard(f.meeting, {
      ...meetingCardNames(f),
      agenda: f.agenda,
      carriedForward: f.carriedForward,
      links,
      viewerId: r.personId,
    });
  } catch (e) {
    // Gone, or no longer theirs to see (their role at the academy ended): nothing to send.
    if (isNotFoundError(e) || isForbiddenError(e)) return undefined;
    throw e;
  }
}
