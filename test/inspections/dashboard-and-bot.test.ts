// The official parser; its `lib/` build is ESM without file extensions, so the UMD bundle is loaded.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');
import pino from 'pino';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card';
import { handleChat } from '../../bot/conversation/chat-handler';
import type { AcademyStatus } from '../../core/domain/academy-status';
import { fixedClock } from '../../core/ports/clock.port';
import { loadConfig } from '../../functions/config/app-config';
import { composeLocal, type LocalApp } from '../../functions/local/compose-local';
import { testBotDeps } from '../support/test-services';

/**
 * Issue 17, "Done when": on the seeded demo trust (DSAT's model; most academies with a single-word
 * grade, four with report cards), what the dashboard and the bot say about each academy's latest
 * inspection, area by area, and why it gets the meetings it gets.
 */
const TODAY = '2026-11-23';
let local: LocalApp;
let deps: ReturnType<typeof testBotDeps>;
let rows: Map<string, AcademyStatus>;

beforeAll(async () => {
  local = await composeLocal(loadConfig({ TRUST_DB: ':memory:', LOG_LEVEL: 'silent' }), fixedClock(`${TODAY}T10:00:00Z`), {
    logger: pino({ level: 'silent' }),
  });
  deps = testBotDeps(local.store, local.services.clock);
  const ceo = (await local.store.people.get('ceo'))!;
  rows = new Map((await deps.services.open(ceo).dashboard()).academies.map((a) => [a.academyId, a]));
}, 60_000);
afterAll(() => local.close());

const row = (id: string) => rows.get(id)!;
const iaimReason = (id: string) => row(id).cadence!.find((c) => c.meetingKind === 'iaim')?.text;

function parseWarnings(card: AdaptiveCard): string[] {
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  new AC.AdaptiveCard().parse(JSON.parse(JSON.stringify(card)), ctx);
  const out: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) out.push(ctx.getEventAt(i).message);
  return out;
}

async function statusCard(personId: string, question: string): Promise<AdaptiveCard> {
  const person = (await local.store.people.get(personId))!;
  const replies = await handleChat(deps.services.open(person), deps.links, question);
  const card = replies.find((r) => r.card)?.card;
  if (!card) throw new Error(`no card for "${question}": ${JSON.stringify(replies)}`);
  return card;
}

/** Every TextBlock's text and colour, in order. */
const blocks = (card: AdaptiveCard): { text: string; color?: string }[] =>
  JSON.parse(JSON.stringify(card.body), (_k, v: unknown) => v).flatMap(function walk(b: {
    type?: string;
    text?: string;
    color?: string;
    items?: unknown[];
  }): { text: string; color?: string }[] {
    if (b.type === 'TextBlock') return [{ text: b.text ?? '', ...(b.color ? { color: b.color } : {}) }];
    return ((b.items ?? []) as (typeof b)[]).flatMap(walk);
  });

describe('the dashboard', () => {
  it('shows a report card’s summary where a single-word grade used to be, and the grade where there is no card', () => {
    expect(row('brook-lane').ofsted).toEqual({
      grade: 'requires-improvement',
      label: 'Report card: 2 areas at needs attention; safeguarding met',
      date: '2026-03-04',
    });
    expect(row('castle-view').ofsted.label).toBe('Report card: all areas at the expected standard or better; safeguarding met');
    expect(row('oakfield').ofsted).toEqual({ grade: 'good', label: 'Good', date: '2023-03-15' });
    expect(row('oakfield').inspection).toEqual({ kind: 'grade', date: '2023-03-15', grade: 'good', label: 'Good' });
  });

  it('gives the latest report card area by area, with words and a tone for each grade, and safeguarding', () => {
    const card = row('northgate').inspection;
    expect(card?.kind).toBe('report-card');
    if (card?.kind !== 'report-card') return;
    expect(card.areas.map((a) => `${a.label}: ${a.gradeLabel} (${a.tone})`)).toEqual([
      'Inclusion: Needs attention (warning)',
      'Curriculum and teaching: Expected standard (success)',
      'Achievement: Expected standard (success)',
      'Attendance and behaviour: Needs attention (warning)',
      'Personal development and wellbeing: Expected standard (success)',
      'Leadership and governance: Expected standard (success)',
      'Early years: Strong standard (success)',
      'Sixth form: Needs attention (warning)',
    ]);
    expect(card.safeguarding).toEqual({ value: 'met', label: 'Met', tone: 'success' });
    expect(card.monitoring).toBe(
      'Ofsted monitoring inspections are expected: inclusion, attendance and behaviour and sixth form at needs attention',
    );
  });

  it('says why each academy gets its iAIMs, from its report card, its own view or its old grade', () => {
    expect(iaimReason('fernhill')).toBe('3 iAIMs a year because its report card of 10 June 2026 has safeguarding not met');
    expect(iaimReason('northgate')).toBe(
      '3 iAIMs a year because its report card of 21 January 2026 has inclusion, attendance and behaviour and sixth form at needs attention',
    );
    expect(iaimReason('brook-lane')).toMatch(
      /^3 iAIMs a year because its report card of 4 March 2026 has achievement and leadership and governance at needs attention, and its self-evaluation of .+ has achievement at needs attention$/,
    );
    expect(iaimReason('hill-top')).toBe('3 iAIMs a year because its last inspection (8 May 2025) was Inadequate');
    expect(iaimReason('elmwood')).toBe('3 iAIMs a year because its self-evaluation is Requires Improvement');
    expect(iaimReason('willow-bank')).toBe('3 iAIMs a year because it asked for iAIMs');
    expect(iaimReason('castle-view')).toBeUndefined();
    expect(row('castle-view').cadence!.map((c) => c.text)).toEqual(['3 AIMs a year: an AIM each term for every academy']);
  });

  it('turns RAG red for safeguarding not met and amber for an area at needs attention, and compares the academy’s own view', () => {
    expect(row('fernhill').rag).toBe('red');
    expect(row('fernhill').reasons[0]).toMatchObject({
      level: 'red',
      code: 'RAG.OFSTED_GRADE',
      text: 'Ofsted report card: safeguarding not met',
    });
    expect(row('brook-lane').reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'amber',
          code: 'RAG.OFSTED_GRADE',
          text: 'Ofsted report card: achievement and leadership and governance at needs attention',
        }),
        expect.objectContaining({ level: 'amber', code: 'RAG.SELF_EVALUATION', text: 'Self-evaluation: achievement at needs attention' }),
      ]),
    );
    expect(row('castle-view').reasons.some((r) => r.code === 'RAG.OFSTED_GRADE')).toBe(false);
    const own = row('brook-lane').selfEvaluation!;
    expect(own.summary).toBe('Higher than the report card in 1 area, lower in none');
    expect(own.areas.find((a) => a.area === 'leadership-and-governance')).toMatchObject({
      self: { label: 'Expected standard' },
      reportCard: { label: 'Needs attention' },
      comparison: 'higher',
    });
  });
});

describe('the bot’s status card', () => {
  it('tells the CEO Fernhill’s report card area by area in words and colour, safeguarding not met, and why it has iAIMs', async () => {
    const card = await statusCard('ceo', 'how is Fernhill doing?');
    const lines = blocks(card);
    expect(lines).toEqual(
      expect.arrayContaining([
        { text: '**Ofsted report card, Wednesday 10 June 2026**' },
        { text: 'Curriculum and teaching: Strong standard', color: 'Good' },
        { text: 'Safeguarding: Not met', color: 'Attention' },
        { text: '• 3 iAIMs a year because its report card of 10 June 2026 has safeguarding not met' },
      ]),
    );
    expect(parseWarnings(card)).toEqual([]);
  });

  it('tells Brook Lane’s head the areas that need attention, in amber and in words', async () => {
    const lines = blocks(await statusCard('head-brook-lane', 'how is Brook Lane doing?'));
    expect(lines).toEqual(
      expect.arrayContaining([
        { text: 'Leadership and governance: Needs attention', color: 'Warning' },
        { text: 'Safeguarding: Met', color: 'Good' },
      ]),
    );
    expect(lines.some((l) => l.text.startsWith('• 3 iAIMs a year because its report card of 4 March 2026'))).toBe(true);
  });

  it('shows no report card for an academy with only a single-word grade', async () => {
    const lines = blocks(await statusCard('ceo', 'how is Oakfield doing?'));
    expect(lines.some((l) => l.text.includes('report card'))).toBe(false);
    expect(lines).toEqual(expect.arrayContaining([{ text: '• 3 AIMs a year: an AIM each term for every academy' }]));
  });
});
