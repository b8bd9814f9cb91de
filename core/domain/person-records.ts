import type { FieldProblem } from './errors';
import type { Person, RoleAssignment } from './people';

/*
 * Rules a person's record keeps whoever writes it (Settings, the CSV import): one e-mail, one
 * person, because first sign-in links a person by e-mail; and roles only at academies that exist.
 */

/** An e-mail as people are matched by it: without regard to case or surrounding spaces. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

/** Someone other than `exceptId` who already uses this e-mail (any case), if anyone does. */
export const emailHolder = <P extends Pick<Person, 'id' | 'email'>>(
  people: readonly P[],
  email: string,
  exceptId?: string,
): P | undefined => people.find((p) => p.id !== exceptId && emailKey(p.email) === emailKey(email));

/** "That e-mail is already used by Dr Helen Marsh." */
export const emailTakenSentence = (holder: Pick<Person, 'name'>): string => `That e-mail is already used by ${holder.name}.`;

/** Each role that names an academy the trust does not have, as a field problem ("roles.0.academyId"). */
export function unknownAcademyProblems(roles: readonly RoleAssignment[], academyIds: ReadonlySet<string>, field = 'roles'): FieldProblem[] {
  return roles.flatMap((r, i) =>
    r.academyId !== undefined && !academyIds.has(r.academyId)
      ? [{ field: `${field}.${i}.academyId`, message: `There is no academy called '${r.academyId}'` }]
      : [],
  );
}
