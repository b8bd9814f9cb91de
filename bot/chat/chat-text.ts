/** The longest chat text the bot reads; beyond it a message is not a question about a school. */
export const MAX_CHAT_CHARS = 500;

/**
 * Chat text as the bot reads it: any value (Teams sends HTML with `<at>` mentions; the Playground
 * sends plain text; a bad client may send nothing or an object) becomes a short, lower-case line
 * of words. Apostrophes stay (possessives: "Kingsmead's head"), and a slash between digits stays
 * so chrono-node still reads "3/12" as a date. Never throws.
 */
export function normaliseChatText(input: unknown): string {
  if (typeof input !== 'string') return '';
  return (
    input
      .slice(0, 4 * MAX_CHAT_CHARS)
      .replace(/<at>[^<]*<\/at>/gi, ' ') // the bot's own @mention in channels
      .replace(/<[^>]{0,200}>/g, ' ')
      .replace(/&nbsp;|&amp;|&lt;|&gt;|&quot;|&#39;/g, ' ')
      .normalize('NFKC')
      .replace(/[\u2018\u2019`´]/g, "'")
      .toLowerCase()
      // NUL stands in for a date's slash while punctuation is stripped (no chat text can hold one: it is replaced first).
      // eslint-disable-next-line no-control-regex
      .replace(/\u0000/g, ' ')
      .replace(/(\d)\/(?=\d)/g, '$1\u0000') // keep "3/12"
      // eslint-disable-next-line no-control-regex
      .replace(/[^\p{L}\p{N}'\u0000 ]+/gu, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/\u0000/g, '/')
      .replace(/(^|\s)'+|'+(?=\s|$)/g, '$1') // quotes around words, not apostrophes inside them
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_CHAT_CHARS)
  );
}

/** One word of a message, where it stands in the normalised text, and the word without a possessive ("kingsmead's" → "kingsmead"). */
export interface ChatToken {
  text: string;
  bare: string;
  start: number;
  end: number;
}

/** The words of normalised chat text, with their offsets (entity extractors report character spans). */
export function chatTokens(normalised: string): ChatToken[] {
  const tokens: ChatToken[] = [];
  for (const m of normalised.matchAll(/\S+/g)) {
    const text = m[0];
    tokens.push({ text, bare: text.replace(/'s$|'$/, '').replace(/'/g, ''), start: m.index, end: m.index + text.length });
  }
  return tokens;
}

// Contractions as people type them, with and without the apostrophe ("whats", "hasnt"), to the words
// they stand for, so "what's", "whats" and "what is" are one question to the classifier.
const CONTRACTIONS: [RegExp, string][] = [
  [/\b(what|who|when|where|how|that|there|it|here)'?s\b/g, '$1 is'],
  [/\b(has|have|is|are|was|were|do|does|did|had|should|could|would)n'?t\b/g, '$1 not'],
  [/\bcan'?t\b/g, 'cannot'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bi'm\b|\bim\b/g, 'i am'],
  [/\b(i|we|you|they)'ve\b/g, '$1 have'],
  [/\b(i|we|you|they)'ll\b/g, '$1 will'],
  [/\b(we|you|they)'re\b/g, '$1 are'],
  [/\bi'd\b/g, 'i would'],
];

/** Normalised chat text with contractions spelt out: what the intent classifier reads (and is trained on). */
export function expandContractions(normalised: string): string {
  let s = normalised;
  for (const [from, to] of CONTRACTIONS) s = s.replace(from, to);
  return s;
}
