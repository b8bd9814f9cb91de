import Fuse from 'fuse.js';
import type { ChatToken } from './chat-text';

/** Someone the viewer may see (the session's name directory), as chat needs them. */
export interface NamedPerson {
  id: string;
  name: string;
}

const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'sir', 'dame']);
const nameWords = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z' -]+/g, ' ')
    .split(/[\s-]+/)
    .map((w) => w.replace(/'/g, ''))
    .filter((w) => w && !TITLES.has(w));

/** A surname typed with one slip ("Daniel Hughs") still names the person; closer than this, fuse.js scores. */
const FUZZY_NAME = 0.2;

/**
 * Finds a person named in full ("what's overdue for Daniel Hughes"), among the people the viewer may
 * see, so a name from another school is never recognised for them. A first name alone is not enough:
 * too many people share one.
 */
export function createPersonFinder(people: readonly NamedPerson[]) {
  const entries = people.map((p) => ({ person: p, key: nameWords(p.name).join(' ') })).filter((e) => e.key.includes(' '));
  const exact = new Map(entries.map((e) => [e.key, e.person]));
  const fuse = new Fuse(entries, { keys: ['key'], includeScore: true, threshold: FUZZY_NAME, ignoreLocation: false });
  return function find(tokens: readonly ChatToken[]): { from: number; to: number; person: NamedPerson } | undefined {
    for (let from = 0; from < tokens.length; from++) {
      for (const n of [3, 2]) {
        if (from + n > tokens.length) continue;
        const key = tokens
          .slice(from, from + n)
          .map((t) => t.bare)
          .filter((w) => !TITLES.has(w))
          .join(' ');
        if (!key.includes(' ')) continue;
        const hit =
          exact.get(key) ??
          fuse.search(key, { limit: 1 }).find((r) => (r.score ?? 1) <= FUZZY_NAME && r.item.key.split(' ').length === key.split(' ').length)
            ?.item.person;
        if (hit) return { from, to: from + n, person: hit };
      }
    }
    return undefined;
  };
}
