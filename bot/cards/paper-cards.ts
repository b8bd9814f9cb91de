import type { LocalDate } from '../../core/domain/local-date';
import { extensionStatusLabel, formatLongDate, formatLongDateTime } from '../../core/domain/format';
import type { MeetingRecordView, PaperView } from '../../core/services/mappers/meeting-record.mapper';
import { effectiveDueDate, isPaperIn, isPaperOverdue } from '../../core/domain/paper-deadlines';
import {
  adaptiveCard,
  execute,
  facts,
  heading,
  openUrl,
  problem,
  showCard,
  text,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from './adaptive-card';
import type { CardLinks } from './card-links';

export interface PaperCardContext {
  links: CardLinks;
  today: LocalDate;
  academyName: string;
  kindName: string;
  nameOf: (personId: string) => string;
  /** The viewer, whose papers get buttons; everyone else sees the state only. */
  viewerId: string;
  /** A problem from the last submission, shown at the top (invalid input or a rule that said no). */
  problem?: string;
  /** People who may stand in (the substitute choice). */
  substitutes?: readonly { id: string; name: string }[];
  /** What the viewer's last action sent (apologies), confirmed at the top. */
  confirmation?: string;
}

function paperLine(p: PaperView, meeting: MeetingRecordView, today: LocalDate, nameOf: (id: string) => string): string {
  if (isPaperIn(p)) return `✅ ${p.title}: in`;
  const due = formatLongDate(effectiveDueDate(p));
  const ext =
    p.extension?.status === 'requested'
      ? ` · extension to ${formatLongDate(p.extension.newDueDate)} asked for`
      : p.extension?.status === 'approved'
        ? ' · extended'
        : p.extension?.status === 'declined'
          ? ' · extension declined'
          : '';
  const owner = p.ownerId ? ` (${nameOf(p.ownerId)})` : '';
  return `${isPaperOverdue(p, meeting, today) ? '🔴' : '⏳'} ${p.title}${owner}: due ${due}${ext}`;
}

/**
 * The head's paper-deadline card (DSAT: head's report, context data and pupil data a week before
 * the AIM). Universal Actions: `refresh` lists the paper owners and the chair, so each sees the
 * current state when they open it, and the buttons are `Action.Execute`.
 */
export function paperDeadlineCard(meeting: MeetingRecordView, ctx: PaperCardContext): AdaptiveCard {
  const mine = meeting.papers.filter((p) => p.ownerId === ctx.viewerId && !isPaperIn(p));
  const base = { meetingId: meeting.id };
  const actions: CardAction[] = [];
  for (const p of mine.slice(0, 3))
    actions.push(
      execute(`Mark “${p.title}” in`, 'papers.submit', { ...base, requirementId: p.requirementId, version: meeting.version }, 'positive'),
    );
  if (mine.length) {
    actions.push(
      showCard(
        'Ask for an extension',
        [
          {
            type: 'Input.ChoiceSet',
            id: 'requirementId',
            label: 'Which paper',
            choices: mine.map((p) => ({ title: p.title, value: p.requirementId })),
            value: mine[0]!.requirementId,
            isRequired: true,
            errorMessage: 'Choose the paper',
          },
          { type: 'Input.Date', id: 'newDueDate', label: 'New date', isRequired: true, errorMessage: 'Choose the new date' },
          {
            type: 'Input.Text',
            id: 'reason',
            label: 'Reason',
            isMultiline: true,
            maxLength: 1000,
            isRequired: true,
            errorMessage: 'Give a reason',
          },
        ],
        [execute('Send to the chair', 'papers.extension.request', { ...base, version: meeting.version })],
      ),
    );
  }
  const attendee = meeting.attendees.find((a) => a.personId === ctx.viewerId);
  if (attendee && attendee.attendance !== 'apologies' && meeting.status === 'planned')
    actions.push(apologiesAction(meeting, ctx.substitutes ?? []));
  actions.push(openUrl('Open the papers folder', ctx.links.meetingPapers(meeting.id)));
  const owners = [...new Set(meeting.papers.flatMap((p) => (p.ownerId ? [p.ownerId] : [])).concat(meeting.chairId))].slice(0, 60);
  return adaptiveCard(
    [
      ...(ctx.problem ? [problem(ctx.problem)] : []),
      ...(ctx.confirmation ? [text(`✅ ${ctx.confirmation}`, { color: 'Good' })] : []),
      heading(`Papers for the ${ctx.kindName} at ${ctx.academyName}`),
      facts([
        ['Meeting', formatLongDateTime(meeting.startsAt)],
        ['Chair', ctx.nameOf(meeting.chairId)],
      ]),
      ...meeting.papers.map((p) => text(paperLine(p, meeting, ctx.today, ctx.nameOf), { spacing: 'Small' })),
      ...(meeting.papers.every(isPaperIn) ? [text('Every paper is in. Thank you.', { color: 'Good' })] : []),
    ],
    {
      actions,
      refresh: {
        action: { type: 'Action.Execute', verb: 'papers.refresh', data: { meetingId: meeting.id, verb: 'papers.refresh' } },
        userIds: owners,
      },
      fallbackText: `Papers for the ${ctx.kindName} at ${ctx.academyName}`,
    },
  );
}

/** Apologies with a reason and a named substitute (DSAT: "an effort made to find a substitute"). */
export function apologiesAction(meeting: MeetingRecordView, substitutes: readonly { id: string; name: string }[]): CardAction {
  const body: CardElement[] = [
    {
      type: 'Input.Text',
      id: 'reason',
      label: 'Reason',
      isMultiline: true,
      maxLength: 1000,
      isRequired: true,
      errorMessage: 'Give a reason',
    },
  ];
  if (substitutes.length) {
    body.push({
      type: 'Input.ChoiceSet',
      id: 'substituteId',
      label: 'Substitute (optional)',
      style: 'compact',
      choices: substitutes.slice(0, 50).map((p) => ({ title: p.name, value: p.id })),
    });
  }
  return showCard('Send apologies', body, [
    execute('Send apologies', 'meeting.apologies', { meetingId: meeting.id, version: meeting.version }),
  ]);
}

/** The chair's card for an extension request: approve or decline; refreshes to the decision. */
export function extensionDecisionCard(
  meeting: MeetingRecordView,
  requirementId: string,
  ctx: { academyName: string; kindName: string; nameOf: (id: string) => string; problem?: string },
): AdaptiveCard {
  const paper = meeting.papers.find((p) => p.requirementId === requirementId);
  const ext = paper?.extension;
  const data = { meetingId: meeting.id, requirementId };
  const decided = ext && ext.status !== 'requested';
  return adaptiveCard(
    [
      ...(ctx.problem ? [problem(ctx.problem)] : []),
      heading(`Extension asked for: ${paper?.title ?? requirementId}`),
      facts([
        ['Academy', ctx.academyName],
        ['Meeting', `${ctx.kindName}, ${formatLongDateTime(meeting.startsAt)}`],
        ['Asked by', ext ? ctx.nameOf(ext.requestedBy) : undefined],
        ['Due', paper ? formatLongDate(paper.dueDate) : undefined],
        ['New date', ext ? formatLongDate(ext.newDueDate) : undefined],
        ['Reason', ext?.reason],
        [
          'Decision',
          ext
            ? ext.status === 'requested'
              ? 'waiting for you'
              : `${extensionStatusLabel(ext.status)}${ext.decidedBy ? ` by ${ctx.nameOf(ext.decidedBy)}` : ''}`
            : 'no extension asked for',
        ],
      ]),
    ],
    {
      actions:
        ext?.status === 'requested'
          ? [
              execute('Approve', 'papers.extension.decide', { ...data, version: meeting.version, decision: 'approve' }, 'positive'),
              execute('Decline', 'papers.extension.decide', { ...data, version: meeting.version, decision: 'decline' }, 'destructive'),
            ]
          : [],
      refresh: {
        action: { type: 'Action.Execute', verb: 'papers.extension.refresh', data: { ...data, verb: 'papers.extension.refresh' } },
        userIds: [meeting.chairId, ...(ext ? [ext.requestedBy] : [])],
      },
      fallbackText: decided ? 'Extension decided' : 'Extension asked for',
    },
  );
}

/** Overdue papers chased with the chair on the model's schedule. */
export function paperEscalationCard(
  meeting: MeetingRecordView,
  papers: readonly PaperView[],
  ctx: { academyName: string; kindName: string; nameOf: (id: string) => string; links: CardLinks },
): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`Papers overdue for the ${ctx.kindName} at ${ctx.academyName}`),
      text(`The meeting is on ${formatLongDateTime(meeting.startsAt)}.`),
      ...papers.map((p) =>
        text(`🔴 ${p.title}${p.ownerId ? ` (${ctx.nameOf(p.ownerId)})` : ''}: was due ${formatLongDate(effectiveDueDate(p))}`, {
          spacing: 'Small',
        }),
      ),
    ],
    { actions: [openUrl('Open the meeting', ctx.links.meeting(meeting.id))] },
  );
}
