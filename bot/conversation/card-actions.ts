import type { z } from 'zod';
import { isConflictError, isForbiddenError, isNotFoundError, isValidationError } from '../../core/domain/errors';
import type { Person } from '../../core/domain/people';
import { getAction, updateAction } from '../../core/services/actions.service';
import { approveMeetingNotes, submitMeetingPaper } from '../../core/services/meeting-record.service';
import { decidePaperExtension, requestPaperExtension, sendMeetingApologies } from '../../core/services/paper-extensions.service';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { noticeCard } from '../cards/chat-cards';
import { extensionDecisionCard, paperDeadlineCard } from '../cards/paper-cards';
import { actionCard, notesApprovalCard } from '../cards/workflow-cards';
import { isVerb, verbSchemas, type Verb } from '../cards/verbs';
import { reminderKey } from '../proactive/send-decisions';
import type { BotDeps, Notification } from './bot-types';
import { meetingCardContext, paperCardContext } from './card-context';
import { statusReply } from './chat-handler';

/** What an `Action.Execute` comes back with: the card to show in place of the old one, and cards for others. */
export interface CardActionResult {
  card: AdaptiveCard;
  /** True when nothing was written (a refresh, or a submission refused). */
  wroteNothing: boolean;
  notify: Notification[];
}

const problemsOf = (e: z.ZodError): string => e.issues.map((i) => (i.path.length ? `${String(i.path[i.path.length - 1])}: ${i.message}` : i.message)).join('; ');

/** The ids a card was built for, read loosely so an invalid submission can still re-render its card. */
const idsOf = (data: Record<string, unknown>) => ({
  meetingId: typeof data.meetingId === 'string' ? data.meetingId.slice(0, 200) : undefined,
  requirementId: typeof data.requirementId === 'string' ? data.requirementId.slice(0, 200) : undefined,
  actionId: typeof data.actionId === 'string' ? data.actionId.slice(0, 200) : undefined,
  academyId: typeof data.academyId === 'string' ? data.academyId.slice(0, 200) : undefined,
});

/**
 * Handles a Universal Action (`adaptiveCard/action` invoke): validates the data with the verb's
 * schema; an invalid one re-renders the card with the problem named and writes nothing; a valid one
 * calls the service and returns the refreshed card (and any card for someone else, e.g. the chair).
 */
export async function handleCardAction(deps: BotDeps, viewer: Person, verb: unknown, rawData: unknown): Promise<CardActionResult> {
  const data = rawData && typeof rawData === 'object' && !Array.isArray(rawData) ? (rawData as Record<string, unknown>) : {};
  if (!isVerb(verb)) return { card: noticeCard('That button is from an older version of this app; ask me again (type **help**).', { tone: 'problem' }), wroteNothing: true, notify: [] };
  const parsed = verbSchemas[verb].safeParse(data);
  try {
    if (!parsed.success) return { card: await render(deps, viewer, verb, idsOf(data), `Nothing was saved. ${problemsOf(parsed.error)}.`), wroteNothing: true, notify: [] };
    return await perform(deps, viewer, verb, parsed.data as Record<string, unknown>);
  } catch (e) {
    const message = isConflictError(e)
      ? 'Someone else changed this since your card was shown; here is the latest. Please try again.'
      : isForbiddenError(e)
        ? e.message
        : isNotFoundError(e)
          ? 'That record no longer exists.'
          : isValidationError(e)
            ? `Nothing was saved. ${e.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`
            : undefined;
    if (message === undefined) throw e;
    return { card: await render(deps, viewer, verb, idsOf(data), message).catch(() => noticeCard(message, { tone: 'problem' })), wroteNothing: true, notify: [] };
  }
}

/** The card a verb belongs to, as it is now, for this viewer, with an optional problem at the top. */
async function render(deps: BotDeps, viewer: Person, verb: Verb, ids: ReturnType<typeof idsOf>, problem?: string): Promise<AdaptiveCard> {
  if (verb.startsWith('action.') && ids.actionId) {
    const action = await getAction(deps, viewer, ids.actionId);
    const academy = await deps.store.academies.get(action.academyId);
    return actionCard(action, { academyName: academy?.name ?? action.academyId, links: deps.links, ...(problem ? { problem } : {}) });
  }
  if (verb === 'academy.status' && ids.academyId) {
    const academy = await deps.store.academies.get(ids.academyId);
    if (academy) return (await statusReply(deps, viewer, academy)).card ?? noticeCard((await statusReply(deps, viewer, academy)).text ?? '');
  }
  const meeting = ids.meetingId ? await deps.store.meetings.get(ids.meetingId) : undefined;
  if (!meeting) return noticeCard(problem ?? 'That meeting no longer exists.', { tone: 'problem' });
  if (verb === 'papers.extension.decide' || verb === 'papers.extension.refresh') {
    const c = await meetingCardContext(deps, meeting);
    return extensionDecisionCard(meeting, ids.requirementId ?? '', { academyName: c.academyName, kindName: c.kindName, nameOf: c.dir.nameOf, ...(problem ? { problem } : {}) });
  }
  if (verb.startsWith('notes.')) {
    const c = await meetingCardContext(deps, meeting);
    return notesApprovalCard(meeting, { academyName: c.academyName, kindName: c.kindName, viewerId: viewer.id, nameOf: c.dir.nameOf, links: deps.links, ...(problem ? { problem } : {}) });
  }
  return paperDeadlineCard(meeting, await paperCardContext(deps, meeting, viewer.id, problem));
}

const nothing = async (deps: BotDeps, viewer: Person, verb: Verb, ids: ReturnType<typeof idsOf>, problem?: string): Promise<CardActionResult> => ({ card: await render(deps, viewer, verb, ids, problem), wroteNothing: true, notify: [] });
const done = async (deps: BotDeps, viewer: Person, verb: Verb, ids: ReturnType<typeof idsOf>, notify: Notification[] = []): Promise<CardActionResult> => ({ card: await render(deps, viewer, verb, ids), wroteNothing: false, notify });

async function perform(deps: BotDeps, viewer: Person, verb: Verb, d: Record<string, unknown>): Promise<CardActionResult> {
  const ids = idsOf(d);
  switch (verb) {
    case 'academy.status':
    case 'papers.refresh':
    case 'papers.extension.refresh':
    case 'notes.refresh':
    case 'action.refresh':
      return nothing(deps, viewer, verb, ids);
    case 'papers.submit': {
      const r = await submitMeetingPaper(deps, viewer, ids.meetingId!, ids.requirementId!, { version: d.version });
      return r.ok ? done(deps, viewer, verb, ids) : nothing(deps, viewer, verb, ids, r.message);
    }
    case 'papers.extension.request': {
      const r = await requestPaperExtension(deps, viewer, ids.meetingId!, ids.requirementId!, { newDueDate: d.newDueDate, reason: d.reason, version: d.version });
      if (!r.ok) return nothing(deps, viewer, verb, ids, r.message);
      const c = await meetingCardContext(deps, r.meeting);
      const chairCard = extensionDecisionCard(r.meeting, ids.requirementId!, { academyName: c.academyName, kindName: c.kindName, nameOf: c.dir.nameOf });
      const ext = r.meeting.papers.find((p) => p.requirementId === ids.requirementId)?.extension;
      return done(deps, viewer, verb, ids, [{ personId: r.meeting.chairId, key: reminderKey('extension-request', `${r.meeting.id}:${ids.requirementId}:${ext?.requestedAt ?? ''}`, r.meeting.chairId), card: chairCard }]);
    }
    case 'papers.extension.decide': {
      const r = await decidePaperExtension(deps, viewer, ids.meetingId!, ids.requirementId!, { approve: d.decision === 'approve', version: d.version });
      if (!r.ok) return nothing(deps, viewer, verb, ids, r.message);
      const paper = r.meeting.papers.find((p) => p.requirementId === ids.requirementId);
      const asker = paper?.extension?.requestedBy;
      const notify: Notification[] = asker ? [{ personId: asker, key: reminderKey('extension-decision', `${r.meeting.id}:${ids.requirementId}:${paper?.extension?.decidedAt ?? ''}`, asker), card: paperDeadlineCard(r.meeting, await paperCardContext(deps, r.meeting, asker)) }] : [];
      return done(deps, viewer, verb, ids, notify);
    }
    case 'meeting.apologies': {
      const r = await sendMeetingApologies(deps, viewer, ids.meetingId!, { reason: d.reason, version: d.version, ...(typeof d.substituteId === 'string' && d.substituteId ? { substituteId: d.substituteId } : {}) });
      return r.ok ? done(deps, viewer, verb, ids) : nothing(deps, viewer, verb, ids, r.message);
    }
    case 'notes.decide': {
      if (d.decision === 'changes' && !(typeof d.comment === 'string' && d.comment.trim())) return nothing(deps, viewer, verb, ids, 'Nothing was saved. Say what needs changing in the notes.');
      const r = await approveMeetingNotes(deps, viewer, ids.meetingId!, { approve: d.decision === 'approve', version: d.version, ...(typeof d.comment === 'string' && d.comment ? { comment: d.comment } : {}) });
      return r.ok ? done(deps, viewer, verb, ids) : nothing(deps, viewer, verb, ids, r.message);
    }
    case 'action.update': {
      const r = await updateAction(deps, viewer, ids.actionId!, { status: d.status, version: d.version, ...(typeof d.note === 'string' && d.note ? { note: d.note } : {}) });
      return r.ok ? done(deps, viewer, verb, ids) : nothing(deps, viewer, verb, ids, r.message);
    }
  }
}
