import { createAcademyMatcher } from '../../bot/chat/academy-matcher';
import { intentSchema, parseIntent } from '../../bot/chat/intent';
import { DEMO_ACADEMIES } from '../../core/seed/demo-trust.data';

const match = createAcademyMatcher(DEMO_ACADEMIES);
const one = (q: string) => {
  const r = match(q);
  return r.kind === 'one' ? r.academy.id : r.kind;
};

test.each([
  ['how is Oakfield doing?', { kind: 'status', academy: 'oakfield' }],
  ['status of st marys', { kind: 'status', academy: 'st marys' }],
  ['which schools are red?', { kind: 'rag-list', level: 'red' }],
  ["what's overdue at Brook Lane?", { kind: 'overdue', academy: 'brook lane' }],
  ["who hasn't sent papers for this week's meetings?", { kind: 'missing-papers' }],
  ['next meetings', { kind: 'next-meetings' }],
  ['support days left at Hill Top', { kind: 'support-days', academy: 'hill top' }],
  ['help', { kind: 'help' }],
  ['my papers', { kind: 'my-papers' }],
])('reads “%s” as the question it is', (text, intent) => {
  expect(parseIntent(text)).toEqual(intent);
});

test.each([
  ['oakfeild', 'oakfield'],
  ["Saint Mary's", 'st-marys'],
  ['st marys', 'st-marys'],
  ['BLA', 'brook-lane'],
  ['willowbank', 'willow-bank'],
  ['fern hill', 'fernhill'],
  ['castle', 'castle-view'],
  ['Northgate All Through', 'northgate'],
])('matches “%s” to %s (typos, Saint/St, abbreviations, partial names)', (q, id) => {
  expect(one(q)).toBe(id);
});

test('two close matches come back as several, so the bot asks with buttons', () => {
  const r = match('hill');
  expect(r.kind).toBe('several');
  if (r.kind === 'several') expect(r.candidates.map((c) => c.id)).toEqual(expect.arrayContaining(['hill-top', 'fernhill']));
});

test('nonsense matches no academy', () => {
  expect(one('zzqx wibble')).toBe('none');
});

test('any input shape parses to a valid intent', () => {
  for (const x of [undefined, null, 42, {}, [], '', '<at>Bot</at> help', '\u0000\u202e', '🙂'.repeat(5000)]) expect(intentSchema.safeParse(parseIntent(x)).success).toBe(true);
});
