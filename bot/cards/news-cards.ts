import { formatLongDate, formatLongDateTime } from '../../core/domain/format';
import type { MeetingRecordView } from '../../core/services/mappers/meeting-record.mapper';
import { adaptiveCard, facts, heading, openUrl, text, type AdaptiveCard } from './adaptive-card';
import type { CardLinks } from './card-links';

/** What a news card names: the meeting and its academy, as people know them. */
export interface MeetingNewsContext {
  academyName: string;
  kindName: string;
  nameOf: (id: string) => string;
  links: CardLinks;
}

/** A meeting someone attends was moved: its new day and time (the calendar invitation follows). */
export function meetingMovedCard(meeting: MeetingRecordView, ctx: MeetingNewsContext): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`The ${ctx.kindName} at ${ctx.academyName} has moved`),
      text(`It is now on ${formatLongDateTime(meeting.startsAt)}. Your calendar invitation has been updated.`),
      facts([['Chair', ctx.nameOf(meeting.chairId)]]),
    ],
    { actions: [openUrl('Open the meeting', ctx.links.meeting(meeting.id))], fallbackText: 'A meeting has moved' },
  );
}

/** A meeting someone attends was cancelled. */
export function meetingCancelledCard(meeting: MeetingRecordView, ctx: MeetingNewsContext): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`The ${ctx.kindName} at ${ctx.academyName} is cancelled`),
      text(`It was to be held on ${formatLongDate(meeting.date)}. Your calendar invitation has been cancelled.`),
    ],
    { actions: [openUrl('Open the academy', ctx.links.academy(meeting.academyId))], fallbackText: 'A meeting is cancelled' },
  );
}

/** The notes of a meeting were approved by everyone and circulated. */
export function notesCirculatedCard(meeting: MeetingRecordView, ctx: MeetingNewsContext): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`Notes of the ${ctx.kindName} at ${ctx.academyName}`),
      text(`The notes of the meeting held on ${formatLongDate(meeting.date)} have been approved and circulated.`),
    ],
    { actions: [openUrl('Read the notes', ctx.links.meeting(meeting.id))], fallbackText: 'Notes circulated' },
  );
}

/** Someone sent apologies for a meeting the recipient chairs. */
export function apologiesSentCard(meeting: MeetingRecordView, personId: string, ctx: MeetingNewsContext): AdaptiveCard {
  const apology = meeting.attendees.find((a) => a.personId === personId)?.apology;
  return adaptiveCard(
    [
      heading(`Apologies for the ${ctx.kindName} at ${ctx.academyName}`),
      text(`${ctx.nameOf(personId)} cannot attend on ${formatLongDate(meeting.date)}.`),
      facts([
        ['Reason', apology?.reason],
        ['Substitute', apology?.substituteId ? ctx.nameOf(apology.substituteId) : 'none named'],
      ]),
    ],
    { actions: [openUrl('Open the meeting', ctx.links.meeting(meeting.id))], fallbackText: 'Apologies sent' },
  );
}

/** The academy moved on the trust's escalation ladder: where it stands now, and why. */
export function escalationMovedCard(
  input: { academyId: string; academyName: string; step: number; of: number; label: string; reason: string; byName: string },
  links: CardLinks,
): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`${input.academyName}: escalation step ${input.step} of ${input.of}`),
      text(input.label),
      facts([
        ['Why', input.reason],
        ['Decided by', input.byName],
      ]),
    ],
    { actions: [openUrl('Open the academy', links.academy(input.academyId))], fallbackText: 'Escalation step changed' },
  );
}

/** A review of an intervention the recipient leads is due: the success criteria to review progress against. */
export function interventionReviewCard(
  input: { academyId: string; academyName: string; title: string; due: string; successCriteria: readonly string[] },
  links: CardLinks,
): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`Intervention review due at ${input.academyName}`),
      text(
        `${input.title}: review due ${formatLongDate(input.due)}. Record progress against each success criterion, and judge impact on outcomes for pupils.`,
      ),
      ...input.successCriteria.map((c) => text(`• ${c}`, { spacing: 'Small' })),
    ],
    { actions: [openUrl('Open the academy', links.academy(input.academyId))], fallbackText: 'Intervention review due' },
  );
}
