// The official parser; its `lib/` build is ESM without file extensions, so the UMD bundle is loaded.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');
import pino from 'pino';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card';
import { tabLinks } from '../../bot/cards/card-links';
import { chooseAcademyCard, helpCard, noticeCard } from '../../bot/cards/chat-cards';
import { extensionDecisionCard, paperDeadlineCard, paperEscalationCard } from '../../bot/cards/paper-cards';
import {
  academyStatusCard,
  missingPapersCard,
  nextMeetingsCard,
  overdueCard,
  ragListCard,
  supportDaysCard,
} from '../../bot/cards/status-cards';
import { actionCard, attendeeReminderCard, notesApprovalCard } from '../../bot/cards/workflow-cards';
import { handleCardAction } from '../../bot/conversation/card-actions';
import { handleChat } from '../../bot/conversation/chat-handler';
import type { BotDeps } from '../../bot/conversation/bot-types';
import { fixedClock } from '../../core/ports/clock.port';
import { meetingRecordView } from '../../core/services/mappers/meeting-record.mapper';
import { getTrustDashboard } from '../../core/services/academy-status.service';
import { loadConfig } from '../../functions/config/app-config';
import { composeLocal, type LocalApp } from '../../functions/local/compose-local';

/** Parses with the official adaptivecards parser targeting 1.5; returns every warning and error. */
function parseWarnings(card: AdaptiveCard): string[] {
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  new AC.AdaptiveCard().parse(JSON.parse(JSON.stringify(card)), ctx);
  const out: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) out.push(ctx.getEventAt(i).message);
  return out;
}

let local: LocalApp;
let deps: BotDeps;
beforeAll(async () => {
  local = await composeLocal(loadConfig({ TRUST_DB: ':memory:', LOG_LEVEL: 'silent' }), fixedClock('2026-11-23T10:00:00Z'), {
    logger: pino({ level: 'silent' }),
  });
  deps = local.bot.deps;
});
afterAll(() => local.close());

test('every card the bot sends parses with zero warnings on Adaptive Cards 1.5', async () => {
  const links = tabLinks('http://localhost:3978/tab');
  const ceo = (await local.store.people.get('ceo'))!;
  const ceoSession = (await deps.services.openFor('ceo'))!;
  const dash = await getTrustDashboard(local.deps, ceo);
  const meetings = await local.store.meetings.list({}).toArray();
  const planned = meetings.find((m) => m.status === 'planned' && m.papers.length > 1)!;
  const heldRecord = meetings.find((m) => m.notes && m.notes.approvals.length > 0)!;
  // Cards take a meeting as its viewer may see it; the CEO may read draft notes.
  const held = meetingRecordView(ceo, heldRecord, undefined);
  const actions = await local.store.actions.list({}).toArray();
  const nameOf = (id: string) => id;
  const withExt = {
    ...meetingRecordView(ceo, planned, undefined),
    papers: planned.papers.map((p, i) =>
      i === 0
        ? {
            ...p,
            extension: {
              requestedBy: 'head-x',
              requestedAt: '2026-11-20T10:00:00Z',
              newDueDate: '2026-11-30',
              reason: 'Data [late] <b>',
              status: 'requested' as const,
            },
          }
        : p,
    ),
  };
  const cards: [string, AdaptiveCard][] = [
    ['status', academyStatusCard(dash.academies[0]!, { links, nameOf })],
    ['support days', supportDaysCard(dash.academies[0]!, links)],
    [
      'rag list',
      ragListCard(
        'red',
        dash.academies.filter((a) => a.rag === 'red'),
      ),
    ],
    ['rag list empty', ragListCard('green', [])],
    [
      'overdue',
      overdueCard(
        {
          academyName: 'Brook Lane',
          actions: [{ text: 'a', ownerName: 'b', dueDate: '2026-11-01' }],
          papers: [{ title: 'p', dueDate: '2026-11-02', meetingDate: '2026-11-09' }],
        },
        links,
        'brook-lane',
      ),
    ],
    [
      'missing papers',
      missingPapersCard(
        [{ academyName: 'A', meetingDate: '2026-11-25', kind: 'AIM', paper: 'Head’s report', ownerName: 'H', overdue: true }],
        { from: '2026-11-23', to: '2026-11-29' },
      ),
    ],
    [
      'next meetings',
      nextMeetingsCard('Next meetings', [
        { academyName: 'A', kind: 'AIM', startsAt: '2026-11-25T09:30:00Z', chairName: 'G', papers: '1 of 3 in' },
      ]),
    ],
    ['help', helpCard({ seesWholeTrust: true, name: 'Helen' })],
    ['help head', helpCard({ seesWholeTrust: false, name: 'Rachel' })],
    [
      'choose',
      chooseAcademyCard('hill', [
        { id: 'hill-top', name: 'Hill Top' },
        { id: 'fernhill', name: 'Fernhill' },
      ]),
    ],
    ['notice', noticeCard('done', { tone: 'done', title: 'Saved' })],
    [
      'paper deadline',
      paperDeadlineCard(withExt, {
        links,
        today: '2026-11-23',
        academyName: 'A',
        kindName: 'AIM',
        nameOf,
        viewerId: planned.papers[1]!.ownerId ?? 'x',
        substitutes: [{ id: 's', name: 'S' }],
        problem: 'Nothing was saved.',
      }),
    ],
    ['extension decision', extensionDecisionCard(withExt, withExt.papers[0]!.requirementId, { academyName: 'A', kindName: 'AIM', nameOf })],
    [
      'escalation',
      paperEscalationCard(meetingRecordView(ceo, planned, undefined), planned.papers, { academyName: 'A', kindName: 'AIM', nameOf, links }),
    ],
    [
      'notes approval',
      notesApprovalCard(held, { academyName: 'A', kindName: 'AIM', viewerId: heldRecord.notes!.approvals[0]!.personId, nameOf, links }),
    ],
    ['action', actionCard(actions[0]!, { academyName: 'A', links, reason: 'overdue', meetingLabel: 'AIM' })],
    [
      'attendee reminder',
      attendeeReminderCard(
        { ...meetingRecordView(ceo, planned, undefined), joinUrl: 'https://teams.microsoft.com/l/meetup-join/x' },
        { academyName: 'A', kindName: 'AIM', agenda: ['Welcome', 'Actions'], nameOf, links, viewerId: planned.chairId },
      ),
    ],
  ];
  // And every card the conversation itself produces for a few questions.
  for (const q of [
    'help',
    'how is oakfield doing',
    'which schools are red',
    'whats overdue at brook lane',
    'who hasnt sent papers',
    'next meetings',
    'support days left at hill top',
    'hill',
    'my actions',
  ]) {
    for (const r of await handleChat(ceoSession, deps.links, q)) if (r.card) cards.push([`chat: ${q}`, r.card]);
  }
  for (const [name, card] of cards) {
    expect({ name, version: card.version, warnings: parseWarnings(card) }).toEqual({ name, version: '1.5', warnings: [] });
  }
  expect(cards.length).toBeGreaterThan(20);
});

test('an invalid card submission re-renders the card with the problem named and writes nothing', async () => {
  const meetings = await local.store.meetings.list({}).toArray();
  const planned = meetings.find((m) => m.status === 'planned' && m.papers.some((p) => p.ownerId && !p.submittedAt))!;
  const owner = (await deps.services.openFor(planned.papers.find((p) => p.ownerId && !p.submittedAt)!.ownerId!))!;
  const r = await handleCardAction({ session: owner, links: deps.links }, 'papers.extension.request', {
    meetingId: planned.id,
    requirementId: planned.papers[0]!.requirementId,
    version: planned.version,
    newDueDate: 'next week',
    reason: '',
  });
  expect(r.wroteNothing).toBe(true);
  // The problem names the field by its words, not its key.
  expect(JSON.stringify(r.card)).toMatch(/Nothing was saved\. New due date: /);
  expect((await local.store.meetings.get(planned.id))!.version).toBe(planned.version);
  expect(parseWarnings(r.card)).toEqual([]);
});
