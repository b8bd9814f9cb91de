import type { Academy } from '../../core/domain/academy';
import { isForbiddenError, isNotFoundError } from '../../core/domain/errors';
import { addDays, isoWeekday } from '../../core/domain/local-date';
import { isPaperIn, isPaperOverdue } from '../../core/domain/paper-deadlines';
import type { Person } from '../../core/domain/people';
import { canAccessAcademy, seesWholeTrust, visibleAcademyIds } from '../../core/domain/permissions';
import { allPages, collect, type Stored } from '../../core/ports/record-store.port';
import { getAcademyStatus, getTrustDashboard } from '../../core/services/academy-status.service';
import { getMyWork } from '../../core/services/my-work.service';
import { loadTrust } from '../../core/services/service-context';
import { chooseAcademyCard, helpCard, noticeCard } from '../cards/chat-cards';
import { paperDeadlineCard } from '../cards/paper-cards';
import { academyStatusCard, missingPapersCard, nextMeetingsCard, overdueCard, ragListCard, supportDaysCard } from '../cards/status-cards';
import { actionCard } from '../cards/workflow-cards';
import { plain } from '../cards/adaptive-card';
import { createAcademyMatcher } from '../chat/academy-matcher';
import { parseIntent, type Intent } from '../chat/intent';
import type { BotDeps, BotReply } from './bot-types';
import { paperCardContext, peopleDirectory } from './card-context';

type Academies = Stored<Academy>[];

/** Which academy a question is about: named and matched, or the person's own when they have one. */
async function resolveAcademy(deps: BotDeps, viewer: Person, words: string | undefined, academies: Academies): Promise<{ academy: Stored<Academy> } | { reply: BotReply }> {
  if (!words) {
    const own = visibleAcademyIds(viewer, academies.map((a) => a.id));
    if (!seesWholeTrust(viewer) && own.length === 1) return { academy: academies.find((a) => a.id === own[0])! };
    return { reply: { text: 'Which academy? Try “how is Oakfield doing?”.' } };
  }
  const match = createAcademyMatcher(academies)(words);
  if (match.kind === 'none') return { reply: { text: `I couldn't find an academy called “${plain(words)}”. Type **help** to see what I can do.` } };
  if (match.kind === 'several') {
    const visible = match.candidates.filter((a) => canAccessAcademy(viewer, a.id, 'read'));
    if (visible.length === 1) return { academy: visible[0]! };
    return { reply: { card: chooseAcademyCard(words, (visible.length ? visible : match.candidates).map((a) => ({ id: a.id, name: a.name }))) } };
  }
  return { academy: match.academy };
}

/** The polite refusal when a head (or governor) asks about another school. */
const cannotSee = (academy: Pick<Academy, 'name'>): BotReply => ({ text: `Sorry, you can only see information for your own academy, so I can't show you ${academy.name}.` });

/** Answers one chat message. Never writes; never throws for anything a person can type. */
export async function handleChat(deps: BotDeps, viewer: Person, text: unknown): Promise<BotReply[]> {
  const intent = parseIntent(text);
  try {
    return await answer(deps, viewer, intent);
  } catch (e) {
    if (isForbiddenError(e)) return [{ text: e.message }];
    if (isNotFoundError(e)) return [{ text: 'I could not find that; it may have been removed.' }];
    throw e;
  }
}

/** The status card for an academy, or a polite refusal. Used by chat and by the "which academy?" buttons. */
export async function statusReply(deps: BotDeps, viewer: Person, academy: Pick<Academy, 'id' | 'name'>): Promise<BotReply> {
  if (!canAccessAcademy(viewer, academy.id, 'read')) return cannotSee(academy);
  const [status, people] = await Promise.all([getAcademyStatus(deps, viewer, academy.id), peopleDirectory(deps)]);
  return { card: academyStatusCard(status, { links: deps.links, nameOf: people.nameOf }) };
}

async function answer(deps: BotDeps, viewer: Person, intent: Intent): Promise<BotReply[]> {
  switch (intent.kind) {
    case 'help':
    case 'greeting':
      return [{ card: helpCard({ seesWholeTrust: seesWholeTrust(viewer), name: viewer.name }) }];
    case 'unknown':
      return [{ text: 'Sorry, I didn’t understand that. Try “how is Oakfield doing?”, “which schools are red?” or type **help**.' }];
    case 'rag-list': {
      const dash = await getTrustDashboard(deps, viewer);
      return [{ card: ragListCard(intent.level, dash.academies.filter((a) => a.rag === intent.level)) }];
    }
    case 'my-papers':
      return myPapers(deps, viewer);
    case 'my-actions':
      return myActions(deps, viewer);
    case 'missing-papers':
      return [await missingPapers(deps, viewer)];
    case 'next-meetings':
      return [await nextMeetings(deps, viewer, intent.academy)];
    default:
      break;
  }
  const academies = await collect(allPages((p) => deps.store.academies.list({}, p)));
  const resolved = await resolveAcademy(deps, viewer, intent.academy, academies);
  if ('reply' in resolved) return [resolved.reply];
  const academy = resolved.academy;
  if (!canAccessAcademy(viewer, academy.id, 'read')) return [cannotSee(academy)];
  if (intent.kind === 'status') return [await statusReply(deps, viewer, academy)];
  if (intent.kind === 'support-days') return [{ card: supportDaysCard(await getAcademyStatus(deps, viewer, academy.id), deps.links) }];
  return [await overdue(deps, academy)];
}

async function overdue(deps: BotDeps, academy: Stored<Academy>): Promise<BotReply> {
  const trust = await loadTrust(deps);
  const [actions, meetings, people] = await Promise.all([
    collect(allPages((p) => deps.store.actions.list({ academyId: academy.id }, p))),
    collect(allPages((p) => deps.store.meetings.inRange({ from: trust.today, to: addDays(trust.today, 60), academyId: academy.id }, p))),
    peopleDirectory(deps),
  ]);
  return {
    card: overdueCard(
      {
        academyName: academy.name,
        actions: actions.filter((a) => (a.status === 'open' || a.status === 'in-progress') && a.dueDate < trust.today).map((a) => ({ text: a.text, ownerName: people.nameOf(a.ownerId), dueDate: a.dueDate })),
        papers: meetings.flatMap((m) => m.papers.filter((p) => isPaperOverdue(p, m, trust.today)).map((p) => ({ title: p.title, dueDate: p.dueDate, meetingDate: m.date }))),
      },
      deps.links,
      academy.id,
    ),
  };
}

async function missingPapers(deps: BotDeps, viewer: Person): Promise<BotReply> {
  const trust = await loadTrust(deps);
  // "This week": Monday to Sunday of the current week in England.
  const from = addDays(trust.today, 1 - isoWeekday(trust.today));
  const to = addDays(from, 6);
  const [meetings, academies, people] = await Promise.all([
    collect(allPages((p) => deps.store.meetings.inRange({ from, to }, p))),
    collect(allPages((p) => deps.store.academies.list({}, p))),
    peopleDirectory(deps),
  ]);
  const names = new Map(academies.map((a) => [a.id, a.name]));
  const kinds = new Map(trust.model.meetingKinds.map((k) => [k.id, k.abbreviation]));
  const rows = meetings
    .filter((m) => m.status === 'planned' && canAccessAcademy(viewer, m.academyId, 'read'))
    .flatMap((m) =>
      m.papers
        .filter((p) => !isPaperIn(p))
        .map((p) => ({ academyName: names.get(m.academyId) ?? m.academyId, meetingDate: m.date, kind: kinds.get(m.kind) ?? m.kind, paper: p.title, ownerName: p.ownerId ? people.nameOf(p.ownerId) : 'no owner', overdue: isPaperOverdue(p, m, trust.today) })),
    );
  return { card: missingPapersCard(rows, { from, to }) };
}

async function nextMeetings(deps: BotDeps, viewer: Person, words: string | undefined): Promise<BotReply> {
  const trust = await loadTrust(deps);
  const academies = await collect(allPages((p) => deps.store.academies.list({}, p)));
  let only: Stored<Academy> | undefined;
  if (words) {
    const r = await resolveAcademy(deps, viewer, words, academies);
    if ('reply' in r) return r.reply;
    if (!canAccessAcademy(viewer, r.academy.id, 'read')) return cannotSee(r.academy);
    only = r.academy;
  }
  const [meetings, people] = await Promise.all([
    collect(allPages((p) => deps.store.meetings.inRange({ from: trust.today, to: addDays(trust.today, 42), ...(only ? { academyId: only.id } : {}) }, p))),
    peopleDirectory(deps),
  ]);
  const names = new Map(academies.map((a) => [a.id, a.name]));
  const kinds = new Map(trust.model.meetingKinds.map((k) => [k.id, k.abbreviation]));
  const rows = meetings
    .filter((m) => m.status === 'planned' && canAccessAcademy(viewer, m.academyId, 'read'))
    .map((m) => ({ academyName: names.get(m.academyId) ?? m.academyId, kind: kinds.get(m.kind) ?? m.kind, startsAt: m.startsAt, chairName: people.nameOf(m.chairId), papers: `${m.papers.filter(isPaperIn).length} of ${m.papers.length} in` }));
  return { card: nextMeetingsCard(only ? `Next meetings at ${only.name}` : 'Next meetings', rows) };
}

async function myPapers(deps: BotDeps, viewer: Person): Promise<BotReply[]> {
  const work = await getMyWork(deps, viewer);
  const meetingIds = [...new Set(work.papersOwed.map((p) => p.meetingId))];
  if (meetingIds.length === 0) return [{ card: noticeCard('You owe no papers for the coming weeks.', { tone: 'done' }) }];
  const meetings = await deps.store.meetings.getMany(meetingIds);
  const replies: BotReply[] = [];
  for (const m of meetings.slice(0, 5)) replies.push({ card: paperDeadlineCard(m, await paperCardContext(deps, m, viewer.id)) });
  return replies;
}

async function myActions(deps: BotDeps, viewer: Person): Promise<BotReply[]> {
  const work = await getMyWork(deps, viewer);
  if (work.actions.length === 0) return [{ card: noticeCard('You have no open actions.', { tone: 'done' }) }];
  const academies = await collect(allPages((p) => deps.store.academies.list({}, p)));
  const names = new Map(academies.map((a) => [a.id, a.name]));
  return work.actions.slice(0, 5).map((a) => ({ card: actionCard(a, { academyName: names.get(a.academyId) ?? a.academyId, links: deps.links, ...(a.dueDate < work.today ? { reason: 'overdue' as const } : {}) }) }));
}
