import type { ImprovementModel } from './models/improvement-model.schema';
import { roleSchema, type Person, type Role } from './people';
import { ROLE_LABELS } from './role-labels';

type RolesOfModel = Pick<ImprovementModel, 'trustRoles' | 'roleTitles'>;

const isRole = (ref: string): ref is Role => (roleSchema.options as readonly string[]).includes(ref);

/** The app's role a participant's permissions come from: the role itself, or the one the trust's role is held as. */
export function baseRoleOf(model: RolesOfModel, ref: string): Role | undefined {
  if (isRole(ref)) return ref;
  return model.trustRoles.find((r) => r.id === ref)?.role;
}

/** A participant as people read it: the trust's title ("Finance Director", "SSIO"), else the app's name for the role. */
export function participantLabel(model: RolesOfModel, ref: string): string {
  const own = model.trustRoles.find((r) => r.id === ref);
  if (own) return own.label;
  return isRole(ref) ? (model.roleTitles[ref] ?? ROLE_LABELS[ref]) : ref;
}

const sameTitle = (a: string | undefined, titles: readonly string[]): boolean =>
  a !== undefined && titles.some((t) => t.trim().toLowerCase() === a.trim().toLowerCase());

/**
 * Everyone a participant names, across the trust: holders of the role at any academy (every head
 * for a heads' forum), or of the trust's own role (people holding its app role, with one of its job
 * titles when it lists any). In the order the directory gives them, so the same input gives the same chair.
 */
export function holdersOfParticipant(model: RolesOfModel, people: readonly Person[], ref: string): Person[] {
  if (isRole(ref)) return people.filter((p) => p.roles.some((r) => r.role === ref));
  const own = model.trustRoles.find((r) => r.id === ref);
  if (!own) return [];
  return people.filter(
    (p) => p.roles.some((r) => r.role === own.role) && (own.jobTitles.length === 0 || sameTitle(p.jobTitle, own.jobTitles)),
  );
}
