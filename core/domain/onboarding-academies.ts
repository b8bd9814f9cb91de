import { academySchema, type Academy } from './academy';
import { matchRequest, requestOptions } from './academy-arrangements';
import { suggestStage } from './cadence';
import { GRADE_LABELS } from './grades';
import type { ImprovementModel } from './models/improvement-model.schema';
import { ACADEMY_COLUMNS, columnLabel, mapHeaders, type AcademyColumn } from './onboarding-columns';
import type { CsvTable } from './onboarding-csv';
import { fieldChanges, type RowPlan, type RowProblem } from './onboarding-plan';
import {
  looksLikeUrn,
  normaliseKey,
  parseGrade,
  parseOfstedGrade,
  parsePhase,
  parsePounds,
  parseRiskBand,
  parseUkDate,
  parseYesNo,
  slugOf,
  splitList,
  type Parsed,
} from './onboarding-values';

type StoredAcademy = Academy & { version: string };

/** The URN is kept among an academy's other names as "URN 123456" (the record has no URN field of its own yet). */
export const URN_ALIAS = /^URN (\d{6,7})$/;
export const urnAlias = (urn: string): string => `URN ${urn}`;
export const urnOf = (a: Pick<Academy, 'aliases'>): string | undefined =>
  a.aliases.map((x) => URN_ALIAS.exec(x)?.[1]).find((x) => x !== undefined);

/** Finds an academy by URN, id, name or other name, as a people file or an academies row refers to it. */
export function academyMatches(a: Pick<Academy, 'id' | 'name' | 'aliases'>, ref: string): boolean {
  const r = ref.trim();
  if (looksLikeUrn(r)) return urnOf(a) === r;
  const k = normaliseKey(r);
  return a.id === r || normaliseKey(a.name) === k || a.aliases.some((x) => !URN_ALIAS.test(x) && normaliseKey(x) === k);
}

const GENERIC_WORDS = new Set([
  'the',
  'academy',
  'school',
  'primary',
  'secondary',
  'infant',
  'junior',
  'ce',
  'c',
  'of',
  'e',
  'church',
  'england',
  'voluntary',
  'aided',
  'va',
  'community',
]);
/** A name without the words every school has: "St Mary's CE Primary Academy" → "st marys". */
export const coreName = (s: string): string =>
  normaliseKey(s)
    .split(' ')
    .filter((w) => !GENERIC_WORDS.has(w))
    .join(' ');

/** A looser match for people files that shorten names ("Ash Grove" for "Ash Grove Academy"); used only when exactly one academy fits. */
export function academyNearlyMatches(a: Pick<Academy, 'name' | 'aliases'>, ref: string): boolean {
  const k = coreName(ref);
  return k !== '' && [a.name, ...a.aliases.filter((x) => !URN_ALIAS.test(x))].some((n) => coreName(n) === k);
}

/** A director as the academies file may name them (by e-mail or id), found among existing and imported people. */
export type DirectorLookup = (ref: string) => { ok: true; id: string } | { ok: false; message: string };

export interface AcademyPlanContext {
  existing: readonly StoredAcademy[];
  model: ImprovementModel;
  findDirector: DirectorLookup;
  /** How a person id reads in a report (their e-mail). */
  personLabel: (id: string) => string;
}

const money = (pence: number): string =>
  `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const yesNo = (b: boolean): string => (b ? 'Yes' : 'No');

/** The fields an import manages, as the admin reads them (equal text = nothing to change). */
function shown(a: Academy, ctx: AcademyPlanContext): Record<string, string | undefined> {
  const stage = ctx.model.stages.find((s) => s.id === a.supportStage);
  return {
    Name: a.name,
    'Other names': a.aliases.join('; '),
    Phase: a.phase,
    'Ofsted grade': GRADE_LABELS[a.ofstedGrade],
    'Ofsted date': a.ofstedDate,
    'Self-evaluated grade': a.selfEvaluatedGrade ? GRADE_LABELS[a.selfEvaluatedGrade] : undefined,
    Stage: stage?.label ?? a.supportStage,
    'Risk band': a.riskBand,
    'Improvement director': ctx.personLabel(a.improvementDirectorId),
    'In Ofsted window': yesNo(a.inOfstedWindow),
    Sponsored: yesNo(a.sponsored),
    'Improvement budget': money(a.improvementBudgetPence),
    'Asked for': a.requests.map((r) => requestOptions(ctx.model).find((o) => o.id === r)?.label ?? r).join('; ') || undefined,
  };
}

/** "iAIMs; 2-day QA review" as the model's requests; "None" asks for nothing (a blank cell keeps what the academy has). */
function parseRequests(model: ImprovementModel, s: string): { ok: true; value: string[] } | { ok: false; message: string } {
  if (/^(none|no|-)$/i.test(s.trim())) return { ok: true, value: [] };
  const value: string[] = [];
  for (const part of splitList(s)) {
    const found = matchRequest(model, part);
    if (!found) {
      const options = requestOptions(model).map((o) => o.label);
      return {
        ok: false,
        message: options.length
          ? `“${part}” is not something an academy may ask for under the trust’s model: use ${options.join(', ')} or None`
          : 'the trust’s model has nothing an academy may ask for: leave it blank',
      };
    }
    if (!value.includes(found.id)) value.push(found.id);
  }
  return { ok: true, value };
}

/** An academy row of the file, checked and turned into the academy it describes. */
interface AcademyRowResult {
  row: number;
  label: string;
  urn?: string;
  problems: RowProblem[];
  existing?: StoredAcademy;
  value?: Academy;
}

/**
 * Plans the academies file: each row is matched to an academy by URN (else by name), checked cell by
 * cell and against the domain's schema, and becomes a create, an update (only the cells that are
 * filled in change anything), unchanged, or rejected with every problem named.
 */
export function planAcademyRows(table: CsvTable, ctx: AcademyPlanContext): RowPlan[] {
  const map = mapHeaders(table.headers, ACADEMY_COLUMNS);
  const col = (f: AcademyColumn) => columnLabel(f, ACADEMY_COLUMNS, table.headers, map);
  const seen = new Map<string, number>();
  const takenIds = new Set(ctx.existing.map((a) => a.id));
  const results: AcademyRowResult[] = [];

  for (const { row, cells } of table.rows) {
    const cell = (f: AcademyColumn): string => {
      const i = map.index.get(f);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const problems: RowProblem[] = [];
    const problem = (f: AcademyColumn, message: string) => problems.push({ row, column: col(f), message, value: cell(f) });
    /** A filled-in cell read with its parser, or undefined (and a problem) when it cannot be read. */
    const read = <T>(f: AcademyColumn, parser: (s: string) => Parsed<T>): T | undefined => {
      const raw = cell(f);
      if (raw === '') return undefined;
      const p = parser(raw);
      if (!p.ok) {
        problem(f, p.message);
        return undefined;
      }
      return p.value;
    };

    const name = cell('name');
    const urn = cell('urn');
    if (name === '') problem('name', 'required: the academy’s name');
    if (urn !== '' && !looksLikeUrn(urn))
      problem('urn', 'a URN is the six-digit number the DfE gives the school (see Get Information about Schools)');
    const urnOk = urn !== '' && looksLikeUrn(urn);

    // The same academy twice in one file would be written twice: the first row wins.
    const key = urnOk ? `urn:${urn}` : `name:${normaliseKey(name)}`;
    const earlier = seen.get(key);
    if (name !== '' && earlier !== undefined) problem(urnOk ? 'urn' : 'name', `the same academy is already in row ${earlier}`);
    else if (name !== '') seen.set(key, row);

    // By URN; else by name, but never an academy that already has a different URN (two schools may share a name).
    const existing = urnOk
      ? (ctx.existing.find((a) => urnOf(a) === urn) ?? ctx.existing.find((a) => urnOf(a) === undefined && academyMatches(a, name)))
      : name !== ''
        ? ctx.existing.find((a) => academyMatches(a, name))
        : undefined;

    const phase = read('phase', parsePhase);
    const ofstedGrade = read('ofstedGrade', parseOfstedGrade);
    const ofstedDate = read('ofstedDate', parseUkDate);
    const selfEvaluatedGrade = read('selfEvaluatedGrade', parseGrade);
    const riskBand = read('riskBand', parseRiskBand);
    const inOfstedWindow = read('inOfstedWindow', parseYesNo);
    const sponsored = read('sponsored', parseYesNo);
    const budget = read('improvementBudget', parsePounds);
    const requests = read('requests', (x) => parseRequests(ctx.model, x));
    const stage = read('supportStage', (s) => {
      const k = normaliseKey(s);
      const found = ctx.model.stages.find((x) => normaliseKey(x.id) === k || normaliseKey(x.label) === k);
      return found
        ? { ok: true, value: found.id }
        : { ok: false, message: `not a stage of the trust’s model: use ${ctx.model.stages.map((x) => x.label).join(', ')}` };
    });
    const director = read('improvementDirector', (s) => {
      const d = ctx.findDirector(s);
      return d.ok ? { ok: true, value: d.id } : d;
    });

    if (!existing && earlier === undefined) {
      if (phase === undefined && cell('phase') === '')
        problem('phase', 'required for a new academy: Primary, Secondary, All-through or Special');
      if (director === undefined && cell('improvementDirector') === '')
        problem('improvementDirector', 'required for a new academy: the improvement director’s e-mail');
    }
    if (problems.length > 0) {
      results.push({ row, label: name || `row ${row}`, problems, ...(urnOk ? { urn } : {}) });
      continue;
    }

    const listed =
      map.index.has('aliases') && cell('aliases') !== '' ? splitList(cell('aliases')).filter((x) => !URN_ALIAS.test(x)) : undefined;
    const keptAliases = listed ?? existing?.aliases.filter((x) => !URN_ALIAS.test(x)) ?? [];
    const knownUrn = urnOk ? urn : existing ? urnOf(existing) : undefined;
    const aliases = [...keptAliases, ...(knownUrn ? [urnAlias(knownUrn)] : [])];

    let value: Academy;
    if (existing) {
      const { version: _v, ...current } = existing;
      // Only the URN says a differently named row is this academy, renamed; a match by an other name
      // ("Oakfield") or by a differently typed name keeps the name the trust already has.
      const renamed = urnOk && urnOf(existing) === urn && normaliseKey(existing.name) !== normaliseKey(name);
      value = {
        ...current,
        name: renamed ? name : existing.name,
        aliases,
        ...(phase !== undefined ? { phase } : {}),
        ...(ofstedGrade !== undefined ? { ofstedGrade } : {}),
        ...(ofstedDate !== undefined ? { ofstedDate } : {}),
        ...(selfEvaluatedGrade !== undefined ? { selfEvaluatedGrade } : {}),
        ...(stage !== undefined ? { supportStage: stage } : {}),
        ...(riskBand !== undefined ? { riskBand } : {}),
        ...(director !== undefined ? { improvementDirectorId: director } : {}),
        ...(inOfstedWindow !== undefined ? { inOfstedWindow } : {}),
        ...(sponsored !== undefined ? { sponsored } : {}),
        ...(budget !== undefined ? { improvementBudgetPence: budget } : {}),
        ...(requests !== undefined ? { requests } : {}),
      };
    } else {
      const base = slugOf(name) || `academy-${urn}`;
      const id = takenIds.has(base) ? `${base}-${urnOk ? urn : row}` : base;
      takenIds.add(id);
      const facts = {
        ofstedGrade: ofstedGrade ?? 'not-inspected',
        selfEvaluatedGrade,
        inOfstedWindow: inOfstedWindow ?? false,
        sponsored: sponsored ?? false,
        requests: requests ?? [],
      };
      value = {
        id,
        name,
        aliases,
        phase: phase!,
        ...facts,
        ...(ofstedDate !== undefined ? { ofstedDate } : {}),
        // A blank stage takes the one the model suggests, as the demo seed does; the trust confirms it each September.
        supportStage: stage ?? suggestStage(ctx.model, facts).id,
        ...(riskBand !== undefined ? { riskBand } : {}),
        improvementDirectorId: director!,
        improvementBudgetPence: budget ?? 0,
      };
      if (value.selfEvaluatedGrade === undefined) delete value.selfEvaluatedGrade;
    }
    // The domain's own schema has the last word (lengths, shapes), so an import can't store what Settings would refuse.
    const checked = academySchema.safeParse(value);
    if (!checked.success) {
      for (const issue of checked.error.issues)
        problems.push({ row, column: String(issue.path[0] ?? ''), message: issue.message, value: '' });
      results.push({ row, label: name, problems });
      continue;
    }
    results.push({ row, label: name, ...(urnOk ? { urn } : {}), problems, ...(existing ? { existing } : {}), value: checked.data });
  }

  return results.map((r): RowPlan => {
    const base = { file: 'academies' as const, rows: [r.row], label: r.label };
    if (!r.value) return { ...base, outcome: 'rejected', problems: r.problems };
    const after = shown(r.value, ctx);
    if (!r.existing) {
      return {
        ...base,
        outcome: 'create',
        id: r.value.id,
        idempotencyKey: `import:academy:${r.urn ?? normaliseKey(r.value.name)}`,
        changes: fieldChanges(undefined, after),
        record: { kind: 'academy', value: r.value },
      };
    }
    const changes = fieldChanges(shown(r.existing, ctx), after);
    return changes.length === 0
      ? { ...base, outcome: 'unchanged', id: r.existing.id }
      : {
          ...base,
          outcome: 'update',
          id: r.existing.id,
          changes,
          record: { kind: 'academy', value: r.value, version: r.existing.version },
        };
  });
}
