import type { Academy } from '../../domain/academy';
import type { Person } from '../../domain/people';
import type { Stored } from '../../ports/record-store.port';

/** Settings' view of an academy: the fields the trust admin edits, with the version to send back. */
export const academyAdminItem = (a: Stored<Academy>) => ({
  id: a.id,
  name: a.name,
  phase: a.phase,
  ofstedGrade: a.ofstedGrade,
  ofstedDate: a.ofstedDate,
  inOfstedWindow: a.inOfstedWindow,
  sponsored: a.sponsored,
  supportStage: a.supportStage,
  riskBand: a.riskBand,
  improvementDirectorId: a.improvementDirectorId,
  improvementBudgetPence: a.improvementBudgetPence,
  version: a.version,
});

/** Settings' view of a person (no Entra object id). */
export const personAdminItem = (p: Stored<Person>) => ({
  id: p.id,
  name: p.name,
  email: p.email,
  jobTitle: p.jobTitle,
  roles: p.roles.map((r) => ({ role: r.role, academyId: r.academyId })),
  version: p.version,
});
