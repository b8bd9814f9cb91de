import { academyStatus, trustDashboard, type AcademyStatus } from '../domain/academy-status';
import { NotFoundError } from '../domain/errors';
import type { Person } from '../domain/people';
import { visibleAcademyIds } from '../domain/permissions';
import { supportIncomeByAcademy } from './academy-support.service';
import { loadTrust, requireAcademyAccess, type ServiceDeps } from './service-context';

/** One academy's records for this year and the trust around them, for a viewer who may read the academy (403 if not, 404 if none). */
export async function academyInputs(deps: ServiceDeps, viewer: Person, academyId: string) {
  requireAcademyAccess(viewer, academyId, 'read');
  const trust = await loadTrust(deps);
  const inputs = await deps.store.statusInputs(academyId, trust.academicYear);
  if (!inputs) throw new NotFoundError('academy', academyId);
  return { trust, inputs };
}

/** The records for this year of every academy the viewer may see (a head: their own), and the trust around them. */
export async function visibleAcademyInputs(deps: ServiceDeps, viewer: Person) {
  const trust = await loadTrust(deps);
  const academies = await deps.store.academies.list({}).toArray();
  const inputs = await deps.store.statusInputsForMany(
    visibleAcademyIds(
      viewer,
      academies.map((a) => a.id),
    ),
    trust.academicYear,
  );
  return { trust, inputs };
}

/** One academy's status (RAG with reasons, next meeting and papers, actions, KPIs, escalation, support days). */
export async function getAcademyStatus(deps: ServiceDeps, viewer: Person, academyId: string): Promise<AcademyStatus> {
  const { trust, inputs } = await academyInputs(deps, viewer, academyId);
  return academyStatus(inputs, { model: trust.model, calendar: trust.calendar, today: trust.today });
}

/** Every academy the viewer may see, worst first; a head sees only their own. */
export async function getTrustDashboard(deps: ServiceDeps, viewer: Person) {
  const { trust, inputs } = await visibleAcademyInputs(deps, viewer);
  const statuses = inputs.map((i) => academyStatus(i, { model: trust.model, calendar: trust.calendar, today: trust.today }));
  // Recharges earned supporting other academies, by supporting academy (issue 16, part 1): amounts only.
  const supportIncome = await supportIncomeByAcademy(
    deps,
    trust.academicYear,
    inputs.map((i) => i.academy.id),
  );
  return {
    trust: { name: trust.settings.name, academicYear: trust.academicYear, today: trust.today },
    ...trustDashboard(statuses),
    supportIncome,
  };
}
