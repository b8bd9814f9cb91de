import { evaluateNlu } from '../../bot/nlu-evaluation';
import { ms, type BenchRow } from '../measure';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Chat understanding (issue 18): the held-apart evaluation set (`test/bot/nlu-evaluation.json`)
 * through the trained NLP.js classifier and the entity extractors, against a target of 95%; the
 * confusions, each entity kind, training time at start-up and time to read one message.
 */
export async function nluBench(): Promise<BenchRow[]> {
  const r = await evaluateNlu();
  const rows: BenchRow[] = [
    {
      name: `NLU intent accuracy (${r.utterances} held-apart utterances)`,
      figure: pct(r.intentAccuracy),
      target: `≥ ${pct(r.target)}`,
      pass: r.intentAccuracy >= r.target,
    },
    {
      name: 'NLU entity accuracy (all expected entities right)',
      figure: pct(r.entityAccuracy),
      target: `≥ ${pct(r.target)}`,
      pass: r.entityAccuracy >= r.target,
    },
  ];
  for (const [slot, s] of Object.entries(r.perSlot).sort())
    rows.push({ name: `  entity: ${slot}`, figure: `${s.right} of ${s.of} (${pct(s.right / s.of)})`, target: 'reported', pass: true });
  for (const c of r.confusions)
    rows.push({
      name: `  confused: ${c.expected} → ${c.got}`,
      figure: `${c.count}× e.g. “${c.examples[0]}”`,
      target: 'reported',
      pass: true,
    });
  for (const m of r.entityMisses.slice(0, 10))
    rows.push({
      name: `  entity miss: “${m.text}”`,
      figure: `got ${JSON.stringify(m.got)}`,
      target: JSON.stringify(m.expected),
      pass: true,
    });
  rows.push(
    {
      name: 'NLU evaluation utterances found in the training corpus',
      figure: String(r.inCorpus.length),
      target: '0 (held apart)',
      pass: r.inCorpus.length === 0,
    },
    { name: 'NLU training at start-up (once per process)', figure: ms(r.trainedInMs), target: '< 2000 ms', pass: r.trainedInMs < 2000 },
    {
      name: 'NLU time to read one message',
      figure: `p50 ${ms(r.latency.p50)}, p95 ${ms(r.latency.p95)}`,
      target: 'p95 < 50 ms',
      pass: r.latency.p95 < 50,
    },
  );
  // Written after the corpus was last changed and never tuned on: how it does on questions it has not seen.
  const unseen = await evaluateNlu('unseen');
  rows.push(
    { name: `NLU on unseen questions (${unseen.utterances}), intents`, figure: pct(unseen.intentAccuracy), target: 'reported', pass: true },
    { name: 'NLU on unseen questions, entities', figure: pct(unseen.entityAccuracy), target: 'reported', pass: true },
  );
  for (const c of unseen.confusions)
    rows.push({
      name: `  unseen confused: ${c.expected} → ${c.got}`,
      figure: `${c.count}× e.g. “${c.examples[0]}”`,
      target: 'reported',
      pass: true,
    });
  for (const m of unseen.entityMisses)
    rows.push({
      name: `  unseen entity miss: “${m.text}”`,
      figure: `got ${JSON.stringify(m.got)}`,
      target: JSON.stringify(m.expected),
      pass: true,
    });
  return rows;
}
