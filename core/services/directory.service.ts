import { ForbiddenError } from '../domain/errors';
import type { Person } from '../domain/people';
import { canAdministerTrust, seesWholeTrust, visibleAcademySet } from '../domain/permissions';
import { academyAdminItem, personAdminItem } from './mappers/admin.mapper';
import { academyListItem, personListItem } from './mappers/people-and-academies.mapper';
import type { ServiceDeps } from './service-context';

const requireAdmin = (viewer: Person, what: string): void => {
  if (!canAdministerTrust(viewer)) throw new ForbiddenError(`Only the trust administrator or the CEO can ${what}.`);
};

/** Every academy the viewer may see (a head, their own). */
export async function listVisibleAcademies(deps: ServiceDeps, viewer: Person) {
  const all = await deps.store.academies.list({}).toArray();
  const visible = visibleAcademySet(viewer, all);
  return all.filter((a) => visible.has(a.id));
}

/**
 * The people a viewer may see: the whole trust for trust roles; for anyone else the trust's staff
 * and the people of their own academies, not other schools' governors.
 */
export async function listVisiblePeople(deps: ServiceDeps, viewer: Person) {
  const people = await deps.store.people.list({}).toArray();
  if (seesWholeTrust(viewer)) return people;
  const mine = new Set(viewer.roles.map((r) => r.academyId).filter(Boolean));
  return people.filter((p) => p.roles.some((r) => r.academyId === undefined || mine.has(r.academyId)));
}

/** `/api/academies` and `/api/people`: through the mappers that list their fields. */
export const academiesForViewer = async (deps: ServiceDeps, viewer: Person) => ({
  academies: (await listVisibleAcademies(deps, viewer)).map(academyListItem),
});
export const peopleForViewer = async (deps: ServiceDeps, viewer: Person) => ({
  people: (await listVisiblePeople(deps, viewer)).map((p) => personListItem(p, viewer)),
});

/** Settings: every academy with the fields the trust admin edits. */
export async function academiesForAdmin(deps: ServiceDeps, viewer: Person) {
  requireAdmin(viewer, 'see the trust settings');
  return { academies: (await deps.store.academies.list({}).toArray()).map(academyAdminItem) };
}

/** Settings: every person with their roles. */
export async function peopleForAdmin(deps: ServiceDeps, viewer: Person) {
  requireAdmin(viewer, 'see the trust settings');
  return { people: (await deps.store.people.list({}).toArray()).map(personAdminItem) };
}

/**
 * Names by person id, for cards and chat answers: only of people the viewer may see, so a name
 * from another school never reaches them ("someone" instead).
 */
export async function nameDirectory(deps: ServiceDeps, viewer: Person) {
  const people = await listVisiblePeople(deps, viewer);
  const byId = new Map(people.map((p) => [p.id, p]));
  return { people, nameOf: (id: string) => byId.get(id)?.name ?? 'someone' };
}

/**
 * Every academy's id, name and short names: a trust's academies are public, so chat can tell a head that
 * Brook Lane is not theirs to see rather than that it does not exist. Nothing else is copied.
 */
export const academyNames = async (deps: ServiceDeps) =>
  (await deps.store.academies.list({}).toArray()).map((a) => ({ id: a.id, name: a.name, aliases: [...a.aliases] }));
