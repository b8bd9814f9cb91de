import { z } from 'zod';
import type { Academy } from '../domain/academy';
import { ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../domain/errors';
import { fieldProblem, parseLabelled } from '../domain/field-labels';
import { isWeekend, localDateSchema } from '../domain/local-date';
import { formatLongDate } from '../domain/london-time';
import type { Person } from '../domain/people';
import { canAdministerTrust, visibleAcademySet } from '../domain/permissions';
import { asClosure, closureId, closureSchema, type Closure } from '../domain/school-year/closures';
import {
  academicYearDatesSchema,
  academicYearOf,
  academicYearSchema,
  halfTermNumberSchema,
  type AcademicYearDates,
  type HalfTermNumber,
} from '../domain/school-year/school-calendar';
import { DEFAULT_TERM_DATES } from '../domain/school-year/term-dates.data';
import { halfTermName, readTermDatesCsv, type RejectedCell, type YearImport } from '../domain/school-year/term-dates-csv';
import type { TrustSettings } from '../domain/trust-settings';
import { meetingsOfYear, planAcademicYear, wholeYear, type PlanSummary } from './planner.service';
import { loadTrust, type ServiceDeps, type TrustContext } from './service-context';

/**
 * The trust's term dates and closures (issue 16, part 5): the trust admin or the CEO edits a
 * year's half terms or imports them from a local authority's CSV, and adds INSET days and other
 * closures for the trust or for one academy. Each change re-plans that year when it has meetings
 * (keeping what happened, moving as little as possible), so "the planner respects both".
 */

const TERM_OF = ['autumn', 'autumn', 'spring', 'spring', 'summer', 'summer'] as const;
const text = (missing: string) => z.string({ error: (i) => (i.input === undefined ? missing : 'expected text') });
/** The version the person read: a stale one is a conflict (409), never a silent overwrite. */
const version = text('send the version you read').min(1, 'send the version you read').meta({ title: 'Version' });

export const updateTermDatesBodySchema = z.object({
  academicYear: academicYearSchema.meta({ title: 'Academic year' }),
  halfTerms: z
    .array(
      z
        .object({
          halfTerm: halfTermNumberSchema.meta({ title: 'Half term' }),
          start: localDateSchema.meta({ title: 'Starts' }),
          end: localDateSchema.meta({ title: 'Ends' }),
        })
        .strict(),
    )
    .length(6, 'give all six half terms, Autumn 1 to Summer 2')
    .meta({ title: 'Half terms' }),
  version,
});

export const addClosureBodySchema = z.object({
  date: localDateSchema.meta({ title: 'Date' }),
  endDate: localDateSchema.meta({ title: 'Last day' }).optional(),
  /** Absent: the whole trust. */
  academyId: z.string().min(1).meta({ title: 'Academy' }).optional(),
  reason: text('say what the closure is, e.g. "INSET day"')
    .trim()
    .min(1, 'say what the closure is, e.g. "INSET day"')
    .max(200, 'keep it under 200 characters')
    .meta({ title: 'Reason' }),
  version,
});

export const removeClosureBodySchema = z.object({ version });

export const importTermDatesBodySchema = z.object({
  csv: text('choose the CSV file')
    .min(1, 'the file is empty')
    .max(200_000, 'a term-dates file is a few dozen rows; this one is too big')
    .meta({ title: 'CSV file' }),
  /** Check first: what would change, nothing written. */
  dryRun: z.boolean().default(true).meta({ title: 'Check only' }),
  version: version.optional(),
});

/** One year's dates as the tab shows them: each half term named, its dates and school days, and whose dates they are. */
export interface TermDatesYearView {
  academicYear: string;
  /** The trust's own dates, or the app's default for England. */
  source: 'trust' | 'default';
  halfTerms: { halfTerm: HalfTermNumber; name: string; start: string; end: string; schoolDays: number }[];
}

export interface ClosureView {
  id: string;
  date: string;
  endDate?: string;
  academyId?: string;
  academyName?: string;
  reason: string;
}

export interface TermDatesView {
  /** This academic year, the one the tab opens on. */
  academicYear: string;
  years: TermDatesYearView[];
  closures: ClosureView[];
  version: string;
  /** The viewer may edit them (trust admin, CEO). */
  canEdit: boolean;
}

const requireAdmin = (viewer: Person): void => {
  if (!canAdministerTrust(viewer)) throw new ForbiddenError('Only the trust administrator or the CEO can change term dates and closures.');
};

/** The mapper: only the fields it names leave. */
function closureView(c: Closure, names: ReadonlyMap<string, string>): ClosureView {
  return {
    id: closureId(c),
    date: c.date,
    ...(c.endDate ? { endDate: c.endDate } : {}),
    ...(c.academyId ? { academyId: c.academyId, academyName: names.get(c.academyId) ?? c.academyId } : {}),
    reason: c.reason,
  };
}

function termDatesView(trust: TrustContext, viewer: Person, academies: readonly Academy[]): TermDatesView {
  const own = new Set(trust.settings.termDates.map((y) => y.academicYear));
  const visible = visibleAcademySet(viewer, academies);
  const names = new Map(academies.map((a) => [a.id, a.name]));
  return {
    academicYear: trust.academicYear,
    years: trust.calendar.knownYears().map((academicYear) => ({
      academicYear,
      source: own.has(academicYear) ? 'trust' : 'default',
      halfTerms: trust.calendar.halfTerms(academicYear).map((h) => ({
        halfTerm: h.halfTerm,
        name: halfTermName(h.halfTerm),
        start: h.start,
        end: h.end,
        schoolDays: trust.calendar.schoolDays(academicYear, h.halfTerm).length,
      })),
    })),
    // A head sees the trust's closures and their own academy's, not another school's.
    closures: trust.settings.closures
      .map(asClosure)
      .filter((c) => c.academyId === undefined || visible.has(c.academyId))
      .sort((a, b) => a.date.localeCompare(b.date) || (a.academyId ?? '').localeCompare(b.academyId ?? ''))
      .map((c) => closureView(c, names)),
    version: trust.settings.version,
    canEdit: canAdministerTrust(viewer),
  };
}

const listAcademies = (deps: ServiceDeps) => deps.store.academies.list({}).toArray();

/** Term dates of every year the app knows, and the closures the viewer may see. */
export async function getTermDates(deps: ServiceDeps, viewer: Person): Promise<TermDatesView> {
  const [trust, academies] = await Promise.all([loadTrust(deps), listAcademies(deps)]);
  return termDatesView(trust, viewer, academies);
}

/** Re-plans a year that already has meetings, after its dates or closures changed; a year not yet planned is left for planning. */
async function replanIfPlanned(deps: ServiceDeps, viewer: Person, academicYear: string): Promise<PlanSummary | undefined> {
  // The whole year, 1 September – 31 August: a meeting now in the holidays must be found to be moved.
  const meetings = await meetingsOfYear(deps.store, wholeYear(academicYear), academicYear);
  if (!meetings.some((m) => m.status !== 'cancelled')) return undefined;
  return planAcademicYear(deps, viewer, { academicYear });
}

/** A half term's field as the person reads it: "Spring 1: Ends". */
function halfTermProblems(dates: AcademicYearDates, error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => {
    const [top, index, field] = i.path;
    if (top === 'halfTerms' && typeof index === 'number') {
      const fieldLabel = field === 'start' ? 'Starts' : field === 'end' ? 'Ends' : 'Half term';
      return {
        field: i.path.map(String).join('.'),
        label: `${halfTermName(dates.halfTerms[index]?.halfTerm ?? index + 1)}: ${fieldLabel}`,
        message: i.message,
      };
    }
    return { field: i.path.map(String).join('.'), label: 'Academic year', message: i.message };
  });
}

/** The trust admin or CEO sets one year's six half terms; the year is re-planned when it has meetings. */
export async function updateTermDates(
  deps: ServiceDeps,
  viewer: Person,
  body: unknown,
): Promise<{ termDates: TermDatesView; replanned?: PlanSummary }> {
  requireAdmin(viewer);
  const input = parseLabelled(updateTermDatesBodySchema, body ?? {}, 'term dates');
  const numbers = input.halfTerms.map((h) => h.halfTerm);
  const repeated = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (repeated !== undefined)
    throw new ValidationError(
      [{ field: 'halfTerms', label: 'Half terms', message: `${halfTermName(repeated)} is given twice; give each of the six once` }],
      'term dates',
    );
  const dates: AcademicYearDates = {
    academicYear: input.academicYear,
    halfTerms: [...input.halfTerms]
      .sort((a, b) => a.halfTerm - b.halfTerm)
      .map((h) => ({ halfTerm: h.halfTerm, term: TERM_OF[h.halfTerm - 1]!, start: h.start, end: h.end })),
  };
  const check = academicYearDatesSchema.safeParse(dates);
  if (!check.success) throw new ValidationError(halfTermProblems(dates, check.error), 'term dates');
  const trust = await loadTrust(deps);
  await deps.store.trust.save({ ...trust.settings, termDates: withYear(trust.settings.termDates, dates), version: input.version });
  const replanned = await replanIfPlanned(deps, viewer, dates.academicYear);
  return { termDates: await getTermDates(deps, viewer), ...(replanned ? { replanned } : {}) };
}

/** The trust's own years with one year replaced (or added), in year order. */
const withYear = (years: TrustSettings['termDates'], dates: AcademicYearDates): TrustSettings['termDates'] =>
  [
    ...years.filter((y) => y.academicYear !== dates.academicYear),
    { academicYear: dates.academicYear, halfTerms: [...dates.halfTerms] },
  ].sort((a, b) => a.academicYear.localeCompare(b.academicYear));

/**
 * Adds an INSET day or other closure, for one academy or (with no academy) the whole trust, and
 * re-plans its year: only the meetings it closes move. The same academy and first day again
 * replaces the earlier closure.
 */
export async function addAcademyClosure(
  deps: ServiceDeps,
  viewer: Person,
  body: unknown,
): Promise<{ closure: ClosureView; termDates: TermDatesView; replanned?: PlanSummary }> {
  requireAdmin(viewer);
  const schema = addClosureBodySchema;
  const input = parseLabelled(schema, body ?? {}, 'closure');
  const [trust, academies] = await Promise.all([loadTrust(deps), listAcademies(deps)]);
  const problems: FieldProblem[] = [];
  if (input.academyId !== undefined && !academies.some((a) => a.id === input.academyId))
    problems.push(fieldProblem(schema, 'academyId', `no academy "${input.academyId}"`));
  const academicYear = academicYearOf(input.date);
  const cal = trust.calendar;
  if (!cal.hasYear(academicYear))
    problems.push(fieldProblem(schema, 'date', `there are no term dates for ${academicYear}; add them first`));
  else if (!cal.halfTermOf(input.date) && input.endDate === undefined)
    problems.push(fieldProblem(schema, 'date', `${formatLongDate(input.date)} is in the school holidays`));
  else if (isWeekend(input.date) && input.endDate === undefined)
    problems.push(fieldProblem(schema, 'date', `${formatLongDate(input.date)} is a weekend`));
  if (input.endDate !== undefined) {
    if (input.endDate < input.date) problems.push(fieldProblem(schema, 'endDate', 'the last day cannot be before the first'));
    else if (academicYearOf(input.endDate) !== academicYear)
      problems.push(fieldProblem(schema, 'endDate', `the last day must be in the same school year (${academicYear}) as the first`));
  }
  if (problems.length > 0) throw new ValidationError(problems, 'closure');
  const closure = closureSchema.parse({
    date: input.date,
    reason: input.reason,
    ...(input.endDate ? { endDate: input.endDate } : {}),
    ...(input.academyId ? { academyId: input.academyId } : {}),
  });
  const id = closureId(closure);
  const others = trust.settings.closures.filter((c) => closureId(asClosure(c)) !== id);
  await deps.store.trust.save({ ...trust.settings, closures: [...others, closure], version: input.version });
  const replanned = await replanIfPlanned(deps, viewer, academicYear);
  return {
    closure: closureView(closure, new Map(academies.map((a) => [a.id, a.name]))),
    termDates: await getTermDates(deps, viewer),
    ...(replanned ? { replanned } : {}),
  };
}

/** Removes a closure (its id, as listed) and re-plans its year: meetings may go back onto the day. */
export async function removeClosure(
  deps: ServiceDeps,
  viewer: Person,
  id: string,
  body: unknown,
): Promise<{ termDates: TermDatesView; replanned?: PlanSummary }> {
  requireAdmin(viewer);
  const input = parseLabelled(removeClosureBodySchema, body ?? {}, 'closure');
  const trust = await loadTrust(deps);
  const gone = trust.settings.closures.map(asClosure).find((c) => closureId(c) === id);
  if (!gone) throw new NotFoundError('closure', id);
  await deps.store.trust.save({
    ...trust.settings,
    closures: trust.settings.closures.filter((c) => closureId(asClosure(c)) !== id),
    version: input.version,
  });
  const replanned = await replanIfPlanned(deps, viewer, academicYearOf(gone.date));
  return { termDates: await getTermDates(deps, viewer), ...(replanned ? { replanned } : {}) };
}

/** What an import did, or would do: each year's changes and whether it imports, and every cell it could not use. */
export interface TermDatesImportReport {
  dryRun: boolean;
  years: { academicYear: string; importable: boolean; changes: YearImport['changes'] }[];
  rejected: RejectedCell[];
  /** Years written (none on a check). */
  imported: string[];
  termDates?: TermDatesView;
  replanned?: PlanSummary[];
}

/**
 * Term dates from a local authority's CSV (columns Academic year, Term, Starts, Ends; dates day
 * first). A check (`dryRun`, the default) says what would change and writes nothing; the import
 * writes every year that makes sense and reports each cell it could not use by row and column.
 */
export async function importTermDates(deps: ServiceDeps, viewer: Person, body: unknown): Promise<TermDatesImportReport> {
  requireAdmin(viewer);
  const schema = importTermDatesBodySchema;
  const input = parseLabelled(schema, body ?? {}, 'term dates import');
  if (!input.dryRun && input.version === undefined)
    throw new ValidationError([fieldProblem(schema, 'version', 'send the version you read')], 'term dates import');
  const trust = await loadTrust(deps);
  const own = new Map(trust.settings.termDates.map((y) => [y.academicYear, y]));
  const fallback = new Map(DEFAULT_TERM_DATES.map((y) => [y.academicYear, y]));
  const read = readTermDatesCsv(input.csv, (y) => own.get(y) ?? fallback.get(y));
  if (!read.ok) throw new ValidationError([fieldProblem(schema, 'csv', read.problem)], 'term dates import');
  const years = read.years.map((y) => ({ academicYear: y.academicYear, importable: y.importable, changes: y.changes }));
  const toWrite = read.years.filter((y) => y.importable && y.dates && y.changes.length > 0);
  if (input.dryRun || toWrite.length === 0) return { dryRun: input.dryRun, years, rejected: read.rejected, imported: [] };
  let termDates = [...trust.settings.termDates];
  for (const y of toWrite) termDates = withYear(termDates, y.dates!);
  await deps.store.trust.save({ ...trust.settings, termDates, version: input.version! });
  const replanned: PlanSummary[] = [];
  for (const y of toWrite) {
    const summary = await replanIfPlanned(deps, viewer, y.academicYear);
    if (summary) replanned.push(summary);
  }
  return {
    dryRun: false,
    years,
    rejected: read.rejected,
    imported: toWrite.map((y) => y.academicYear),
    termDates: await getTermDates(deps, viewer),
    replanned,
  };
}
