import type { Phase } from './academy';
import { GRADE_LABELS, type Grade, type OfstedGrade } from './grades';
import { localDateSchema, type LocalDate } from './local-date';
import type { Role } from './people';
import { ROLE_LABELS } from './role-labels';

/*
 * Reading one spreadsheet cell into a domain value, the way UK schools write them: dates as
 * dd/mm/yyyy, "RI" for Requires Improvement, "£1,750" for a budget. Each parser says what it
 * expected when it cannot read the cell.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Lower case, "&" as "and", no punctuation, single spaces: "St. Mary's C of E" → "st marys c of e". */
export const normaliseKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A stable id from text: "Oakfield Primary Academy" → "oakfield-primary-academy". */
export const slugOf = (s: string): string => normaliseKey(s).replace(/ /g, '-').slice(0, 80).replace(/-+$/, '');

/** A date as UK spreadsheets give it (dd/mm/yyyy, also with - or .) or as ISO (yyyy-mm-dd). */
export function parseUkDate(s: string): Parsed<LocalDate> {
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(s);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T00:00(?::00(?:\.0+)?)?Z?)?$/.exec(s);
  let y: string, m: string, d: string;
  if (uk) {
    [, d, m, y] = uk as unknown as [string, string, string, string];
    if (y.length !== 4) return bad('write the year in full, as dd/mm/yyyy (e.g. 15/03/2023)');
  } else if (iso) [, y, m, d] = iso as unknown as [string, string, string, string];
  else return bad('not a date: use dd/mm/yyyy (e.g. 15/03/2023) or yyyy-mm-dd');
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return localDateSchema.safeParse(date).success ? ok(date) : bad('not a real calendar date (dd/mm/yyyy)');
}

const OFSTED: Record<string, OfstedGrade> = {
  outstanding: 'outstanding',
  '1': 'outstanding',
  good: 'good',
  '2': 'good',
  'requires improvement': 'requires-improvement',
  ri: 'requires-improvement',
  '3': 'requires-improvement',
  satisfactory: 'requires-improvement', // Ofsted's grade 3 before 2012
  inadequate: 'inadequate',
  '4': 'inadequate',
  'special measures': 'inadequate',
  'serious weaknesses': 'inadequate',
  'not inspected': 'not-inspected',
  'not yet inspected': 'not-inspected',
  none: 'not-inspected',
  new: 'not-inspected',
};

/** Outstanding / Good / Requires Improvement (RI) / Inadequate, or 1–4; "not yet inspected" where allowed. */
export function parseOfstedGrade(s: string, allowNotInspected = true): Parsed<OfstedGrade> {
  const g = OFSTED[normaliseKey(s)];
  if (g && (allowNotInspected || g !== 'not-inspected')) return ok(g);
  const allowed = Object.entries(GRADE_LABELS)
    .filter(([k]) => allowNotInspected || k !== 'not-inspected')
    .map(([, v]) => v);
  return bad(`not an Ofsted grade: use ${allowed.join(', ')} (or 1–4)`);
}

export const parseGrade = (s: string): Parsed<Grade> => parseOfstedGrade(s, false) as Parsed<Grade>;

const PHASES: Record<string, Phase> = {
  primary: 'primary',
  secondary: 'secondary',
  'all through': 'all-through',
  allthrough: 'all-through',
  through: 'all-through',
  special: 'special',
  'special school': 'special',
};

export function parsePhase(s: string): Parsed<Phase> {
  const p = PHASES[normaliseKey(s)];
  return p ? ok(p) : bad('not a phase: use Primary, Secondary, All-through or Special');
}

export function parseRiskBand(s: string): Parsed<'low' | 'medium' | 'high'> {
  const k = normaliseKey(s);
  return k === 'low' || k === 'medium' || k === 'high' ? ok(k) : bad('not a risk band: use Low, Medium or High');
}

export function parseYesNo(s: string): Parsed<boolean> {
  const k = normaliseKey(s);
  if (['yes', 'y', 'true', '1'].includes(k)) return ok(true);
  if (['no', 'n', 'false', '0'].includes(k)) return ok(false);
  return bad('use Yes or No');
}

/** "£1,750", "1750.00" or "1750" pounds → pence. */
export function parsePounds(s: string): Parsed<number> {
  const m = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(s.trim());
  if (!m) return bad('not an amount in pounds (e.g. £1,750 or 1750.00)');
  return ok(Number(m[1]!.replace(/,/g, '')) * 100 + Number((m[2] ?? '0').padEnd(2, '0')));
}

/** Other names trusts use for the domain's roles (the domain's own labels and ids always work). */
const ROLE_SYNONYMS: Record<string, Role> = {
  head: 'head',
  'head teacher': 'head',
  headteacher: 'head',
  'head of school': 'head',
  'executive head': 'head',
  'executive headteacher': 'head',
  principal: 'head',
  'chair of governors': 'chair-lgb',
  'chair of the lgb': 'chair-lgb',
  'chair of the local governing body': 'chair-lgb',
  'chair of the local governing board': 'chair-lgb',
  'chair of lab': 'chair-lgb',
  chair: 'chair-lgb',
  'lgb member': 'governor',
  'local governor': 'governor',
  'lab member': 'governor',
  ceo: 'ceo',
  'chief executive officer': 'ceo',
  aid: 'improvement-director',
  'academy improvement director': 'improvement-director',
  'school improvement director': 'improvement-director',
  'si director': 'improvement-director',
  ssio: 'improvement-director',
  'trust admin': 'trust-admin',
  'trust administrator': 'trust-admin',
  trustee: 'board',
  board: 'board',
  'standards committee': 'board',
};

/** A role by its label ("Headteacher", "Chair of LGB"), its id ("chair-lgb") or a common other name. */
export function parseRole(s: string): Parsed<Role> {
  const k = normaliseKey(s);
  for (const [id, label] of Object.entries(ROLE_LABELS) as [Role, string][]) {
    if (k === normaliseKey(id.replace(/-/g, ' ')) || k === normaliseKey(label)) return ok(id);
  }
  const syn = ROLE_SYNONYMS[k];
  return syn ? ok(syn) : bad(`not a role: use one of ${Object.values(ROLE_LABELS).join(', ')}`);
}

/** Several values in one cell, separated by semicolons ("Oakfield; OPA"). */
export const splitList = (s: string): string[] =>
  s
    .split(/[;|]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const looksLikeEmail = (s: string): boolean => EMAIL.test(s);

/** An Entra object id is a GUID. */
export const looksLikeGuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** An academy's URN (DfE unique reference number): six digits (a few older ones have seven). */
export const looksLikeUrn = (s: string): boolean => /^\d{6,7}$/.test(s);
