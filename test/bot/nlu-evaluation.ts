import { z } from 'zod';
import { CORPUS } from '../../bot/chat/corpus';
import { INTENTS, INTENT_SLOTS, type Entities, type IntentName } from '../../bot/chat/intents';
import { languageModel, maskTemplate } from '../../bot/chat/language-model';
import { slotsOf, understand } from '../../bot/chat/understand';
import evaluationSet from './nlu-evaluation.json';
import unseenSet from './nlu-unseen.json';
import { demoChatVocabulary } from './nlu-vocabulary';

const answered: IntentName[] = [...INTENTS.flatMap((i) => (i === 'out-of-scope' ? [] : [i])), 'unknown'];
const intentName = z.custom<IntentName>((v) => answered.includes(v as IntentName), { message: 'not an intent' });
const evaluationSchema = z.object({
  today: z.string(),
  target: z.number().min(0).max(1),
  utterances: z
    .array(z.object({ text: z.string().min(1), intent: intentName, entities: z.record(z.string(), z.string()).optional() }))
    .min(1),
});

/** Entities as the evaluation set writes them: `academy: "hill-top"`, `date: "2026-11-23..2026-11-29"`, `person: "me"`. */
export function flatEntities(e: Entities): Record<string, string> {
  const out: Record<string, string> = {};
  if (e.academy)
    out.academy =
      e.academy.kind === 'one'
        ? e.academy.id
        : `several:${e.academy.candidates
            .map((c) => c.id)
            .sort()
            .join(',')}`;
  if (e.rag) out.rag = e.rag;
  if (e.role) out.role = e.role;
  if (e.kind) out.kind = e.kind;
  if (e.kpi) out.kpi = e.kpi.key;
  if (e.date) out.date = `${e.date.from}..${e.date.to}`;
  if (e.person) out.person = e.person.kind === 'me' ? 'me' : e.person.id;
  return out;
}

const quantile = (xs: readonly number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
const same = (a: Record<string, string>, b: Record<string, string>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

export interface NluReport {
  utterances: number;
  target: number;
  intentAccuracy: number;
  entityAccuracy: number;
  /** Per kind of entity: utterances where it was expected or found, and how many of those were right. */
  perSlot: Record<string, { right: number; of: number }>;
  /** Expected → understood, with how often, worst first. */
  confusions: { expected: IntentName; got: IntentName; count: number; examples: string[] }[];
  entityMisses: { text: string; expected: Record<string, string>; got: Record<string, string> }[];
  /** Evaluation utterances that, masked, are a training example too (the set must be held apart: 0). */
  inCorpus: string[];
  trainedInMs: number;
  /** Time to read one message, in milliseconds. */
  latency: { p50: number; p95: number };
}

/**
 * Runs a held-apart set through `understand` with the demo trust's vocabulary, and scores intents
 * and entities separately: an utterance's entities are right when those its expected intent reads
 * are exactly the expected ones, whatever intent was chosen. `evaluation` is the set the corpus was
 * measured against (`nlu-evaluation.json`); `unseen` was written after the corpus was last changed.
 */
export async function evaluateNlu(which: 'evaluation' | 'unseen' = 'evaluation'): Promise<NluReport> {
  const set = evaluationSchema.parse(which === 'evaluation' ? evaluationSet : unseenSet);
  const vocabulary = demoChatVocabulary(set.today);
  const model = await languageModel();
  const corpus = new Set(CORPUS.flatMap((f) => f.utterances.map(maskTemplate)));
  const confusions = new Map<string, NluReport['confusions'][number]>();
  const perSlot: NluReport['perSlot'] = {};
  const entityMisses: NluReport['entityMisses'] = [];
  const inCorpus: string[] = [];
  let intentsRight = 0;
  let entitiesRight = 0;
  const times: number[] = [];
  for (const item of set.utterances) {
    const t0 = performance.now();
    const u = await understand(item.text, vocabulary);
    times.push(performance.now() - t0);
    if (corpus.has(u.masked)) inCorpus.push(item.text);
    if (u.intent === item.intent) intentsRight++;
    else {
      const key = `${item.intent}→${u.intent}`;
      const c = confusions.get(key) ?? { expected: item.intent, got: u.intent, count: 0, examples: [] };
      c.count++;
      if (c.examples.length < 3) c.examples.push(item.text);
      confusions.set(key, c);
    }
    const expected = item.entities ?? {};
    const got = flatEntities(slotsOf(item.intent, u.found));
    if (same(expected, got)) entitiesRight++;
    else entityMisses.push({ text: item.text, expected, got });
    for (const slot of INTENT_SLOTS[item.intent]) {
      if (expected[slot] === undefined && got[slot] === undefined) continue;
      const s = (perSlot[slot] ??= { right: 0, of: 0 });
      s.of++;
      if (expected[slot] === got[slot]) s.right++;
    }
  }
  const n = set.utterances.length;
  return {
    utterances: n,
    target: set.target,
    intentAccuracy: intentsRight / n,
    entityAccuracy: entitiesRight / n,
    perSlot,
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count),
    entityMisses,
    inCorpus,
    trainedInMs: model.trainedInMs,
    latency: { p50: quantile(times, 0.5), p95: quantile(times, 0.95) },
  };
}
