import { academyStatus, trustDashboard, type AcademyStatus } from '../domain/academy-status';
import { NotFoundError } from '../domain/errors';
import type { Person } from '../domain/people';
import { visibleAcademyIds } from '../domain/permissions';
import { allPages, collect } from '../ports/record-store.port';
import { loadTrust, requireAcademyAccess, type ServiceDeps } from './service-context';

/** One academy's status (RAG with reasons, next meeting and papers, actions, KPIs, escalation, support days). */
export async function getAcademyStatus(deps: ServiceDeps, viewer: Person, academyId: string): Promise<AcademyStatus> {
  requireAcademyAccess(viewer, academyId, 'read');
  const trust = await loadTrust(deps);
  const inputs = await deps.store.statusInputs(academyId, trust.academicYear);
  if (!inputs) throw new NotFoundError('academy', academyId);
  return academyStatus(inputs, { model: trust.model, calendar: trust.calendar, today: trust.today });
}

/** Every academy the viewer may see, worst first; a head sees only their own. */
export async function getTrustDashboard(deps: ServiceDeps, viewer: Person) {
  const trust = await loadTrust(deps);
  const academies = await collect(allPages((p) => deps.store.academies.list({}, p)));
  const ids = visibleAcademyIds(viewer, academies.map((a) => a.id));
  const inputs = await deps.store.statusInputsForMany(ids, trust.academicYear);
  const statuses = inputs.map((i) => academyStatus(i, { model: trust.model, calendar: trust.calendar, today: trust.today }));
  return { trust: { name: trust.settings.name, academicYear: trust.academicYear, today: trust.today }, ...trustDashboard(statuses) };
}
