import { NotFoundError } from '../domain/errors';
import type { Person, Role } from '../domain/people';
import { canAccessAcademy } from '../domain/permissions';
import { checkCancelSupportDay, coreDaysPlanned, SUPPORT_KIND_LABELS } from '../domain/support-day-booking';
import { incomeBySupportingAcademy, supportDayUsage } from '../domain/support-day-usage';
import { canBookSupportDay, canSetImprovementBudget } from '../domain/support-permissions';
import { nameDirectory } from './directory.service';
import { loadTrust, requireAcademyAccess, type ServiceDeps } from './service-context';
import { supportDaysOfYear, supportDayView } from './support-days.service';

/** Governors and the board oversee support; they do not give it. */
const NOT_PROVIDERS: ReadonlySet<Role> = new Set(['governor', 'chair-lgb', 'board']);

/**
 * The academy page's support section (issue 16, part 1): days used and left against the model's
 * allowances, development days' spend against the improvement budget, whether the academy must
 * budget, the income it earned supporting other academies, the days booked with who may cancel
 * each, and what the viewer may book. Another academy's day is named only to those who may see
 * that academy.
 */
export async function getAcademySupport(deps: ServiceDeps, viewer: Person, academyId: string) {
  requireAcademyAccess(viewer, academyId, 'read');
  const trust = await loadTrust(deps);
  const [inputs, yearDays, directory, academies] = await Promise.all([
    deps.store.statusInputs(academyId, trust.academicYear),
    supportDaysOfYear(deps, trust.academicYear),
    nameDirectory(deps, viewer),
    deps.store.academies.list({}).toArray(),
  ]);
  if (!inputs) throw new NotFoundError('academy', academyId);
  const { model } = trust;
  const usage = supportDayUsage(inputs.academy, inputs.supportDays, inputs.meetings, model);
  const academyName = new Map(academies.map((a) => [a.id, a.name]));
  const given = yearDays.filter((d) => d.kind === 'development' && d.supportingAcademyId === academyId);
  const income = incomeBySupportingAcademy(given)[0] ?? { academyId, days: 0, incomePence: 0 };
  const can = {
    bookCore: canBookSupportDay(viewer, academyId, 'core'),
    bookDevelopment: canBookSupportDay(viewer, academyId, 'development'),
    bookOptional: model.supportDays.optionalAllowance > 0 && canBookSupportDay(viewer, academyId, 'optional'),
    setBudget: canSetImprovementBudget(viewer),
  };
  const booksAny = can.bookCore || can.bookDevelopment || can.bookOptional;
  return {
    academyId,
    academyName: inputs.academy.name,
    academicYear: trust.academicYear,
    today: trust.today,
    rules: {
      coreAllowance: model.supportDays.coreAllowance,
      optionalAllowance: model.supportDays.optionalAllowance,
      optionalMenu: model.supportDays.optionalMenu,
      developmentDayRatePence: model.supportDays.developmentDayRatePence,
      belowGoodMustBudget: model.supportDays.belowGoodMustBudget,
    },
    usage,
    /** Core days promised to meetings still to come (DSAT's AIMs are in the six AID days). */
    corePlanned: coreDaysPlanned(academyId, inputs.meetings, model),
    budget: { pence: inputs.academy.improvementBudgetPence, version: inputs.academy.version },
    days: inputs.supportDays
      .filter((d) => d.academyId === academyId)
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
      .map((d) => {
        const { supportingAcademyId, ...day } = supportDayView(d);
        // The supporting academy is named to those who may see it; to others it is one of the trust's.
        const named = supportingAcademyId !== undefined && canAccessAcademy(viewer, supportingAcademyId, 'read');
        return {
          ...day,
          ...(named ? { supportingAcademyId } : {}),
          ...(supportingAcademyId
            ? {
                supportingAcademyName: named ? (academyName.get(supportingAcademyId) ?? 'another academy') : 'another academy in the trust',
              }
            : {}),
          kindLabel: SUPPORT_KIND_LABELS[d.kind],
          providerName: directory.nameOf(d.providerId),
          canCancel: canBookSupportDay(viewer, academyId, d.kind) && checkCancelSupportDay(d, trust.today).ok,
        };
      }),
    income: {
      days: income.days,
      incomePence: income.incomePence,
      items: given
        .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
        .map((d, i) => {
          // The supported academy's records are its own: named, with what the day was for, only to those who may see it.
          const shown = canAccessAcademy(viewer, d.academyId, 'read');
          return {
            key: shown ? d.id : `given-${i + 1}`,
            date: d.date,
            days: d.days,
            incomePence: d.chargePence,
            academyName: shown ? (academyName.get(d.academyId) ?? 'another academy') : 'another academy in the trust',
            ...(shown ? { description: d.description, providerName: directory.nameOf(d.providerId) } : {}),
          };
        }),
    },
    can,
    /** Who may give support and which academies may receive a recharge: only for those who book. */
    providers: booksAny
      ? directory.people
          .filter((p) => p.roles.some((r) => !NOT_PROVIDERS.has(r.role)))
          .map((p) => {
            const headOf = p.roles.find((r) => r.role === 'head' && r.academyId !== undefined && r.academyId !== academyId)?.academyId;
            return { id: p.id, name: p.name, ...(headOf ? { headOf } : {}) };
          })
          .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      : [],
    academies: can.bookDevelopment
      ? academies
          .filter((a) => a.id !== academyId)
          .map((a) => ({ id: a.id, name: a.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      : [],
  };
}

/** Income by supporting academy this year, for the dashboard's support column: amounts only, for the academies the viewer sees. */
export async function supportIncomeByAcademy(
  deps: ServiceDeps,
  academicYear: string,
  academyIds: readonly string[],
): Promise<Record<string, { days: number; incomePence: number }>> {
  const wanted = new Set(academyIds);
  const days = await supportDaysOfYear(deps, academicYear);
  return Object.fromEntries(
    incomeBySupportingAcademy(days)
      .filter((i) => wanted.has(i.academyId))
      .map((i) => [i.academyId, { days: i.days, incomePence: i.incomePence }]),
  );
}
