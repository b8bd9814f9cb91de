// The official parser; its `lib/` build is ESM without file extensions, so the UMD bundle is loaded.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');
import pino from 'pino';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card';
import type { BotReply } from '../../bot/conversation/bot-types';
import { handleChat } from '../../bot/conversation/chat-handler';
import { isActionOverdue } from '../../core/domain/carry-forward';
import { addDays } from '../../core/domain/local-date';
import { formatLongDate } from '../../core/domain/london-time';
import type { Meeting } from '../../core/domain/meeting';
import { fixedClock } from '../../core/ports/clock.port';
import { type Stored } from '../../core/ports/record-store.port';
import { NEXT_MEETINGS_DAYS } from '../../core/services/chat-meeting-answers.service';
import { loadConfig } from '../../functions/config/app-config';
import { composeLocal, type LocalApp } from '../../functions/local/compose-local';
import { testBotDeps } from '../support/test-services';
import evaluationSet from './nlu-evaluation.json';

/**
 * The answers, end to end: chat text through `handleChat` (what `/api/messages` calls) on the seeded
 * demo trust, each answer from `core/services` through the person's session. Expectations are read
 * from the store, so they hold whatever the seed puts where.
 */
const TODAY = '2026-11-23';
let local: LocalApp;
let deps: ReturnType<typeof testBotDeps>;
let meetings: Stored<Meeting>[];
beforeAll(async () => {
  local = await composeLocal(loadConfig({ TRUST_DB: ':memory:', LOG_LEVEL: 'silent' }), fixedClock(`${TODAY}T10:00:00Z`), {
    logger: pino({ level: 'silent' }),
  });
  deps = testBotDeps(local.store, local.services.clock);
  meetings = await local.store.meetings.list({}).toArray();
}, 60_000);
afterAll(() => local.close());

async function ask(personId: string, text: string): Promise<BotReply[]> {
  const person = (await local.store.people.get(personId))!;
  return handleChat(deps.services.open(person), deps.links, text);
}
const said = (replies: BotReply[]) => JSON.stringify(replies);
const planned = (academyId: string, kind?: string) =>
  meetings
    .filter((m) => m.academyId === academyId && m.status === 'planned' && m.date >= TODAY && (!kind || m.kind === kind))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));

function parseWarnings(card: AdaptiveCard): string[] {
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  new AC.AdaptiveCard().parse(JSON.parse(JSON.stringify(card)), ctx);
  return Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message as string);
}

describe('the CEO’s questions from the issue, answered from the records', () => {
  test('“what’s happening at hill top” is Hill Top’s status', async () => {
    const [r] = await ask('ceo', "what's happening at hill top");
    expect(r!.card!.body[0]).toMatchObject({ text: 'Hill Top Primary School' });
    expect(said([r!])).toMatch(/Escalation.*Support days/);
  });

  test('“Any schools I should worry about?” and “show me the dashboard” show what needs attention, worst first', async () => {
    const dash = await deps.services.open((await local.store.people.get('ceo'))!).dashboard();
    for (const q of ['Any schools I should worry about?', 'show me the dashboard']) {
      const text = said(await ask('ceo', q));
      for (const a of dash.academies.filter((x) => x.rag !== 'green')) expect(text).toContain(a.name);
      expect(text).toContain(`"value":"${dash.counts.red}"`);
    }
  });

  test('“when is the next AIM for Riverside?” gives its date', async () => {
    const next = planned('riverside', 'aim')[0]!;
    expect(said(await ask('ceo', 'when is the next AIM for Riverside?'))).toContain(formatLongDate(next.date));
  });

  test('“has Northgate sent its papers?” lists the papers of its next meeting that needs any, with who owes them', async () => {
    const next = planned('northgate').find((m) => m.papers.length > 0)!;
    const text = said(await ask('ceo', 'has Northgate sent its papers?'));
    expect(text).toContain(formatLongDate(next.date));
    for (const p of next.papers) expect(text).toContain(p.title);
  });

  test('“what actions are overdue across the trust” counts every overdue action in the trust', async () => {
    const actions = await local.store.actions.list({}).toArray();
    const overdue = actions.filter((a) => isActionOverdue(a, TODAY));
    expect(overdue.length).toBeGreaterThan(0);
    expect(said(await ask('ceo', 'what actions are overdue across the trust'))).toContain(`Overdue actions: ${overdue.length}`);
  });

  test('“who chairs Kingsmead’s meetings?” names the chair of its next meeting, with the head and the chair of governors', async () => {
    const next = planned('kingsmead')[0]!;
    const chair = (await local.store.people.get(next.chairId))!;
    const text = said(await ask('ceo', "who chairs Kingsmead's meetings?"));
    expect(text).toContain(`"title":"Chairs the AIM","value":"${chair.name}`);
    expect(text).toContain('Laura Bennett'); // the head
    expect(text).toContain('Gareth Evans'); // the chair of governors
  });

  test('“what did the last meeting at Castle View decide?” gives its judgements, the actions it raised and the circulated notes', async () => {
    const held = (id: string) =>
      meetings.filter((m) => m.academyId === id && m.status === 'held').sort((a, b) => b.date.localeCompare(a.date));
    const text = said(await ask('ceo', 'what did the last meeting at Castle View decide?'));
    // The seed holds Castle View's first AIM on a day relative to the seed day: before it, the bot says when it is.
    if (held('castle-view').length === 0)
      expect(text).toContain(
        `No meeting has been held at Castle View Academy yet. The next is the AIM on ${formatLongDate(planned('castle-view')[0]!.date)}.`,
      );
    const withNotes = ['castle-view', ...meetings.map((m) => m.academyId)].find(
      (id) => held(id)[0]?.notes?.circulatedAt && held(id)[0]!.judgements.length > 0,
    )!;
    const last = held(withNotes)[0]!;
    const name = (await local.store.academies.get(withNotes))!.name;
    const answer = said(await ask('ceo', `what did the last meeting at ${name} decide?`));
    expect(answer).toContain(formatLongDate(last.date));
    expect(answer).toContain('Judgements');
    expect(answer).toContain('Actions raised');
    expect(answer).toContain(last.notes!.text.slice(0, 40));
  });

  test('“is willow bank improving?” gives a verdict with its evidence: each KPI against its target, judgements, RAG', async () => {
    const detail = await deps.services.open((await local.store.people.get('ceo'))!).academyDetail('willow-bank');
    const text = said(await ask('ceo', 'is willow bank improving?'));
    expect(text).toMatch(/Is Willow Bank Primary improving\?/);
    for (const k of detail.kpis) expect(text).toContain(k.measure);
    expect(text).toMatch(/target/);
    expect(text).toMatch(/RAG now/);
  });

  test('“thanks” is acknowledged', async () => {
    expect((await ask('ceo', 'thanks'))[0]!.text).toMatch(/welcome/);
  });

  test('“next meetings” lists what is planned, and never says “none” while a meeting is planned', async () => {
    const text = said(await ask('ceo', 'next meetings'));
    expect(text).not.toMatch(/No meetings planned/);
    const first = meetings
      .filter((m) => m.status === 'planned' && m.date >= TODAY)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0]!;
    expect(text).toContain(formatLongDate(first.date));
  });

  test('the next meeting is given with its date however far ahead it is', async () => {
    const beyond = meetings
      .filter((m) => m.status === 'planned')
      .map((m) => m.academyId)
      .find((id) => planned(id)[0]!.date > addDays(TODAY, NEXT_MEETINGS_DAYS))!;
    expect(beyond).toBeDefined();
    const name = (await local.store.academies.get(beyond))!.name;
    const text = said(await ask('ceo', `next meetings at ${name}`));
    expect(text).toMatch(/No meetings planned in the next six weeks/);
    expect(text).toMatch(/The next one is the \*\*/);
    expect(text).toContain(formatLongDate(planned(beyond)[0]!.date));
  });

  test('dates narrow the meetings: “any meetings in January?”', async () => {
    const january = meetings.filter((m) => m.status === 'planned' && m.date.startsWith('2027-01'));
    const text = said(await ask('ceo', 'any meetings in January?'));
    expect(text).toContain('Friday 1 January 2027 to Sunday 31 January 2027');
    for (const m of january.slice(0, 15)) expect(text).toContain(formatLongDate(m.date));
  });
});

describe('a head’s own questions', () => {
  test('“what do I owe” lists their papers and actions', async () => {
    const work = await deps.services.open((await local.store.people.get('head-oakfield'))!).myWork();
    const text = said(await ask('head-oakfield', 'what do I owe'));
    expect(text).toContain('What you owe');
    for (const p of work.papersOwed) expect(text).toContain(p.paper.title);
    for (const a of work.actions.slice(0, 8)) expect(text).toContain(a.text.slice(0, 30));
  });

  test('“when’s my next meeting” is the next meeting they attend, not a search for an academy called “’s”', async () => {
    const mine = meetings
      .filter(
        (m) =>
          m.status === 'planned' &&
          m.date >= TODAY &&
          (m.chairId === 'head-oakfield' || m.attendees.some((a) => a.personId === 'head-oakfield')),
      )
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const text = said(await ask('head-oakfield', "when's my next meeting"));
    expect(text).not.toMatch(/academy called/);
    expect(text).toContain('Your next meetings');
    expect(text).toContain(formatLongDate(mine[0]!.date));
  });

  test('“how are we doing?”, “who chairs our meetings?” and “are we improving?” are about their own school', async () => {
    for (const q of ['how are we doing?', 'who chairs our meetings?', 'are we improving?', "what's overdue?", 'support days left'])
      expect([q, said(await ask('head-oakfield', q))]).toEqual([q, expect.stringContaining('Oakfield Primary Academy')]);
  });
});

describe('role × academy: nothing leaks', () => {
  const brookLane = [
    'how is brook lane doing',
    'has brook lane sent its papers',
    'who is the head of brook lane',
    'what did the last meeting at brook lane decide',
    'is brook lane improving',
    'support days at brook lane',
    'interventions at brook lane',
    'where is brook lane on the escalation ladder',
    'when is the next meeting at brook lane',
    "what's overdue at brook lane",
  ];

  test.each(brookLane)('a head asking “%s” about another school is told politely, and nothing about it', async (q) => {
    const replies = await ask('head-oakfield', q);
    expect(replies).toEqual([
      { text: "Sorry, you can only see information for your own academy, so I can't show you Brook Lane Academy." },
    ]);
  });

  test('trust-wide questions from a head cover only their own academy', async () => {
    const others = (await local.store.academies.list({}).toArray()).filter((a) => a.id !== 'oakfield');
    for (const q of [
      'what actions are overdue across the trust',
      'Any schools I should worry about?',
      'next meetings',
      "who hasn't sent papers for this week's meetings?",
      'which schools are amber?',
    ]) {
      const text = said(await ask('head-oakfield', q));
      for (const a of others) expect([q, text.includes(a.name)]).toEqual([q, false]);
    }
  });

  test('a person at another school is not recognised by name for a head', async () => {
    const text = said(await ask('head-oakfield', 'what is Daniel Hughes behind on?'));
    expect(text).not.toContain('Daniel Hughes');
  });

  test('draft notes never go out in chat, not even to those who may read them in the tab', async () => {
    const draft = meetings
      .filter((m) => m.status === 'held' && m.notes && !m.notes.circulatedAt)
      .sort((a, b) => b.date.localeCompare(a.date))[0]!;
    expect(draft).toBeDefined();
    const name = (await local.store.academies.get(draft.academyId))!.name;
    const isLast = meetings.filter((m) => m.academyId === draft.academyId && m.status === 'held').every((m) => m.date <= draft.date);
    expect(isLast).toBe(true);
    for (const who of ['ceo', `chair-${draft.academyId}`, `governor-${draft.academyId}`]) {
      const text = said(await ask(who, `what did the last meeting at ${name} decide?`));
      expect([who, text.includes(draft.notes!.text.slice(0, 30))]).toEqual([who, false]);
      expect(text).toMatch(/not been circulated/);
    }
  });
});

describe('when it does not understand', () => {
  test('it says so and suggests three things it can answer; it never invents an academy from the question', async () => {
    for (const q of ['book me a taxi', 'zzqx wibble flarn']) {
      const [r] = await ask('ceo', q);
      expect(r!.text).toMatch(/^Sorry, I didn't understand that\. You could ask “[^”]+”, “[^”]+”, “[^”]+”/);
      expect(r!.text).not.toMatch(/academy called/);
    }
  });

  test('a school the trust does not have is not made up: the bot asks which academy', async () => {
    const [r] = await ask('ceo', 'how is greenfield doing?');
    expect(r!.text).toMatch(/^Which academy do you mean\?/);
    expect(r!.text).not.toMatch(/greenfield/i);
  });

  test('a name two schools share is asked about with a button for each', async () => {
    const [r] = await ask('ceo', 'how is hill doing?');
    expect(r!.card!.actions!.map((a) => ('title' in a ? a.title : ''))).toEqual(
      expect.arrayContaining(['Hill Top Primary School', 'Fernhill Primary']),
    );
  });
});

test('every evaluation question gets a reply for a CEO, a head and a governor, every card parses on Adaptive Cards 1.5, and nothing is written', async () => {
  const problems: string[] = [];
  for (const who of ['ceo', 'head-oakfield', 'governor-brook-lane']) {
    for (const { text } of evaluationSet.utterances) {
      const replies = await ask(who, text);
      if (replies.length === 0 || replies.some((r) => !r.text && !r.card)) problems.push(`${who}: ${text}: no reply`);
      for (const r of replies) if (r.card) for (const w of parseWarnings(r.card)) problems.push(`${who}: ${text}: ${w}`);
    }
  }
  expect(problems).toEqual([]);
  expect(deps.services.audit.entries).toEqual([]);
}, 120_000);
