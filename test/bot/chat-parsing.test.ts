import { createAcademyMatcher } from '../../bot/chat/academy-matcher';
import { createAcademyFinder } from '../../bot/chat/academy-mentions';
import { chatTokens, normaliseChatText } from '../../bot/chat/chat-text';
import { CORPUS } from '../../bot/chat/corpus';
import { findDateMention } from '../../bot/chat/date-mentions';
import { INTENTS } from '../../bot/chat/intents';
import { languageModel, trainLanguageModel } from '../../bot/chat/language-model';
import { understand } from '../../bot/chat/understand';
import { helpCard } from '../../bot/cards/chat-cards';
import { DEFAULT_TERM_DATES } from '../../core/domain/school-year/term-dates.data';
import { DEMO_ACADEMIES } from '../../core/seed/demo-trust.data';
import { flatEntities } from './nlu-evaluation';
import { demoChatVocabulary } from './nlu-vocabulary';

const vocabulary = demoChatVocabulary('2026-11-23'); // a Monday in the second half of the autumn term
const read = async (text: unknown) => {
  const u = await understand(text, vocabulary);
  return { intent: u.intent, ...flatEntities(u.entities) };
};

describe('the trained classifier', () => {
  test('is trained from a corpus kept as data: every intent has at least 15 phrasings', () => {
    expect(CORPUS.map((f) => f.intent).sort()).toEqual([...INTENTS].sort());
    for (const f of CORPUS) expect([f.intent, f.utterances.length >= 15]).toEqual([f.intent, true]);
  });

  test('is written in British English', () => {
    const american =
      /\b(color|center|organiz|analyz|program\b|favorite|behavior|judgment|enroll|mom\b|vacation|semester|grade school|principal's office)/i;
    const found = CORPUS.flatMap((f) => f.utterances.filter((u) => american.test(u)));
    expect(found).toEqual([]);
  });

  test('trains in well under the two seconds a start-up can spare, once per process', async () => {
    const model = await trainLanguageModel();
    expect(model.trainedInMs).toBeLessThan(2000);
    expect(await languageModel()).toBe(await languageModel());
  });
});

describe('reading the questions people asked (issue 18, "Why")', () => {
  test.each([
    ["what's happening at hill top", { intent: 'academy-status', academy: 'hill-top' }],
    ['Any schools I should worry about?', { intent: 'trust-overview' }],
    ['show me the dashboard', { intent: 'trust-overview' }],
    ['when is the next AIM for Riverside?', { intent: 'next-meeting', academy: 'riverside', kind: 'aim' }],
    ['has Northgate sent its papers?', { intent: 'meeting-papers', academy: 'northgate' }],
    ['what actions are overdue across the trust', { intent: 'overdue-actions' }],
    ["who chairs Kingsmead's meetings?", { intent: 'academy-people', academy: 'kingsmead', role: 'meeting-chair' }],
    ['what did the last meeting at Castle View decide?', { intent: 'last-meeting', academy: 'castle-view' }],
    ['is willow bank improving?', { intent: 'improving', academy: 'willow-bank' }],
    ['thanks', { intent: 'thanks' }],
    ['what do I owe', { intent: 'my-work' }],
    ["when's my next meeting", { intent: 'next-meeting', person: 'me' }],
    ['next meetings', { intent: 'next-meeting' }],
  ])('“%s”', async (text, expected) => {
    expect(await read(text)).toEqual(expected);
  });
});

describe('academies, found among the trust’s own names and never made up from other words', () => {
  const find = async (text: string) => {
    const model = await languageModel();
    const found = createAcademyFinder(DEMO_ACADEMIES, model.commonWords)(chatTokens(normaliseChatText(text)));
    return found.map((m) =>
      m.match.kind === 'one'
        ? m.match.academy.id
        : `several:${m.match.candidates
            .map((c) => c.id)
            .sort()
            .join(',')}`,
    );
  };

  test.each([
    ['how is Oakfeild doing', 'oakfield'],
    ["Saint Mary's status", 'st-marys'],
    ['st marys', 'st-marys'],
    ["St. Mary's CE Primary Academy", 'st-marys'],
    ['is BLA ok', 'brook-lane'],
    ['willowbank', 'willow-bank'],
    ['fern hill papers', 'fernhill'],
    ['how is castle doing', 'castle-view'],
    ['Northgate All-Through', 'northgate'],
    ["who chairs Kingsmead's meetings", 'kingsmead'],
    ['anything at castel veiw', 'castle-view'],
    ['hill top', 'hill-top'],
  ])('“%s” names %s (typos, Saint/St, short names, partial names, possessives)', async (text, id) => {
    expect(await find(text)).toEqual([id]);
  });

  test.each([
    ["when's my next meeting"],
    ['what is happening'],
    ['book the hall for Friday'],
    ['top of the table'],
    ['show me the view'],
    ['what actions are overdue across the trust'],
    ['is the bank holiday a school day'],
  ])('“%s” names no academy', async (text) => {
    expect(await find(text)).toEqual([]);
  });

  test('a word that could be two schools comes back as both, so the bot asks with buttons', async () => {
    expect(await find('how is hill doing')).toEqual(['several:fernhill,hill-top']);
    const r = createAcademyMatcher(DEMO_ACADEMIES)('hill');
    expect(r.kind).toBe('several');
  });

  test('a head asking “when’s my next meeting” is not asked about an academy called “’s”', async () => {
    const u = await understand("when's my next meeting", vocabulary);
    expect(u.entities.academy).toBeUndefined();
    expect(u.found.academy).toBeUndefined();
  });
});

describe('dates, with chrono-node (en-GB) and the school calendar', () => {
  const halfTerms = DEFAULT_TERM_DATES.flatMap((y) => y.halfTerms);
  const range = (text: string, today = '2026-11-23') => {
    const d = findDateMention(normaliseChatText(text), { today, halfTerms });
    return d && `${d.from}..${d.to}`;
  };
  test.each([
    ["who hasn't sent papers for this week's meetings", '2026-11-23..2026-11-29'],
    ['meetings next week', '2026-11-30..2026-12-06'],
    ['the week after next', '2026-12-07..2026-12-13'],
    ['anything before half term', '2026-11-23..2026-12-18'],
    ['any meetings in January', '2027-01-01..2027-01-31'],
    ['what about February', '2027-02-01..2027-02-28'],
    ['meetings tomorrow', '2026-11-24..2026-11-24'],
    ['on Thursday', '2026-11-26..2026-11-26'],
    ['on 3/12', '2026-12-03..2026-12-03'],
    ['before Christmas', '2026-11-23..2026-12-18'],
    ['next term', '2027-01-04..2027-03-25'],
    ['this term', '2026-11-23..2026-12-18'],
  ])('“%s” is %s (today Monday 23 November 2026)', (text, expected) => {
    expect(range(text)).toBe(expected);
  });

  test('after half term in the spring is the summer term’s first half', () => {
    expect(range('after half term', '2027-02-01')).toBe('2027-02-22..2027-03-25');
    expect(range('before half term', '2027-02-01')).toBe('2027-02-01..2027-02-12');
  });

  test.each([['which schools are green right now'], ['is progress 8 improving'], ['KS2 results at Kingsmead'], ['how is year 1 phonics']])(
    '“%s” names no date',
    (text) => {
      expect(range(text)).toBeUndefined();
    },
  );
});

describe('meeting kinds, roles, KPIs and people', () => {
  test.each([
    ['when is the next AIM for Riverside', { kind: 'aim' }],
    ['any iAIMs next week', { kind: 'iaim' }],
    ["when is Elmwood's interim AIM", { kind: 'iaim' }],
    ['date of the next academy improvement meeting at Castle View', { kind: 'aim' }],
  ])('“%s” names the model’s meeting kind', async (text, expected) => {
    expect(await read(text)).toMatchObject(expected);
  });

  test.each([
    ["who is Kingsmead's head", 'head'],
    ['who is the chair of govenors at Oakfield', 'chair-lgb'],
    ['who chairs the governors at Elmwood', 'chair-lgb'],
    ['who chairs the AIMs at Oakfield', 'meeting-chair'],
    ["who's the AID for Hill Top", 'improvement-director'],
  ])('“%s” asks for the %s', async (text, role) => {
    expect(await read(text)).toMatchObject({ intent: 'academy-people', role });
  });

  test.each([
    ['is attendence improving at Riverside', 'attendance'],
    ['how is persistent absence at Brook Lane', 'persistent-absence'],
    ['is progress 8 going up at Castle View', 'progress-8'],
  ])('“%s” is about the KPI %s, typos and all', async (text, kpi) => {
    expect(await read(text)).toMatchObject({ intent: 'improving', kpi });
  });

  test('“making progress” is not Progress 8: a number is never a typo', async () => {
    expect(await read('Is Ashworth making progress?')).toEqual({ intent: 'improving', academy: 'ashworth' });
  });

  test('a person named in full is found among the people the viewer may see; a first name alone is not enough', async () => {
    expect(await read('what is Daniel Hughes behind on?')).toEqual({ intent: 'overdue-actions', person: 'head-brook-lane' });
    expect((await understand('what is Daniel behind on?', vocabulary)).found.person).toBeUndefined();
    const noOne = { ...vocabulary, people: vocabulary.people.filter((p) => p.id !== 'head-brook-lane') };
    expect((await understand('what is Daniel Hughes behind on?', noOne)).found.person).toBeUndefined();
  });
});

describe('what it does not understand', () => {
  test.each([['book me a taxi to the station'], ['what is the capital of Peru'], ['zzqx wibble']])(
    '“%s” is not forced into a question it answers',
    async (text) => {
      expect((await understand(text, vocabulary)).intent).toBe('unknown');
    },
  );

  test('every example the help card suggests is a question it understands', async () => {
    for (const seesWholeTrust of [true, false]) {
      const card = JSON.stringify(helpCard({ seesWholeTrust, name: 'X' }));
      const examples = [...card.matchAll(/“([^”]+)”/g)].map((m) => m[1]!.replace(/\\u2019/g, '’'));
      expect(examples.length).toBeGreaterThan(5);
      for (const e of examples) expect([e, (await understand(e, vocabulary)).intent]).not.toEqual([e, 'unknown']);
    }
  });

  test('any input shape reads as a valid understanding and never throws', async () => {
    for (const x of [
      undefined,
      null,
      42,
      {},
      [],
      '',
      '<at>Bot</at> help',
      '\u0000\u202e',
      '🙂'.repeat(5000),
      'a'.repeat(100_000),
      "'''",
      '3/12/2026/5',
    ]) {
      const u = await understand(x, vocabulary);
      expect([...INTENTS, 'unknown']).toContain(u.intent);
    }
  });
});
