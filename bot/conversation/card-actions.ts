import type { z } from 'zod';
import { isConflictError, isForbiddenError, isNotFoundError, isValidationError, problemsFrom } from '../../core/domain/errors';
import { problemsSentence } from '../../core/domain/format';
import type { Session } from '../../core/services/session';
import type { AdaptiveCard } from '../cards/adaptive-card';
import type { CardLinks } from '../cards/card-links';
import { noticeCard } from '../cards/chat-cards';
import { extensionDecisionCard, paperDeadlineCard } from '../cards/paper-cards';
import { actionCard, notesApprovalCard } from '../cards/workflow-cards';
import { isVerb, verbSchemas, type Verb } from '../cards/verbs';
import { meetingCardNames, paperCardContext } from './card-context';
import { statusReply } from './chat-handler';

/**
 * What an `Action.Execute` comes back with: the card to show in place of the old one. Whoever else a
 * change concerns (the chair, for an extension asked for) is told by the session's messages, the
 * same whichever host made the change.
 */
export interface CardActionResult {
  card: AdaptiveCard;
  /** True when nothing was written (a refresh, or a submission refused). */
  wroteNothing: boolean;
}

/** What a card action runs in: the clicker's session and where card links go. */
export interface CardActionContext {
  session: Session;
  links: CardLinks;
}

/** A bad card submission's fields by their words ("Due date: …"), never their keys. */
const problemsOf = (e: z.ZodError): string => problemsSentence(problemsFrom(e));

/** The ids a card was built for, read loosely so an invalid submission can still re-render its card. */
const idsOf = (data: Record<string, unknown>) => ({
  meetingId: typeof data.meetingId === 'string' ? data.meetingId.slice(0, 200) : undefined,
  requirementId: typeof data.requirementId === 'string' ? data.requirementId.slice(0, 200) : undefined,
  actionId: typeof data.actionId === 'string' ? data.actionId.slice(0, 200) : undefined,
  academyId: typeof data.academyId === 'string' ? data.academyId.slice(0, 200) : undefined,
});
type Ids = ReturnType<typeof idsOf>;

/**
 * Handles a Universal Action (`adaptiveCard/action` invoke): validates the data with the verb's
 * schema; an invalid one re-renders the card with the problem named and writes nothing; a valid one
 * calls the session and returns the refreshed card (and any card for someone else, e.g. the chair).
 */
export async function handleCardAction(ctx: CardActionContext, verb: unknown, rawData: unknown): Promise<CardActionResult> {
  const data = rawData && typeof rawData === 'object' && !Array.isArray(rawData) ? (rawData as Record<string, unknown>) : {};
  if (!isVerb(verb))
    return {
      card: noticeCard('That button is from an older version of this app; ask me again (type **help**).', { tone: 'problem' }),
      wroteNothing: true,
    };
  const parsed = verbSchemas[verb].safeParse(data);
  try {
    if (!parsed.success)
      return { card: await render(ctx, verb, idsOf(data), `Nothing was saved. ${problemsOf(parsed.error)}.`), wroteNothing: true };
    return await perform(ctx, verb, parsed.data);
  } catch (e) {
    const message = isConflictError(e)
      ? 'Someone else changed this since your card was shown; here is the latest. Please try again.'
      : isForbiddenError(e)
        ? e.message
        : isNotFoundError(e)
          ? 'That record no longer exists.'
          : isValidationError(e)
            ? `Nothing was saved. ${problemsSentence(e.problems)}.`
            : undefined;
    if (message === undefined) throw e;
    return {
      card: await render(ctx, verb, idsOf(data), message).catch(() => noticeCard(message, { tone: 'problem' })),
      wroteNothing: true,
    };
  }
}

/** The card a verb belongs to, as it is now, for the session's viewer, with an optional problem at the top. */
async function render(ctx: CardActionContext, verb: Verb, ids: Ids, problem?: string, confirmation?: string): Promise<AdaptiveCard> {
  const { session, links } = ctx;
  if (verb.startsWith('action.') && ids.actionId) {
    const { action, academyName } = await session.actionForCards(ids.actionId);
    return actionCard(action, { academyName, links, ...(problem ? { problem } : {}) });
  }
  if (verb === 'academy.status' && ids.academyId) {
    const reply = await statusReply(session, links, ids.academyId);
    return reply.card ?? noticeCard(reply.text ?? '');
  }
  if (!ids.meetingId) return noticeCard(problem ?? 'That meeting no longer exists.', { tone: 'problem' });
  const f = await session.meetingForCards(ids.meetingId);
  if (verb === 'papers.extension.decide' || verb === 'papers.extension.refresh')
    return extensionDecisionCard(f.meeting, ids.requirementId ?? '', { ...meetingCardNames(f), ...(problem ? { problem } : {}) });
  if (verb.startsWith('notes.'))
    return notesApprovalCard(f.meeting, { ...meetingCardNames(f), viewerId: session.viewer.id, links, ...(problem ? { problem } : {}) });
  return paperDeadlineCard(f.meeting, {
    ...paperCardContext(f, links, session.viewer.id, problem),
    ...(confirmation ? { confirmation } : {}),
  });
}

const unchanged = async (ctx: CardActionContext, verb: Verb, ids: Ids, problem?: string): Promise<CardActionResult> => ({
  card: await render(ctx, verb, ids, problem),
  wroteNothing: true,
});
const saved = async (ctx: CardActionContext, verb: Verb, ids: Ids, confirmation?: string): Promise<CardActionResult> => ({
  card: await render(ctx, verb, ids, undefined, confirmation),
  wroteNothing: false,
});

async function perform(ctx: CardActionContext, verb: Verb, d: Record<string, unknown>): Promise<CardActionResult> {
  const { session } = ctx;
  const ids = idsOf(d);
  switch (verb) {
    case 'academy.status':
    case 'papers.refresh':
    case 'papers.extension.refresh':
    case 'notes.refresh':
    case 'action.refresh':
      return unchanged(ctx, verb, ids);
    case 'papers.submit': {
      const r = await session.submitPaper(ids.meetingId!, ids.requirementId!, { version: d.version });
      return r.ok ? saved(ctx, verb, ids) : unchanged(ctx, verb, ids, r.message);
    }
    case 'papers.extension.request': {
      const r = await session.requestExtension(ids.meetingId!, ids.requirementId!, {
        newDueDate: d.newDueDate,
        reason: d.reason,
        version: d.version,
      });
      return r.ok ? saved(ctx, verb, ids) : unchanged(ctx, verb, ids, r.message);
    }
    case 'papers.extension.decide': {
      const r = await session.decideExtension(ids.meetingId!, ids.requirementId!, {
        approve: d.decision === 'approve',
        version: d.version,
      });
      return r.ok ? saved(ctx, verb, ids) : unchanged(ctx, verb, ids, r.message);
    }
    case 'meeting.apologies': {
      const substituteId = typeof d.substituteId === 'string' && d.substituteId ? d.substituteId : undefined;
      const r = await session.sendApologies(ids.meetingId!, {
        reason: d.reason,
        version: d.version,
        ...(substituteId ? { substituteId } : {}),
      });
      if (!r.ok) return unchanged(ctx, verb, ids, r.message);
      // The card says what was sent; the chair is told by the session's message.
      const names = await session.names();
      return saved(
        ctx,
        verb,
        ids,
        `Apologies sent to the chair: “${String(d.reason)}”${substituteId ? `, with ${names.nameOf(substituteId)} standing in` : ''}.`,
      );
    }
    case 'notes.decide': {
      if (d.decision === 'changes' && !(typeof d.comment === 'string' && d.comment.trim()))
        return unchanged(ctx, verb, ids, 'Nothing was saved. Say what needs changing in the notes.');
      const r = await session.approveNotes(ids.meetingId!, {
        approve: d.decision === 'approve',
        version: d.version,
        ...(typeof d.comment === 'string' && d.comment ? { comment: d.comment } : {}),
      });
      return r.ok ? saved(ctx, verb, ids) : unchanged(ctx, verb, ids, r.message);
    }
    case 'action.update': {
      const r = await session.updateAction(ids.actionId!, {
        status: d.status,
        version: d.version,
        ...(typeof d.note === 'string' && d.note ? { note: d.note } : {}),
      });
      return r.ok ? saved(ctx, verb, ids) : unchanged(ctx, verb, ids, r.message);
    }
  }
}
