import Fuse from 'fuse.js';

export interface NamedAcademy {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** What a name matched: `score` is fuse.js's (0 exact … 1 nothing alike); `exact` when a name, short name, id or initials matched as typed. */
export type AcademyMatch<A extends NamedAcademy> =
  | { kind: 'one'; academy: A; score: number; exact: boolean }
  | { kind: 'several'; candidates: A[]; score: number; exact: boolean }
  | { kind: 'none' };

/** Words that say nothing about which school ("Primary", "Academy", "CE") and spellings of "Saint". */
const NOISE = new Set([
  'academy',
  'school',
  'primary',
  'secondary',
  'the',
  'ce',
  'c of e',
  'church',
  'of',
  'england',
  'all',
  'through',
  'special',
  'junior',
  'infant',
  'infants',
  'trust',
]);

/** A name as people type it: lower case, "Saint" → "st", apostrophes and punctuation gone, noise words dropped. */
export function normaliseAcademyName(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’`]s\b/g, 's')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\bsaint\b|\bst\b\.?/g, 'st')
    .split(/\s+/)
    .filter((w) => w && !NOISE.has(w))
    .join(' ');
}

/** Initials of a name ("Brook Lane Academy" → "bla"), as heads abbreviate schools. */
export const initialsOf = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0])
    .join('');

/** How much closer the best match must be than the next for the bot not to ask (Fuse scores: 0 exact, 1 none). */
const CLEAR_LEAD = 0.15;
const THRESHOLD = 0.4;

/**
 * Matches what a person typed to an academy: exact names, aliases and initials first, then fuzzy
 * (fuse.js) on the normalised names for typos and partial names. Two close matches come back as
 * `several`, so the bot asks with buttons rather than guess.
 */
export function createAcademyMatcher<A extends NamedAcademy>(academies: readonly A[]) {
  const entries = academies.flatMap((a) =>
    [a.name, ...a.aliases].map((n) => ({ academy: a, key: normaliseAcademyName(n) })).filter((e) => e.key !== ''),
  );
  const exact = new Map<string, A[]>();
  const add = (k: string, a: A) => {
    const list = exact.get(k) ?? [];
    if (!list.includes(a)) list.push(a);
    exact.set(k, list);
  };
  for (const e of entries) add(e.key, e.academy);
  for (const a of academies) {
    add(a.id.replace(/-/g, ' '), a);
    add(initialsOf(a.name), a);
    for (const al of a.aliases) if (/^[A-Z]{2,5}$/.test(al)) add(al.toLowerCase(), a);
  }
  const fuse = new Fuse(entries, { keys: ['key'], includeScore: true, threshold: THRESHOLD, ignoreLocation: true, minMatchCharLength: 2 });

  return function match(query: string): AcademyMatch<A> {
    const q = normaliseAcademyName(query.slice(0, 200));
    if (q.length < 2) return { kind: 'none' };
    const hit = exact.get(q) ?? exact.get(q.replace(/ /g, ''));
    if (hit && hit.length === 1) return { kind: 'one', academy: hit[0]!, score: 0, exact: true };
    if (hit && hit.length > 1) return { kind: 'several', candidates: hit, score: 0, exact: true };
    const best = new Map<A, number>();
    for (const r of fuse.search(q, { limit: 20 })) {
      const s = r.score ?? 1;
      if (!best.has(r.item.academy) || best.get(r.item.academy)! > s) best.set(r.item.academy, s);
    }
    const ranked = [...best.entries()].sort((a, b) => a[1] - b[1]);
    if (ranked.length === 0) return { kind: 'none' };
    const [first, ...others] = ranked;
    const close = others.filter(([, s]) => s - first![1] < CLEAR_LEAD);
    if (close.length === 0) return { kind: 'one', academy: first![0], score: first![1], exact: false };
    return { kind: 'several', candidates: [first![0], ...close.map(([a]) => a)].slice(0, 5), score: first![1], exact: false };
  };
}
