import type { Person } from '../domain/people';
import { canAccessAcademy } from '../domain/permissions';
import { nameDirectory } from './directory.service';
import { ladderView } from './escalation.service';
import { academyInterventionsView } from './interventions.service';
import { academyKpisView, statusInputsFor } from './kpis.service';
import { loadTrust, requireAcademyAccess, type ServiceDeps } from './service-context';

/**
 * What the academy page needs to close the loop on its flags: KPIs with their data points against
 * target (under the model's names), the interventions with their reviews, the escalation ladder with
 * its history, each with what the viewer may do, and who may own or lead work there.
 */
export async function getAcademyImprovement(deps: ServiceDeps, viewer: Person, academyId: string) {
  requireAcademyAccess(viewer, academyId, 'read');
  const trust = await loadTrust(deps);
  const [inputs, directory] = await Promise.all([statusInputsFor(deps, academyId, trust), nameDirectory(deps, viewer)]);
  return {
    academyId,
    today: trust.today,
    academicYear: trust.academicYear,
    kpis: academyKpisView(viewer, inputs, trust),
    interventions: academyInterventionsView(viewer, academyId, inputs.interventions, trust.today, trust.model),
    ladder: ladderView(viewer, academyId, inputs.escalations, trust.model),
    // Owners, leads and supporters must be able to see the academy: its staff and governors, or trust roles.
    people: directory.people
      .filter((p) => canAccessAcademy(p, academyId, 'read'))
      .map((p) => ({ id: p.id, name: p.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
  };
}
