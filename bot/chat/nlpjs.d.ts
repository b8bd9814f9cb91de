/**
 * The little of NLP.js (github.com/axa-group/nlp.js, v4) the bot uses. The packages ship no
 * TypeScript types; these name the calls `language-model.ts` makes, as NLP.js's own docs show them
 * (`containerBootstrap`, `container.use(Nlp)`, `nlp.addDocument`, `nlp.train`, `nlp.process`,
 * `nlp.addNerRuleOptionTexts`, `nlp.extractEntities`).
 */
declare module '@nlpjs/core' {
  /** The `nlp` plugin's instance, as far as the bot uses it. */
  export interface NlpjsNlp {
    settings: { autoSave: boolean; autoLoad: boolean; calculateSentiment: boolean };
    nluManager: { settings: { log: boolean } };
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    addNerRuleOptionTexts(locale: string, entity: string, option: string, texts: readonly string[]): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<{ classifications?: unknown[] }>;
    extractEntities(locale: string, utterance: string): Promise<{ entities?: unknown[] }>;
  }
  export interface NlpjsContainer {
    use(plugin: unknown): void;
    get(name: 'nlp'): NlpjsNlp;
  }
  export function containerBootstrap(settings?: object): Promise<NlpjsContainer>;
}

declare module '@nlpjs/nlp' {
  export const Nlp: unknown;
}

declare module '@nlpjs/lang-en' {
  export const LangEn: unknown;
}
