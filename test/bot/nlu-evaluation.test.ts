import evaluationSet from './nlu-evaluation.json';
import { evaluateNlu, type NluReport } from './nlu-evaluation';

/** Every question issue 18's "Why" section says the bot failed, as people typed them. */
const WHY = [
  "what's happening at hill top",
  'Any schools I should worry about?',
  'show me the dashboard',
  'when is the next AIM for Riverside?',
  'has Northgate sent its papers?',
  'what actions are overdue across the trust',
  "who chairs Kingsmead's meetings?",
  'what did the last meeting at Castle View decide?',
  'is willow bank improving?',
  'thanks',
  'what do I owe',
  "when's my next meeting",
  'next meetings',
];

let report: NluReport;
beforeAll(async () => {
  report = await evaluateNlu();
}, 60_000);

test('the evaluation set has at least 150 utterances, every question of the issue among them', () => {
  expect(report.utterances).toBeGreaterThanOrEqual(150);
  const texts = evaluationSet.utterances.map((u) => u.text);
  expect(WHY.filter((q) => !texts.includes(q))).toEqual([]);
});

test('the evaluation set is held apart from the training corpus: no utterance, masked, is a training example', () => {
  expect(report.inCorpus).toEqual([]);
});

test('intents are understood at 95% or better, and every question of the issue is among them', () => {
  const missedWhy = report.confusions.flatMap((c) => c.examples.filter((e) => WHY.includes(e)));
  expect(missedWhy).toEqual([]);
  // Below the target, the failure lists what was confused with what.
  expect(report.intentAccuracy >= report.target ? [] : report.confusions).toEqual([]);
  expect(report.intentAccuracy).toBeGreaterThanOrEqual(report.target);
});

test('entities (academies, people and roles, meeting kinds, dates, KPIs) are found at 95% or better', () => {
  expect(report.entityMisses.filter((m) => WHY.includes(m.text))).toEqual([]);
  expect(report.entityAccuracy >= report.target ? [] : report.entityMisses).toEqual([]);
  expect(report.entityAccuracy).toBeGreaterThanOrEqual(report.target);
});
