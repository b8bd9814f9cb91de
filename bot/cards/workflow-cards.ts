import type { ActionView } from '../../core/services/mappers/action.mapper';
import type { CarriedForwardAgenda } from '../../core/domain/carry-forward';
import { approvalStatusLabel, formatLongDate, formatLongDateTime } from '../../core/domain/format';
import type { MeetingRecordView } from '../../core/services/mappers/meeting-record.mapper';
import { isPaperIn } from '../../core/domain/paper-deadlines';
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
} from './adaptive-card';
import type { CardLinks } from './card-links';
import { md } from './card-text';

const STATUS_LABEL: Record<ActionView['status'], string> = { open: 'Open', 'in-progress': 'In progress', done: 'Done', dropped: 'Dropped' };

/**
 * Notes approval (DSAT: notes are seen by the head and the chair of the LGB before circulation):
 * approve, or ask for changes with a comment. Refreshes for both approvers.
 */
export function notesApprovalCard(
  meeting: MeetingRecordView,
  ctx: { academyName: string; kindName: string; viewerId: string; nameOf: (id: string) => string; links: CardLinks; problem?: string },
): AdaptiveCard {
  // Someone who may not read the draft is never sent this card; a withheld draft shows no approvals.
  const notes = meeting.notes && !meeting.notes.withheld ? meeting.notes : undefined;
  const mine = notes?.approvals.find((a) => a.personId === ctx.viewerId);
  const base = { meetingId: meeting.id, version: meeting.version };
  const actions: CardAction[] =
    notes && !notes.circulatedAt && mine && mine.status !== 'approved'
      ? [
          execute('Approve the notes', 'notes.decide', { ...base, decision: 'approve' }, 'positive'),
          showCard(
            'Ask for changes',
            [
              {
                type: 'Input.Text',
                id: 'comment',
                label: 'What needs changing',
                isMultiline: true,
                maxLength: 2000,
                isRequired: true,
                errorMessage: 'Say what needs changing',
              },
            ],
            [execute('Send', 'notes.decide', { ...base, decision: 'changes' })],
          ),
        ]
      : [];
  actions.push(openUrl('Read the notes', ctx.links.meeting(meeting.id)));
  return adaptiveCard(
    [
      ...(ctx.problem ? [problem(ctx.problem)] : []),
      heading(`Notes of the ${ctx.kindName} at ${ctx.academyName}`),
      text(
        `Held ${formatLongDate(meeting.date)}. ${notes?.circulatedAt ? 'Approved by everyone and circulated.' : 'They circulate only when every approver has approved.'}`,
      ),
      facts(
        (notes?.approvals ?? []).map(
          (a) =>
            [
              ctx.nameOf(a.personId),
              a.status === 'changes-requested' ? `asked for changes${a.comment ? `: ${a.comment}` : ''}` : approvalStatusLabel(a.status),
            ] as const,
        ),
      ),
    ],
    {
      actions,
      refresh: {
        action: { type: 'Action.Execute', verb: 'notes.refresh', data: { meetingId: meeting.id, verb: 'notes.refresh' } },
        userIds: (notes?.approvals ?? []).map((a) => a.personId).slice(0, 60),
      },
      fallbackText: 'Notes to approve',
    },
  );
}

/** An action for its owner: what, due, meeting; update status and add a progress note. */
export function actionCard(
  action: ActionView,
  ctx: { academyName: string; meetingLabel?: string; reason?: 'new' | 'due-soon' | 'overdue'; problem?: string; links: CardLinks },
): AdaptiveCard {
  const live = action.status === 'open' || action.status === 'in-progress';
  const lead =
    ctx.reason === 'overdue'
      ? 'Overdue action'
      : ctx.reason === 'due-soon'
        ? 'Action due soon'
        : ctx.reason === 'new'
          ? 'New action for you'
          : 'Action';
  const latest = action.progress[action.progress.length - 1];
  return adaptiveCard(
    [
      ...(ctx.problem ? [problem(ctx.problem)] : []),
      heading(`${lead} at ${ctx.academyName}`),
      text(action.text),
      facts([
        ['Due', formatLongDate(action.dueDate)],
        ['Status', STATUS_LABEL[action.status]],
        ['Raised at', ctx.meetingLabel],
        ['Latest note', latest?.note],
      ]),
    ],
    {
      actions: live
        ? [
            showCard(
              'Update',
              [
                {
                  type: 'Input.ChoiceSet',
                  id: 'status',
                  label: 'Status',
                  style: 'expanded',
                  value: action.status,
                  isRequired: true,
                  errorMessage: 'Choose a status',
                  // The owner's moves (issue 15: open, in progress, done); dropping one needs the meeting's say, in the tab.
                  choices: (['open', 'in-progress', 'done'] as const).map((s) => ({ title: STATUS_LABEL[s], value: s })),
                },
                // The note is what the next meeting reads in "actions carried forward" (DSAT: achieved, outstanding, plan for completion).
                {
                  type: 'Input.Text',
                  id: 'note',
                  label: 'Progress note',
                  placeholder: 'What has been done, and what happens next',
                  isMultiline: true,
                  maxLength: 2000,
                },
              ],
              [execute('Save', 'action.update', { actionId: action.id, version: action.version })],
            ),
            openUrl('Open the academy', ctx.links.academy(action.academyId)),
          ]
        : [openUrl('Open the academy', ctx.links.academy(action.academyId))],
      refresh: {
        action: { type: 'Action.Execute', verb: 'action.refresh', data: { actionId: action.id, verb: 'action.refresh' } },
        userIds: [action.ownerId],
      },
      fallbackText: lead,
    },
  );
}

/** Before each meeting: agenda, carried-forward actions, papers and the Teams join link. */
export function attendeeReminderCard(
  meeting: MeetingRecordView,
  ctx: {
    academyName: string;
    kindName: string;
    agenda: readonly string[];
    carriedForward?: CarriedForwardAgenda;
    nameOf: (id: string) => string;
    links: CardLinks;
    substitutes?: readonly { id: string; name: string }[];
    viewerId: string;
  },
): AdaptiveCard {
  const cf = ctx.carriedForward;
  const actionLines = cf
    ? [
        ...cf.outstanding.map((a) => `🔴 ${a.text} (${ctx.nameOf(a.ownerId)})`),
        ...cf.planForCompletion.map((a) => `⏳ ${a.text} (${ctx.nameOf(a.ownerId)})`),
        ...cf.achieved.map((a) => `✅ ${a.text}`),
      ]
    : [];
  const attending = meeting.attendees.find((a) => a.personId === ctx.viewerId);
  const actions: CardAction[] = [];
  if (meeting.joinUrl) actions.push(openUrl('Join the Teams meeting', meeting.joinUrl));
  actions.push(openUrl('Open the papers', ctx.links.meetingPapers(meeting.id)));
  return adaptiveCard(
    [
      heading(`${ctx.kindName} at ${ctx.academyName}`),
      facts([
        ['When', formatLongDateTime(meeting.startsAt)],
        ['Chair', ctx.nameOf(meeting.chairId)],
        ['Focus', meeting.focus.join(', ') || undefined],
        ['Your attendance', attending?.attendance === 'apologies' ? 'apologies sent' : attending ? 'expected' : undefined],
      ]),
      text(md`
**Agenda**
      `),
      ...(ctx.agenda.length
        ? ctx.agenda.map((a, i) => text(md`${i + 1}. ${a}`, { spacing: 'None' }))
        : [text('The agenda will follow from the chair.', { isSubtle: true })]),
      text(md`
**Actions carried forward**
      `),
      ...(actionLines.length ? actionLines.slice(0, 20).map((l) => text(l, { spacing: 'None' })) : [text('None.', { isSubtle: true })]),
      text(md`
**Papers**
      `),
      ...meeting.papers.map((p) => text(`${isPaperIn(p) ? '✅' : '⏳'} ${p.title}`, { spacing: 'None' })),
    ],
    { actions, fallbackText: `${ctx.kindName} reminder` },
  );
}
