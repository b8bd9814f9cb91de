import type { Academy } from './academy';
import type { ImprovementModel } from './models/improvement-model.schema';
import type { Person } from './people';
import { academyMatches, academyNearlyMatches, planAcademyRows, type DirectorLookup } from './onboarding-academies';
import { ACADEMY_COLUMNS, mapHeaders, PEOPLE_COLUMNS, type ColumnSpec } from './onboarding-columns';
import { readCsv, type CsvTable } from './onboarding-csv';
import { emailKey, planPeopleRows, type AcademyLookup } from './onboarding-people';
import { countOutcomes, type ImportFile, type ImportFileInfo, type ImportPlan, type RowPlan } from './onboarding-plan';
import { looksLikeUrn } from './onboarding-values';

type StoredAcademy = Academy & { version: string };
type StoredPerson = Person & { version: string };

export interface OnboardingInput {
  academiesCsv?: string;
  peopleCsv?: string;
}

/** The trust as it stands: what the files are compared with. */
export interface OnboardingState {
  academies: readonly StoredAcademy[];
  people: readonly StoredPerson[];
  model: ImprovementModel;
}

/** The columns without which a file is not the file it claims to be. */
const REQUIRED: Record<ImportFile, { fields: string[]; what: string }> = {
  academies: { fields: ['name'], what: 'a Name (or Academy / School name) column' },
  people: { fields: ['email', 'role'], what: 'an E-mail column and a Role column' },
};

function readFile(
  file: ImportFile,
  text: string,
  specs: readonly ColumnSpec<string>[],
): { table: CsvTable; info: ImportFileInfo } | { message: string } {
  const read = readCsv(text);
  if (!read.ok) return { message: `${file} file: ${read.message}` };
  const map = mapHeaders(read.table.headers, specs);
  const missing = REQUIRED[file].fields.filter((f) => !map.index.has(f));
  if (missing.length > 0) {
    return {
      message: `${file} file: needs ${REQUIRED[file].what}; its headers are ${read.table.headers.map((h) => `“${h}”`).join(', ') || 'empty'} (see docs/onboarding.md)`,
    };
  }
  return {
    table: read.table,
    info: {
      headers: read.table.headers,
      rawRows: Object.fromEntries(read.table.rows.map((r) => [r.row, r.cells])),
      ignoredColumns: [...map.ignored, ...map.duplicates.map((h) => `${h} (a second column for the same thing: not used)`)],
    },
  };
}

const plannedValue = (p: RowPlan): Academy | Person | undefined =>
  p.outcome === 'create' || p.outcome === 'update' ? p.record.value : undefined;

/**
 * What importing the files would do, row by row, without writing anything. Academies and people may
 * refer to each other within one import (a head's academy is created by the academies file; an
 * academy's improvement director by the people file); a row that refers to a rejected row is
 * rejected too, saying which, so nothing is written half-linked.
 */
export function planOnboarding(input: OnboardingInput, state: OnboardingState): ImportPlan {
  const fileProblems: ImportPlan['fileProblems'] = [];
  const files: ImportPlan['files'] = {};
  const tables: Partial<Record<ImportFile, CsvTable>> = {};
  for (const [file, text, specs] of [
    ['academies', input.academiesCsv, ACADEMY_COLUMNS],
    ['people', input.peopleCsv, PEOPLE_COLUMNS],
  ] as const) {
    if (text === undefined) continue;
    const read = readFile(file, text, specs);
    if ('message' in read) fileProblems.push({ file, message: read.message });
    else {
      tables[file] = read.table;
      files[file] = read.info;
    }
  }

  const academyById = new Map(state.academies.map((a) => [a.id, a as Academy]));
  const personById = new Map(state.people.map((p) => [p.id, p as Person]));

  const findDirectorIn =
    (people: readonly RowPlan[]): DirectorLookup =>
    (ref) => {
      const byRow = people.find((p) => {
        const v = plannedValue(p) as Person | undefined;
        return v !== undefined && emailKey(v.email) === emailKey(ref);
      });
      const existing = state.people.find((p) => emailKey(p.email) === emailKey(ref) || p.id === ref.trim());
      const rejectedRow = people.find((p) => p.outcome === 'rejected' && rowEmails(p).includes(emailKey(ref)));
      if (rejectedRow && !existing)
        return { ok: false, message: `the people file’s row ${rejectedRow.rows[0]} for this person was rejected: fix that row first` };
      const person = (byRow ? (plannedValue(byRow) as Person) : undefined) ?? existing;
      if (!person) return { ok: false, message: 'no one with this e-mail in the trust or the people file' };
      if (!person.roles.some((r) => r.role === 'improvement-director' || r.role === 'ceo')) {
        return {
          ok: false,
          message: `${person.name} is not an Improvement Director (or the CEO): give them that role in the people file or in Settings`,
        };
      }
      return { ok: true, id: person.id };
    };
  const emailColumn = files.people ? mapHeaders(files.people.headers, PEOPLE_COLUMNS).index.get('email') : undefined;
  const emailOfRow = (row: number): string => (emailColumn === undefined ? '' : emailKey(files.people?.rawRows[row]?.[emailColumn] ?? ''));
  const rowEmails = (p: RowPlan): string[] => p.rows.map(emailOfRow);

  const findAcademyIn =
    (academies: readonly RowPlan[]): AcademyLookup =>
    (ref) => {
      const planned = academies.map(plannedValue).filter((a): a is Academy => a !== undefined);
      // An academy the file renames is found by its new name; the others as they stand.
      const candidates = [...planned, ...state.academies.filter((a) => !planned.some((p) => p.id === a.id))];
      const exact = candidates.filter((a) => academyMatches(a, ref));
      const hits = exact.length > 0 ? exact : candidates.filter((a) => academyNearlyMatches(a, ref));
      if (hits.length > 1) return { ok: false, message: `more than one academy matches “${ref}”: use its URN` };
      if (hits.length === 1) return { ok: true, id: hits[0]!.id };
      const rejected = academies.find((a) => a.outcome === 'rejected' && rowMatches(a, ref));
      if (rejected)
        return { ok: false, message: `the academies file’s row ${rejected.rows[0]} for this academy was rejected: fix that row first` };
      return {
        ok: false,
        message: looksLikeUrn(ref.trim())
          ? 'no academy with this URN in the trust or the academies file'
          : 'no academy with this name (or URN) in the trust or the academies file',
      };
    };
  const rowMatches = (p: RowPlan, ref: string): boolean => {
    const info = files.academies;
    if (!info) return false;
    const map = mapHeaders(info.headers, ACADEMY_COLUMNS);
    const cells = info.rawRows[p.rows[0]!] ?? [];
    const at = (f: 'name' | 'urn') => {
      const i = map.index.get(f);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    return academyMatches({ id: '', name: at('name'), aliases: at('urn') ? [`URN ${at('urn')}`] : [] }, ref);
  };

  const academyCtx = (findDirector: DirectorLookup) => ({
    existing: state.academies,
    model: state.model,
    findDirector,
    personLabel: (id: string) => personById.get(id)?.email ?? id,
  });
  const peopleCtx = (academies: readonly RowPlan[]) => ({
    existing: state.people,
    findAcademy: findAcademyIn(academies),
    academyLabel: (id: string) => {
      const planned = academies.map(plannedValue).find((a) => a?.id === id) as Academy | undefined;
      return planned?.name ?? academyById.get(id)?.name ?? id;
    },
  });

  // First the academies as if every director named in the people file were fine, so a person's
  // academy is rejected only for its own faults; then rounds until the rejections stop growing (they
  // only grow, and a round with as many as the last means the two files agree).
  const emailsInFile = new Set(tables.people?.rows.map((r) => emailOfRow(r.row)) ?? []);
  const existingOnly = findDirectorIn([]);
  const hopeful: DirectorLookup = (ref) => (emailsInFile.has(emailKey(ref)) ? { ok: true, id: ref } : existingOnly(ref));
  let academies: RowPlan[] = tables.academies ? planAcademyRows(tables.academies, academyCtx(hopeful)) : [];
  let people: RowPlan[] = [];
  const rejectedCount = (rows: readonly RowPlan[]) => rows.filter((r) => r.outcome === 'rejected').length;
  for (let round = 0; round < 5; round++) {
    people = tables.people ? planPeopleRows(tables.people, peopleCtx(academies)) : [];
    for (const p of people) {
      const v = plannedValue(p) as Person | undefined;
      if (v) personById.set(v.id, v);
    }
    const next = tables.academies ? planAcademyRows(tables.academies, academyCtx(findDirectorIn(people))) : [];
    const settled = rejectedCount(next) === rejectedCount(academies);
    academies = next;
    if (settled) break;
  }

  const notInFile = tables.people
    ? state.people
        .filter((p) => !emailsInFile.has(emailKey(p.email)))
        .map((p) => ({ id: p.id, name: p.name, email: p.email }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    : [];

  return {
    academies,
    people,
    files,
    fileProblems,
    notInFile,
    counts: { academies: countOutcomes(academies), people: countOutcomes(people) },
  };
}
