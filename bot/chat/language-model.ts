import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en';
import { Nlp } from '@nlpjs/nlp';
import { CORPUS, LEXICON } from './corpus';
import { chatTokens, expandContractions, normaliseChatText } from './chat-text';
import type { TrainedIntent } from './intents';

/**
 * The words that stand for entities when the classifier sees a message (and a training example):
 * "how is {academy} doing" and "how is Hill Top doing" are both "how is zacademyz doing", so the
 * model learns the question, never one trust's school names. Each is one token no English word is.
 */
export const MASKS = { academy: 'zacademyz', date: 'zdatez', kind: 'zkindz', person: 'zpersonz', kpi: 'zkpiz' } as const;
export type MaskedSlot = keyof typeof MASKS;

/** A training utterance as the classifier sees it: placeholders masked, then normalised as chat text is, contractions spelt out. */
export const maskTemplate = (utterance: string): string =>
  expandContractions(
    normaliseChatText(utterance.replace(/\{(academy|date|kind|person|kpi)\}/g, (_m, slot: MaskedSlot) => ` ${MASKS[slot]} `)),
  );

/** A role, RAG level or KPI the named-entity rules found, with its character span in the normalised text. */
export interface LexiconMention {
  entity: 'role' | 'rag' | 'kpi';
  option: string;
  start: number;
  end: number;
  /** NLP.js's similarity (1 = as written; lower for a typo such as "govenors"). */
  accuracy: number;
}

export interface LanguageModel {
  /** Intents ranked by the classifier's score (0–1), best first, for a masked message. */
  classify(masked: string): Promise<{ intent: TrainedIntent | 'None'; score: number }[]>;
  /** Roles, RAG words and KPIs in a normalised message. */
  lexiconMentions(text: string): Promise<LexiconMention[]>;
  /** Words the corpus and the lexicon use: never an academy's name on their own. */
  commonWords: ReadonlySet<string>;
  /** How long training took in this process, in milliseconds (measured, reported by `npm run bench -- nlu`). */
  trainedInMs: number;
}

/**
 * Trains NLP.js (`@nlpjs/nlp` with `@nlpjs/lang-en`: a small neural classifier over stemmed
 * words, and fuzzy named-entity rules) from the corpus in `corpus/`. Everything is in memory:
 * `autoSave`/`autoLoad` off (NLP.js would otherwise write `model.nlp`), no sentiment, nothing
 * fetched. Training takes a few hundred milliseconds, so it happens once per process, on the first
 * message (see `languageModel`), with no cached model to go stale beside the corpus.
 */
export async function trainLanguageModel(): Promise<LanguageModel> {
  const started = performance.now();
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangEn);
  const nlp = container.get('nlp');
  nlp.settings.autoSave = false;
  nlp.settings.autoLoad = false;
  nlp.settings.calculateSentiment = false;
  // NLP.js logs every training epoch to the console unless told not to.
  nlp.nluManager.settings.log = false;
  nlp.addLanguage('en');
  for (const file of CORPUS) for (const u of file.utterances) nlp.addDocument('en', maskTemplate(u), file.intent);
  for (const [role, texts] of Object.entries(LEXICON.roles)) nlp.addNerRuleOptionTexts('en', 'role', role, texts);
  for (const [level, texts] of Object.entries(LEXICON.rag)) nlp.addNerRuleOptionTexts('en', 'rag', level, texts);
  for (const [key, kpi] of Object.entries(LEXICON.kpis)) nlp.addNerRuleOptionTexts('en', 'kpi', key, kpi.say);
  await nlp.train();

  const commonWords = new Set<string>(LEXICON.commonWords);
  const masks = new Set<string>(Object.values(MASKS));
  for (const file of CORPUS)
    for (const u of file.utterances) for (const t of chatTokens(maskTemplate(u))) if (!masks.has(t.bare)) commonWords.add(t.bare);
  for (const texts of [...Object.values(LEXICON.roles), ...Object.values(LEXICON.kpis).map((k) => k.say)])
    for (const t of texts) for (const w of t.split(' ')) commonWords.add(w);

  return {
    trainedInMs: performance.now() - started,
    commonWords,
    async classify(masked) {
      const out = await nlp.process('en', masked);
      const ranked = ((out.classifications ?? []) as { intent: string; score: number }[]).map((c) => ({
        intent: c.intent as TrainedIntent | 'None',
        score: c.score,
      }));
      return ranked.sort((a, b) => b.score - a.score);
    },
    async lexiconMentions(text) {
      const out = await nlp.extractEntities('en', text);
      type Found = {
        entity: string;
        option: string;
        start: number;
        end: number;
        accuracy?: number;
        sourceText?: string;
        utteranceText?: string;
      };
      return (
        ((out.entities ?? []) as Found[])
          .filter((e): e is Found & { entity: LexiconMention['entity'] } => e.entity === 'role' || e.entity === 'rag' || e.entity === 'kpi')
          // NLP.js matches words fuzzily ("govenors"), but a number is never a typo: "making progress" is not "Progress 8".
          .filter((e) => !/\d/.test(e.sourceText ?? '') || /\d/.test(e.utteranceText ?? ''))
          .map((e) => ({ entity: e.entity, option: e.option, start: e.start, end: e.end + 1, accuracy: e.accuracy ?? 1 }))
      );
    },
  };
}

let trained: Promise<LanguageModel> | undefined;

/** The process's one trained model: trained on first use, shared by every session; a failed training is tried again next time. */
export function languageModel(): Promise<LanguageModel> {
  if (!trained) {
    trained = trainLanguageModel();
    trained.catch(() => {
      trained = undefined;
    });
  }
  return trained;
}
