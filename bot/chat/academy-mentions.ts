import { createAcademyMatcher, type NamedAcademy } from './academy-matcher';
import type { ChatToken } from './chat-text';

/** An academy named in a message, by the tokens [`from`, `to`) that name it. */
export interface AcademyMention<A extends NamedAcademy> {
  from: number;
  to: number;
  match: { kind: 'one'; academy: A } | { kind: 'several'; candidates: A[] };
  score: number;
  exact: boolean;
}

/** Longest run of words read as one academy's name ("St Mary's CE Primary Academy"). */
const MAX_WORDS = 5;
/** Fuse.js scores (0 exact … 1 unrelated) good enough to take a span as a typed name: stricter for one word. */
const FUZZY_ONE_WORD = 0.3;
const FUZZY_WORDS = 0.35;
const EXACT_PART = 0.05;
// Words that never start or end a school's name ("how is *at* hill top"); "st" and "saint" do start one.
const EDGE_WORDS = new Set([
  'the',
  'a',
  'an',
  'at',
  'of',
  'for',
  'in',
  'on',
  'to',
  'from',
  'by',
  'with',
  'about',
  'and',
  'or',
  'is',
  'are',
  'was',
  'its',
  'it',
  'our',
  'my',
  'their',
  'this',
  'that',
]);

/**
 * Finds the academies a message names, among the trust's own (`academyNames()`), with fuse.js
 * behind `createAcademyMatcher` for typos and partial names. It never makes a name out of the other
 * words of a question: a run of words is a name only when it matches one, and a word the corpus or
 * the lexicon uses ("happening", "top", "view") can be part of a name but never a fuzzy name alone.
 * So "what's happening at hill top" finds Hill Top, and "when's my next meeting" finds nothing.
 */
export function createAcademyFinder<A extends NamedAcademy>(academies: readonly A[], commonWords: ReadonlySet<string>) {
  const match = createAcademyMatcher(academies);
  return function find(tokens: readonly ChatToken[], claimed: ReadonlySet<number> = new Set()): AcademyMention<A>[] {
    const found: AcademyMention<A>[] = [];
    for (let from = 0; from < tokens.length; from++) {
      for (let to = from + 1; to <= Math.min(tokens.length, from + MAX_WORDS); to++) {
        const span = tokens.slice(from, to);
        if (span.some((_, i) => claimed.has(from + i))) break;
        const first = span[0]!.bare;
        const last = span.at(-1)!.bare;
        if (EDGE_WORDS.has(first) || EDGE_WORDS.has(last)) continue;
        // The last word may carry the possessive ("Kingsmead's meetings"); the words before it as typed.
        const words = [...span.slice(0, -1).map((t) => t.text), last].join(' ');
        const r = match(words);
        if (r.kind === 'none') continue;
        const uncommon = span.filter((t) => !commonWords.has(t.bare));
        if (r.exact) {
          // A short name on its own ("BLA", "SMA") counts only when it is not also an ordinary word.
          if (span.length === 1 && (last.length < 3 || (last.length <= 4 && commonWords.has(last)))) continue;
        } else {
          if (uncommon.length === 0) continue;
          // One short word must be part of a name as typed ("hill"): "hall" is not a typo of it.
          if (
            span.length === 1
              ? last.length < 4 || r.score > (last.length < 5 ? EXACT_PART : FUZZY_ONE_WORD)
              : r.score > FUZZY_WORDS || uncommon.length < span.length - 1
          )
            continue;
        }
        found.push({
          from,
          to,
          match: r.kind === 'one' ? { kind: 'one', academy: r.academy } : { kind: 'several', candidates: r.candidates },
          score: r.score,
          exact: r.exact,
        });
      }
    }
    // Best first: names as typed, then closer fuzzy matches, then longer spans; no two overlap.
    found.sort((a, b) => Number(b.exact) - Number(a.exact) || a.score - b.score || b.to - b.from - (a.to - a.from) || a.from - b.from);
    const chosen: AcademyMention<A>[] = [];
    for (const m of found) if (!chosen.some((c) => m.from < c.to && c.from < m.to)) chosen.push(m);
    return chosen.sort((a, b) => a.from - b.from);
  };
}
