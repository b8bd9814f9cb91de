/**
 * The little of NLP.js (github.com/axa-group/nlp.js, v4) the bot uses. The packages ship no
 * TypeScript types; these name the calls `language-model.ts` makes, as NLP.js's own docs show them
 * (`containerBootstrap`, `container.use(Nlp)`, `nlp.addDocument`, `nlp.train`, `nlp.process`,
 * `nlp.addNerRuleOptionTexts`, `nlp.extractEntities`).
 */
declare module '@nlpjs/core' {
  export interface NlpjsContainer {
    use(plugin: unknown): void;
    get(name: string): any;
  }
  export function containerBootstrap(settings?: object): Promise<NlpjsContainer>;
}

declare module '@nlpjs/nlp' {
  export const Nlp: unknown;
}

declare module '@nlpjs/lang-en' {
  export const LangEn: unknown;
}
