/*
 * The columns each onboarding CSV may have, with the names MIS exports and trust spreadsheets give
 * them. Headers are matched forgivingly: case, spaces, punctuation and "e-mail" / "email" do not matter.
 */

export interface ColumnSpec<F extends string> {
  field: F;
  /** The name the docs and the reports use. */
  label: string;
  synonyms: readonly string[];
}

export const ACADEMY_COLUMNS = [
  { field: 'name', label: 'Name', synonyms: ['name', 'academy', 'academy name', 'school', 'school name', 'establishment name'] },
  { field: 'urn', label: 'URN', synonyms: ['urn', 'unique reference number', 'dfe urn', 'school urn', 'academy urn'] },
  { field: 'aliases', label: 'Other names', synonyms: ['other names', 'aliases', 'also known as', 'aka', 'short name', 'short names'] },
  { field: 'phase', label: 'Phase', synonyms: ['phase', 'phase of education', 'school phase'] },
  {
    field: 'ofstedGrade',
    label: 'Ofsted grade',
    synonyms: ['ofsted grade', 'ofsted', 'ofsted rating', 'ofsted judgement', 'overall effectiveness', 'inspection grade'],
  },
  {
    field: 'ofstedDate',
    label: 'Ofsted date',
    synonyms: [
      'ofsted date',
      'inspection date',
      'ofsted inspection date',
      'last inspection',
      'last inspection date',
      'date of last inspection',
    ],
  },
  {
    field: 'selfEvaluatedGrade',
    label: 'Self-evaluated grade',
    synonyms: ['self evaluated grade', 'self evaluation', 'self evaluation grade', 'sef grade', 'sef'],
  },
  {
    field: 'requests',
    label: 'Asked for',
    synonyms: ['asked for', 'requests', 'requested', 'arrangements', 'qa model', 'iaims requested', 'options'],
  },
  { field: 'supportStage', label: 'Stage', synonyms: ['stage', 'support stage', 'route', 'support route', 'category'] },
  { field: 'riskBand', label: 'Risk band', synonyms: ['risk band', 'risk', 'risk rating'] },
  {
    field: 'improvementDirector',
    label: 'Improvement director',
    synonyms: [
      'improvement director',
      'improvement director email',
      'aid',
      'aid email',
      'school improvement director',
      'academy improvement director',
      'ssio',
      'director email',
    ],
  },
  { field: 'inOfstedWindow', label: 'In Ofsted window', synonyms: ['in ofsted window', 'ofsted window', 'ofsted due'] },
  { field: 'sponsored', label: 'Sponsored', synonyms: ['sponsored', 'sponsored academy'] },
  {
    field: 'improvementBudget',
    label: 'Improvement budget',
    synonyms: ['improvement budget', 'budget', 'improvement budget gbp', 'school improvement budget'],
  },
] as const satisfies readonly ColumnSpec<string>[];
export type AcademyColumn = (typeof ACADEMY_COLUMNS)[number]['field'];

export const PEOPLE_COLUMNS = [
  { field: 'name', label: 'Name', synonyms: ['name', 'full name', 'display name', 'person', 'staff name'] },
  { field: 'firstName', label: 'First name', synonyms: ['first name', 'forename', 'given name', 'preferred forename'] },
  { field: 'lastName', label: 'Surname', synonyms: ['surname', 'last name', 'family name', 'legal surname'] },
  {
    field: 'email',
    label: 'E-mail',
    synonyms: ['email', 'email address', 'work email', 'mail', 'school email', 'user principal name', 'upn'],
  },
  { field: 'role', label: 'Role', synonyms: ['role', 'roles', 'app role', 'trust role'] },
  {
    field: 'academy',
    label: 'Academy',
    synonyms: ['academy', 'school', 'academy name', 'school name', 'academy urn', 'school urn', 'urn'],
  },
  { field: 'jobTitle', label: 'Job title', synonyms: ['job title', 'job', 'post', 'position'] },
  {
    field: 'entraObjectId',
    label: 'Entra object id',
    synonyms: ['entra object id', 'object id', 'entra id', 'azure ad object id', 'aad object id', 'oid'],
  },
] as const satisfies readonly ColumnSpec<string>[];
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number]['field'];

/** Columns the import writes itself into reports; they are ignored quietly when a fixed report is imported again. */
export const REPORT_COLUMNS = ['Problems'];

/** "E-mail Address " → "emailaddress". */
export const normaliseHeader = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface HeaderMap<F extends string> {
  /** Where each known column is. */
  index: Map<F, number>;
  /** Headers that match no column (reported, never an error). */
  ignored: string[];
  /** The same column twice: the second is ignored, and said so. */
  duplicates: string[];
}

/** Finds each known column among a file's headers. */
export function mapHeaders<F extends string>(headers: readonly string[], specs: readonly ColumnSpec<F>[]): HeaderMap<F> {
  const bySynonym = new Map<string, F>();
  for (const s of specs) for (const syn of s.synonyms) bySynonym.set(normaliseHeader(syn), s.field);
  const quiet = new Set(REPORT_COLUMNS.map(normaliseHeader));
  const index = new Map<F, number>();
  const ignored: string[] = [];
  const duplicates: string[] = [];
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    const field = bySynonym.get(key);
    if (field === undefined) {
      if (key !== '' && !quiet.has(key)) ignored.push(h);
    } else if (index.has(field)) duplicates.push(h);
    else index.set(field, i);
  });
  return { index, ignored, duplicates };
}

/** The label of a column for reports: the file's own header where it has one. */
export function columnLabel<F extends string>(
  field: F,
  specs: readonly ColumnSpec<F>[],
  headers: readonly string[],
  map: HeaderMap<F>,
): string {
  const i = map.index.get(field);
  const own = i === undefined ? undefined : headers[i];
  return own && own.trim() !== '' ? own.trim() : (specs.find((s) => s.field === field)?.label ?? field);
}
