import type { Academy } from '../../domain/academy';
import type { Person } from '../../domain/people';
import { canAccessAcademy } from '../../domain/permissions';

/** Only the fields listed cross the boundary, so a new field never leaks by accident. */
export const academyListItem = (a: Academy) => ({
  id: a.id,
  name: a.name,
  phase: a.phase,
  ofstedGrade: a.ofstedGrade,
  supportStage: a.supportStage,
});

/**
 * A person as `seenBy` may see them (themselves when not given): their roles at academies `seenBy`
 * may not see are left out, so a partner head's own school or a consultant's other school never
 * reaches that school's outsiders.
 */
export const personListItem = (p: Person, seenBy?: Pick<Person, 'roles'>) => ({
  id: p.id,
  name: p.name,
  email: p.email,
  jobTitle: p.jobTitle,
  roles: p.roles
    .filter((r) => !seenBy || r.academyId === undefined || canAccessAcademy(seenBy, r.academyId, 'read'))
    .map((r) => ({ role: r.role, academyId: r.academyId })),
});
