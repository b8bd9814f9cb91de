import type { Academy } from '../../domain/academy';
import type { Person } from '../../domain/people';

/** Only the fields listed cross the boundary, so a new field never leaks by accident. */
export const academyListItem = (a: Academy) => ({
  id: a.id,
  name: a.name,
  phase: a.phase,
  ofstedGrade: a.ofstedGrade,
  supportStage: a.supportStage,
});

export const personListItem = (p: Person) => ({
  id: p.id,
  name: p.name,
  email: p.email,
  jobTitle: p.jobTitle,
  roles: p.roles.map((r) => ({ role: r.role, academyId: r.academyId })),
});
