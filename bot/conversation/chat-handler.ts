import { isForbiddenError, isNotFoundError } from '../../core/domain/errors';
import { formatLongDate } from '../../core/domain/london-time';
import type { Session } from '../../core/services/session';
import {
  academyPeopleCard,
  lastMeetingCard,
  meetingPapersCard,
  myWorkCard,
  nextMeetingsAnswerCard,
  trustOverdueCard,
  trustOverviewCard,
} from '../cards/answer-cards';
import { escalationCard, interventionsCard, progressCard, supportDaysAnswerCard } from '../cards/improvement-answer-cards';
import { chooseAcademyCard, helpCard, noticeCard } from '../cards/chat-cards';
import { paperDeadlineCard } from '../cards/paper-cards';
import { academyStatusCard, missingPapersCard, overdueCard, ragListCard } from '../cards/status-cards';
import { actionCard } from '../cards/workflow-cards';
import { plain } from '../cards/adaptive-card';
import type { CardLinks } from '../cards/card-links';
import type { AcademyEntity, IntentName, Understanding } from '../chat/intents';
import { understand } from '../chat/understand';
import type { BotReply } from './bot-types';
import { paperCardContext } from './card-context';

type Vocabulary = Awaited<ReturnType<Session['chatVocabulary']>>;
interface ChatContext {
  session: Session;
  links: CardLinks;
  vocabulary: Vocabulary;
}
type Academy = { id: string; name: string };

/** How each question reads with a school in it, for "which academy?" and "I didn't understand". */
const EXAMPLES: Partial<Record<IntentName, (school: string) => string>> = {
  'academy-status': (s) => `how is ${s} doing?`,
  'academy-people': (s) => `who chairs ${s}’s meetings?`,
  'last-meeting': (s) => `what did the last meeting at ${s} decide?`,
  improving: (s) => `is ${s} improving?`,
  'support-days': (s) => `support days left at ${s}`,
  interventions: (s) => `what interventions are running at ${s}?`,
  escalation: (s) => `where is ${s} on the escalation ladder?`,
};

/** The academy a person belongs to (head, chair, governor first): what "we" and "our school" mean for them. */
function ownAcademy(ctx: ChatContext): Academy | undefined {
  if (ctx.session.can.seeWholeTrust) return undefined;
  const visible = new Set(ctx.vocabulary.visibleAcademyIds);
  const order = ['head', 'chair-lgb', 'governor'];
  const roles = [...ctx.session.viewer.roles]
    .filter((r) => r.academyId && visible.has(r.academyId))
    .sort((a, b) => (order.indexOf(a.role) + 1 || 9) - (order.indexOf(b.role) + 1 || 9));
  const id = roles[0]?.academyId;
  return id ? ctx.vocabulary.academies.find((a) => a.id === id) : undefined;
}

/** A school's short name for examples: one the person may see. */
const exampleSchool = (ctx: ChatContext): string => {
  const a = ctx.vocabulary.academies.find((x) => ctx.vocabulary.visibleAcademyIds.includes(x.id));
  return a ? (a.aliases[0] ?? a.name) : 'Oakfield';
};

/**
 * Which academy a question is about: the one it names (among the trust's academies, which are
 * public), else the person's own when they have one. One they may not see gets a polite refusal and
 * nothing about it; several close matches are asked about; none, when one is needed, is asked for.
 */
function resolveAcademy(
  ctx: ChatContext,
  intent: IntentName,
  entity: AcademyEntity | undefined,
  required: boolean,
): { academy?: Academy } | { reply: BotReply } {
  const visible = new Set(ctx.vocabulary.visibleAcademyIds);
  if (!entity) {
    const own = ownAcademy(ctx);
    if (own) return { academy: own };
    if (!required) return {};
    const example = EXAMPLES[intent]?.(exampleSchool(ctx)) ?? `how is ${exampleSchool(ctx)} doing?`;
    return {
      reply: {
        text: `Which academy do you mean? I couldn't find one of your trust's academies in your question. Try “${plain(example)}”.`,
      },
    };
  }
  if (entity.kind === 'several') {
    const mine = entity.candidates.filter((a) => visible.has(a.id));
    if (mine.length === 1) return { academy: mine[0]! };
    const shown = mine.length ? mine : entity.candidates;
    if (intent === 'academy-status') return { reply: { card: chooseAcademyCard(entity.said, shown) } };
    return { reply: { text: `Which academy: ${shown.map((a) => plain(a.name)).join(' or ')}? Ask again with its full name.` } };
  }
  if (!visible.has(entity.id))
    return { reply: { text: `Sorry, you can only see information for your own academy, so I can't show you ${plain(entity.name)}.` } };
  return { academy: { id: entity.id, name: entity.name } };
}

/** Answers one chat message, in the person's session. Never writes; never throws for anything a person can type. */
export async function handleChat(session: Session, links: CardLinks, text: unknown): Promise<BotReply[]> {
  try {
    const vocabulary = await session.chatVocabulary();
    const understood = await understand(text, vocabulary);
    return await answer({ session, links, vocabulary }, understood);
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

/** What the bot says when it did not understand: honestly that, and three things it can answer. */
function notUnderstood(ctx: ChatContext): BotReply {
  const school = exampleSchool(ctx);
  const tries = ctx.session.can.seeWholeTrust
    ? [`how is ${school} doing?`, 'anything I should worry about?', 'when’s my next meeting?']
    : ['how are we doing?', 'what do I owe?', 'when’s my next meeting?'];
  return {
    text: `Sorry, I didn't understand that. You could ask ${tries.map((t) => `“${plain(t)}”`).join(', ')}, or type **help** to see everything I can answer.`,
  };
}

/** Answers, with a word first when the question seemed to name a school the trust does not have and the answer covers more. */
async function answer(ctx: ChatContext, u: Understanding): Promise<BotReply[]> {
  const replies = await answerIntent(ctx, u);
  if (
    !u.unrecognisedName ||
    u.entities.academy ||
    !['next-meeting', 'meeting-papers', 'overdue-actions'].includes(u.intent) ||
    replies.some((r) => r.text && !r.card)
  )
    return replies;
  const scope = ctx.session.can.seeWholeTrust ? 'every academy you can see' : 'your academy';
  return [{ text: `I didn't recognise an academy's name in that, so this covers ${scope}.` }, ...replies];
}

async function answerIntent(ctx: ChatContext, u: Understanding): Promise<BotReply[]> {
  const { session, links } = ctx;
  const e = u.entities;
  switch (u.intent) {
    case 'help':
    case 'greeting':
      return [{ card: helpCard({ seesWholeTrust: session.can.seeWholeTrust, name: session.viewer.name }) }];
    case 'thanks':
      return [{ text: 'You’re welcome. Ask me anything else about your academies, or type **help**.' }];
    case 'unknown':
      return [notUnderstood(ctx)];
    case 'trust-overview':
      return [{ card: trustOverviewCard(await session.dashboard(), links) }];
    case 'rag-list': {
      const dash = await session.dashboard();
      if (!e.rag) return [{ card: trustOverviewCard(dash, links) }];
      return [
        {
          card: ragListCard(
            e.rag,
            dash.academies.filter((a) => a.rag === e.rag),
          ),
        },
      ];
    }
    case 'my-papers':
      return myPapers(session, links);
    case 'my-actions':
      return myActions(session, links);
    case 'my-work':
      return [await myWork(ctx)];
    case 'next-meeting':
      return [await nextMeetingsReply(ctx, u)];
    case 'meeting-papers':
      return [await papersReply(ctx, u)];
    case 'overdue-actions':
      return [await overdueReply(ctx, u)];
    default:
      break;
  }
  // "How are we doing?" from someone who sees the whole trust, with no school named, is about the trust.
  if (u.intent === 'academy-status' && !e.academy && !u.unrecognisedName && session.can.seeWholeTrust)
    return [{ card: trustOverviewCard(await session.dashboard(), links) }];
  const resolved = resolveAcademy(ctx, u.intent, e.academy, true);
  if ('reply' in resolved) return [resolved.reply];
  const academy = resolved.academy!;
  switch (u.intent) {
    case 'academy-status':
      return [await statusReply(session, links, academy.id)];
    case 'academy-people':
      return [{ card: academyPeopleCard(await session.academyPeople(academy.id), e.role, links) }];
    case 'last-meeting': {
      const last = await session.lastHeldMeeting(academy.id, e.kind);
      if (!last.meetingId) {
        const first = last.next ? ` The next is the ${plain(last.next.kind)} on ${formatLongDate(last.next.date)}.` : '';
        return [{ text: `No ${e.kind ? kindName(ctx, e.kind) : 'meeting'} has been held at ${plain(last.academyName)} yet.${first}` }];
      }
      return [{ card: lastMeetingCard(await session.meeting(last.meetingId), links) }];
    }
    case 'improving':
      return [{ card: progressCard(await session.academyProgress(academy.id, e.kpi ? { measures: e.kpi.measures } : {}), links) }];
    case 'support-days':
      return [{ card: supportDaysAnswerCard(await session.academySupport(academy.id), links) }];
    case 'interventions':
      return [{ card: interventionsCard(await session.academySupport(academy.id), links) }];
    case 'escalation':
      return [{ card: escalationCard(await session.academySupport(academy.id), links) }];
    default:
      return [notUnderstood(ctx)];
  }
}

const kindName = (ctx: ChatContext, id: string) => ctx.vocabulary.meetingKinds.find((k) => k.id === id)?.abbreviation ?? 'meeting';

async function nextMeetingsReply(ctx: ChatContext, u: Understanding): Promise<BotReply> {
  const e = u.entities;
  const mine = e.person?.kind === 'me';
  // "My next meeting" is about the person, wherever it is; otherwise a head's questions are about their school.
  const resolved = mine && !e.academy ? {} : resolveAcademy(ctx, u.intent, e.academy, false);
  if ('reply' in resolved) return resolved.reply;
  const academy = resolved.academy;
  const answer = await ctx.session.nextMeetings({
    ...(academy ? { academyId: academy.id } : {}),
    ...(e.kind ? { kind: e.kind } : {}),
    ...(e.date ? { from: e.date.from, to: e.date.to } : {}),
    ...(mine ? { mine: true } : {}),
  });
  const what = e.kind ? `${kindName(ctx, e.kind)}s` : 'meetings';
  const title = mine ? `Your next ${what}` : academy ? `Next ${what} at ${academy.name}` : `Next ${what}`;
  return { card: nextMeetingsAnswerCard(answer, { title, ...(e.date ? { said: e.date.said } : {}), links: ctx.links }) };
}

async function papersReply(ctx: ChatContext, u: Understanding): Promise<BotReply> {
  const e = u.entities;
  // With dates ("this week's meetings") the question is about every meeting in them; else about one academy's next meeting.
  const resolved = e.date && !e.academy ? {} : resolveAcademy(ctx, u.intent, e.academy, false);
  if ('reply' in resolved) return resolved.reply;
  if (resolved.academy)
    return {
      card: meetingPapersCard(
        await ctx.session.meetingPapers(resolved.academy.id, {
          ...(e.kind ? { kind: e.kind } : {}),
          ...(e.date ? { from: e.date.from, to: e.date.to } : {}),
        }),
        ctx.links,
      ),
    };
  const missing = await ctx.session.papersMissing({
    ...(e.date ? { from: e.date.from, to: e.date.to } : {}),
    ...(e.kind ? { kind: e.kind } : {}),
  });
  return { card: missingPapersCard(missing.rows, { from: missing.from, to: missing.to }) };
}

async function overdueReply(ctx: ChatContext, u: Understanding): Promise<BotReply> {
  const e = u.entities;
  if (e.person)
    return {
      card: trustOverdueCard(
        await ctx.session.overdueAcrossTrust({ ownerId: e.person.kind === 'me' ? ctx.session.viewer.id : e.person.id }),
        ctx.links,
      ),
    };
  const resolved = resolveAcademy(ctx, u.intent, e.academy, false);
  if ('reply' in resolved) return resolved.reply;
  if (!resolved.academy) return { card: trustOverdueCard(await ctx.session.overdueAcrossTrust(), ctx.links) };
  const overdue = await ctx.session.overdueAt(resolved.academy.id);
  return {
    card: overdueCard(
      { academyName: overdue.academyName, actions: overdue.actions, papers: overdue.papers },
      ctx.links,
      resolved.academy.id,
    ),
  };
}

async function myWork(ctx: ChatContext): Promise<BotReply> {
  const work = await ctx.session.myWork();
  const academy = (id: string) => ctx.vocabulary.academies.find((a) => a.id === id)?.name ?? 'an academy';
  return { card: myWorkCard(work, { academy, kind: (id) => kindName(ctx, id) }) };
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
    replies.push({
      card: actionCard(action, { academyName, links, ...(action.dueDate < work.today ? { reason: 'overdue' as const } : {}) }),
    });
  }
  return replies;
}
