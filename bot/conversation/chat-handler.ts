import type { Academy } from '../../core/domain/academy';
import { isForbiddenError, isNotFoundError } from '../../core/domain/errors';
import type { Session } from '../../core/services/session';
import { chooseAcademyCard, helpCard, noticeCard } from '../cards/chat-cards';
import { paperDeadlineCard } from '../cards/paper-cards';
import { academyStatusCard, missingPapersCard, nextMeetingsCard, overdueCard, ragListCard, supportDaysCard } from '../cards/status-cards';
import { actionCard } from '../cards/workflow-cards';
import { plain } from '../cards/adaptive-card';
import type { CardLinks } from '../cards/card-links';
import { createAcademyMatcher } from '../chat/academy-matcher';
import { parseIntent, type Intent } from '../chat/intent';
import type { BotReply } from './bot-types';
import { paperCardContext } from './card-context';

/**
 * Which academy a question is about: matched among the trust's academy names (public), or the
 * person's own when they have one. One they may not see gets a polite refusal, and nothing about it.
 */
async function resolveAcademy(session: Session, words: string | undefined): Promise<{ academy: Pick<Academy, 'id' | 'name'> } | { reply: BotReply }> {
  const visible = await session.visibleAcademies();
  if (!words) {
    if (!session.can.seeWholeTrust && visible.length === 1) return { academy: visible[0]! };
    return { reply: { text: 'Which academy? Try “how is Oakfield doing?”.' } };
  }
  const match = createAcademyMatcher(await session.academyNames())(words);
  if (match.kind === 'none') return { reply: { text: `I couldn't find an academy called “${plain(words)}”. Type **help** to see what I can do.` } };
  const mine = new Set(visible.map((a) => a.id));
  if (match.kind === 'several') {
    const candidates = match.candidates.filter((a) => mine.has(a.id));
    if (candidates.length === 1) return { academy: candidates[0]! };
    return { reply: { card: chooseAcademyCard(words, (candidates.length ? candidates : match.candidates).map((a) => ({ id: a.id, name: a.name }))) } };
  }
  if (!mine.has(match.academy.id)) return { reply: { text: `Sorry, you can only see information for your own academy, so I can't show you ${plain(match.academy.name)}.` } };
  return { academy: match.academy };
}

/** Answers one chat message, in the person's session. Never writes; never throws for anything a person can type. */
export async function handleChat(session: Session, links: CardLinks, text: unknown): Promise<BotReply[]> {
  const intent = parseIntent(text);
  try {
    return await answer(session, links, intent);
  } catch (e) {
    if (isForbiddenError(e)) return [{ text: e.message }];
    if (isNotFoundError(e)) return [{ text: 'I could not find that; it may have been removed.' }];
    throw e;
  }
}

/** The status card for an academy. Used by chat and by the "which academy?" buttons. */
export async function statusReply(session: Session, links: CardLinks, academyId: string): Promise<BotReply> {
  const [status, names] = await Promise.all([session.academyStatus(academyId), session.names()]);
  return { card: academyStatusCard(status, { links, nameOf: names.nameOf }) };
}

async function answer(session: Session, links: CardLinks, intent: Intent): Promise<BotReply[]> {
  switch (intent.kind) {
    case 'help':
    case 'greeting':
      return [{ card: helpCard({ seesWholeTrust: session.can.seeWholeTrust, name: session.viewer.name }) }];
    case 'unknown':
      return [{ text: 'Sorry, I didn’t understand that. Try “how is Oakfield doing?”, “which schools are red?” or type **help**.' }];
    case 'rag-list': {
      const dash = await session.dashboard();
      return [{ card: ragListCard(intent.level, dash.academies.filter((a) => a.rag === intent.level)) }];
    }
    case 'my-papers':
      return myPapers(session, links);
    case 'my-actions':
      return myActions(session, links);
    case 'missing-papers': {
      const missing = await session.papersMissingThisWeek();
      return [{ card: missingPapersCard(missing.rows, { from: missing.from, to: missing.to }) }];
    }
    case 'next-meetings':
      return [await nextMeetings(session, intent.academy)];
    default:
      break;
  }
  const resolved = await resolveAcademy(session, intent.academy);
  if ('reply' in resolved) return [resolved.reply];
  const academy = resolved.academy;
  if (intent.kind === 'status') return [await statusReply(session, links, academy.id)];
  if (intent.kind === 'support-days') return [{ card: supportDaysCard(await session.academyStatus(academy.id), links) }];
  const overdue = await session.overdueAt(academy.id);
  return [{ card: overdueCard({ academyName: overdue.academyName, actions: overdue.actions, papers: overdue.papers }, links, academy.id) }];
}

async function nextMeetings(session: Session, words: string | undefined): Promise<BotReply> {
  let only: Pick<Academy, 'id' | 'name'> | undefined;
  if (words) {
    const r = await resolveAcademy(session, words);
    if ('reply' in r) return r.reply;
    only = r.academy;
  }
  const next = await session.nextMeetings(only?.id);
  return { card: nextMeetingsCard(only ? `Next meetings at ${only.name}` : 'Next meetings', next.rows) };
}

async function myPapers(session: Session, links: CardLinks): Promise<BotReply[]> {
  const work = await session.myWork();
  const meetingIds = [...new Set(work.papersOwed.map((p) => p.meetingId))];
  if (meetingIds.length === 0) return [{ card: noticeCard('You owe no papers for the coming weeks.', { tone: 'done' }) }];
  const replies: BotReply[] = [];
  for (const id of meetingIds.slice(0, 5)) {
    const f = await session.meetingForCards(id);
    replies.push({ card: paperDeadlineCard(f.meeting, paperCardContext(f, links, session.viewer.id)) });
  }
  return replies;
}

async function myActions(session: Session, links: CardLinks): Promise<BotReply[]> {
  const work = await session.myWork();
  if (work.actions.length === 0) return [{ card: noticeCard('You have no open actions.', { tone: 'done' }) }];
  const replies: BotReply[] = [];
  for (const a of work.actions.slice(0, 5)) {
    const { action, academyName } = await session.actionForCards(a.id);
    replies.push({ card: actionCard(action, { academyName, links, ...(action.dueDate < work.today ? { reason: 'overdue' as const } : {}) }) });
  }
  return replies;
}
