import { formatLongDate, formatLongDateTime } from '../../core/domain/format';
import type { LocalDate } from '../../core/domain/local-date';
import { effectiveDueDate, isPaperIn } from '../../core/domain/paper-deadlines';
import type { MeetingRecordView } from '../../core/services/mappers/meeting-record.mapper';
import { adaptiveCard, execute, heading, openUrl, text, type AdaptiveCard, type CardAction } from './adaptive-card';
import type { CardLinks } from './card-links';

/**
 * A report the recipient owes after a meeting (DSAT: "A brief report will be supplied soon after the
 * meeting"), chased like a paper: when it is due, or how late it is, and a button to mark it in.
 */
export function reportDueCard(
  meeting: MeetingRecordView,
  requirementIds: readonly string[],
  ctx: { viewerId: string; academyName: string; kindName: string; today: LocalDate; links: CardLinks },
): AdaptiveCard | undefined {
  const mine = (meeting.reports ?? []).filter(
    (p) => requirementIds.includes(p.requirementId) && p.ownerId === ctx.viewerId && !isPaperIn(p),
  );
  if (mine.length === 0) return undefined;
  const late = mine.some((p) => effectiveDueDate(p) < ctx.today);
  const actions: CardAction[] = mine
    .slice(0, 3)
    .map((p) =>
      execute(
        `Mark “${p.title}” in`,
        'papers.submit',
        { meetingId: meeting.id, requirementId: p.requirementId, version: meeting.version },
        'positive',
      ),
    );
  actions.push(openUrl('Open the meeting', ctx.links.meeting(meeting.id)));
  return adaptiveCard(
    [
      heading(`${late ? 'Report overdue' : 'Report due'}: the ${ctx.kindName} at ${ctx.academyName}`),
      text(`The meeting was on ${formatLongDateTime(meeting.startsAt)}.`),
      ...mine.map((p) =>
        text(
          `${effectiveDueDate(p) < ctx.today ? '🔴' : '🟠'} ${p.title}: ${effectiveDueDate(p) < ctx.today ? 'was due' : 'due'} ${formatLongDate(effectiveDueDate(p))}`,
          {
            spacing: 'Small',
          },
        ),
      ),
    ],
    { actions, fallbackText: late ? 'Report overdue' : 'Report due' },
  );
}
