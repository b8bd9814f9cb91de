import type { z } from 'zod';
import { isConflictError, isForbiddenError, isNotFoundError, isValidationError } from '../../core/domain/errors';
import type { Session } from '../../core/services/session';
import type { TrustServices } from '../../core/services/trust-services';
import type { AdaptiveCard } from '../cards/adaptive-card';
import type { CardLinks } from '../cards/card-links';
import { noticeCard } from '../cards/chat-cards';
import { extensionDecisionCard, paperDeadlineCard } from '../cards/paper-cards';
import { actionCard, notesApprovalCard } from '../cards/workflow-cards';
import { isVerb, verbSchemas, type Verb } from '../cards/verbs';
import { reminderKey } from '../../core/services/delivery/send-decisions';
import type { Notification } from './bot-types';
import { meetingCardNames, paperCardContext } from './card-context';
import { statusReply } from './chat-handler';

/** What an `Action.Execute` comes back with: the card to show in place of the old one, and cards for others. */
export interface CardActionResult {
  card: AdaptiveCard;
  /** True when nothing was written (a refresh, or a submission refused). */
  wroteNothing: boolean;
  notify: Notification[];
}

/** What a card action runs in: the clicker's session, the door (cards for others are built from their own view), card links. */
export interface CardActionContext {
  session: Session;
  services: Pick<TrustServices, 'openFor'>;
  links: CardLinks;
}

const problemsOf = (e: z.ZodError): string => e.issues.map((i) => (i.path.length ? `${String(i.path[i.path.length - 1])}: ${i.message}` : i.message)).join('; ');

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
  if (!isVerb(verb)) return { card: noticeCard('That button is from an older version of this app; ask me again (type **help**).', { tone: 'problem' }), wroteNothing: true, notify: [] };
  const parsed = verbSchemas[verb].safeParse(data);
  try {
    if (!parsed.success) return { card: await render(ctx, verb, idsOf(data), `Nothing was saved. ${problemsOf(parsed.error)}.`), wroteNothing: true, notify: [] };
    return await perform(ctx, verb, parsed.data as Record<string, unknown>);
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
    return { card: await render(ctx, verb, idsOf(data), message).catch(() => noticeCard(message, { tone: 'problem' })), wroteNothing: true, notify: [] };
  }
}

/** The card a verb belongs to, as it is now, for the session's viewer, with an optional problem at the top. */
async function render(ctx: CardActionContext, verb: Verb, ids: Ids, problem?: string): Promise<AdaptiveCard> {
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
  if (verb === 'papers.extension.decide' || verb === 'papers.extension.refresh') return extensionDecisionCard(f.meeting, ids.requirementId ?? '', { ...meetingCardNames(f), ...(problem ? { problem } : {}) });
  if (verb.startsWith('notes.')) return notesApprovalCard(f.meeting, { ...meetingCardNames(f), viewerId: session.viewer.id, links, ...(problem ? { problem } : {}) });
  return paperDeadlineCard(f.meeting, paperCardContext(f, links, session.viewer.id, problem));
}

const unchanged = async (ctx: CardActionContext, verb: Verb, ids: Ids, problem?: string): Promise<CardActionResult> => ({ card: await render(ctx, verb, ids, problem), wroteNothing: true, notify: [] });
const saved = async (ctx: CardActionContext, verb: Verb, ids: Ids, notify: Notification[] = []): Promise<CardActionResult> => ({ card: await render(ctx, verb, ids), wroteNothing: false, notify });

/** A card for someone else, built from their own session so it shows only what they may see. */
async function cardFor(ctx: CardActionContext, personId: string, build: (session: Session) => Promise<AdaptiveCard>): Promise<AdaptiveCard | undefined> {
  const theirs = await ctx.services.openFor(personId);
  return theirs ? build(theirs) : undefined;
}

async function perform(ctx: CardActionContext, verb: Verb, d: Record<string, unknown>): Promise<CardActionResult> {
  const { session, links } = ctx;
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
      const r = await session.requestExtension(ids.meetingId!, ids.requirementId!, { newDueDate: d.newDueDate, reason: d.reason, version: d.version });
      if (!r.ok) return unchanged(ctx, verb, ids, r.message);
      const chairId = r.meeting.chairId;
      const ext = r.meeting.papers.find((p) => p.requirementId === ids.requirementId)?.extension;
      const card = await cardFor(ctx, chairId, async (chair) => {
        const f = await chair.meetingForCards(r.meeting.id);
        return extensionDecisionCard(f.meeting, ids.requirementId!, meetingCardNames(f));
      });
      const notify = card ? [{ personId: chairId, key: reminderKey('extension-request', `${r.meeting.id}:${ids.requirementId}:${ext?.requestedAt ?? ''}`, chairId), card }] : [];
      return saved(ctx, verb, ids, notify);
    }
    case 'papers.extension.decide': {
      const r = await session.decideExtension(ids.meetingId!, ids.requirementId!, { approve: d.decision === 'approve', version: d.version });
      if (!r.ok) return unchanged(ctx, verb, ids, r.message);
      const ext = r.meeting.papers.find((p) => p.requirementId === ids.requirementId)?.extension;
      const asker = ext?.requestedBy;
      const card = asker
        ? await cardFor(ctx, asker, async (theirs) => {
            const f = await theirs.meetingForCards(r.meeting.id);
            return paperDeadlineCard(f.meeting, paperCardContext(f, links, asker));
          })
        : undefined;
      const notify = asker && card ? [{ personId: asker, key: reminderKey('extension-decision', `${r.meeting.id}:${ids.requirementId}:${ext?.decidedAt ?? ''}`, asker), card }] : [];
      return saved(ctx, verb, ids, notify);
    }
    case 'meeting.apologies': {
      const r = await session.sendApologies(ids.meetingId!, { reason: d.reason, version: d.version, ...(typeof d.substituteId === 'string' && d.substituteId ? { substituteId: d.substituteId } : {}) });
      return r.ok ? saved(ctx, verb, ids) : unchanged(ctx, verb, ids, r.message);
    }
    case 'notes.decide': {
      if (d.decision === 'changes' && !(typeof d.comment === 'string' && d.comment.trim())) return unchanged(ctx, verb, ids, 'Nothing was saved. Say what needs changing in the notes.');
      const r = await session.approveNotes(ids.meetingId!, { approve: d.decision === 'approve', version: d.version, ...(typeof d.comment === 'string' && d.comment ? { comment: d.comment } : {}) });
      return r.ok ? saved(ctx, verb, ids) : unchanged(ctx, verb, ids, r.message);
    }
    case 'action.update': {
      const r = await session.updateAction(ids.actionId!, { status: d.status, version: d.version, ...(typeof d.note === 'string' && d.note ? { note: d.note } : {}) });
      return r.ok ? saved(ctx, verb, ids) : unchanged(ctx, verb, ids, r.message);
    }
  }
}
