import { createHash } from 'node:crypto';
import { z } from 'zod';
import { academySchema } from '../domain/academy';
import { requestOptions } from '../domain/academy-arrangements';
import { EmailTakenError, ForbiddenError, NotFoundError, parseOrThrow, ValidationError } from '../domain/errors';
import type { Academy } from '../domain/academy';
import { personSchema, type Person, type RoleAssignment } from '../domain/people';
import { canAdministerTrust } from '../domain/permissions';
import { emailKey, emailTakenSentence, unknownAcademyProblems } from '../domain/person-records';
import type { Stored } from '../ports/record-store.port';
import { loadTrust, type ServiceDeps } from './service-context';

const requireAdmin = (viewer: Person): void => {
  if (!canAdministerTrust(viewer)) throw new ForbiddenError('Only the trust administrator or the CEO can change academies and people.');
};

/** A change the trust admin or the CEO asked for (403 for anyone else), checked (400), and the record it changes (404 when there is none). */
async function adminEdit<S extends z.ZodType, T>(
  viewer: Person,
  schema: S,
  body: unknown,
  what: 'academy' | 'person',
  id: string,
  load: (id: string) => Promise<T | undefined>,
): Promise<{ input: z.infer<S>; record: T }> {
  requireAdmin(viewer);
  const input = parseOrThrow(schema, body, what);
  const record = await load(id);
  if (!record) throw new NotFoundError(what, id);
  return { input, record };
}

/** What settings may change on an academy; the id and aliases stay as they are. Requests must be ones the model knows (academy-arrangements.ts). */
export const academyUpdateBodySchema = academySchema
  .pick({
    requests: true,
    name: true,
    phase: true,
    ofstedGrade: true,
    ofstedDate: true,
    inOfstedWindow: true,
    sponsored: true,
    supportStage: true,
    riskBand: true,
    improvementDirectorId: true,
    improvementBudgetPence: true,
  })
  .partial()
  .extend({ version: z.string().min(1, 'send the version you read') })
  .strict();

/** Updates an academy's stage, Ofsted grade and the like (trust admin / CEO); the stage must be one of the model's. */
export async function updateAcademy(deps: ServiceDeps, viewer: Person, academyId: string, body: unknown): Promise<Stored<Academy>> {
  const {
    input: { version, ...changes },
    record: academy,
  } = await adminEdit(viewer, academyUpdateBodySchema, body, 'academy', academyId, (id) => deps.store.academies.get(id));
  const trust = await loadTrust(deps);
  if (changes.supportStage && !trust.model.stages.some((s) => s.id === changes.supportStage)) {
    throw new ValidationError(
      [
        {
          field: 'supportStage',
          label: 'Stage',
          message: `the trust’s model has no such stage; choose one of ${trust.model.stages.map((s) => s.label).join(', ')}`,
        },
      ],
      'academy',
    );
  }
  const options = requestOptions(trust.model);
  const unknown = (changes.requests ?? []).filter((r) => !options.some((o) => o.id === r));
  if (unknown.length > 0) {
    const known = options.length
      ? `; known: ${options.map((o) => `${o.id} (${o.label})`).join(', ')}`
      : '; the model has nothing to ask for';
    throw new ValidationError(
      [{ field: 'requests', message: `not something an academy may ask for: ${unknown.join(', ')}${known}` }],
      'academy',
    );
  }
  if (changes.improvementDirectorId && !(await deps.store.people.get(changes.improvementDirectorId))) {
    throw new ValidationError(
      [{ field: 'improvementDirectorId', label: 'Improvement director', message: 'no one in the trust’s directory has this record' }],
      'academy',
    );
  }
  return deps.store.academies.update({ ...academy, ...changes, version });
}

/** Refuses roles at academies the trust does not have (400, naming `roles.<i>.academyId`). */
async function requireKnownAcademies(deps: ServiceDeps, roles: readonly RoleAssignment[] | undefined): Promise<void> {
  const named = [...new Set((roles ?? []).flatMap((r) => (r.academyId === undefined ? [] : [r.academyId])))];
  if (named.length === 0) return;
  const found = await deps.store.academies.getMany(named);
  const problems = unknownAcademyProblems(roles ?? [], new Set(found.map((a) => a.id)));
  if (problems.length > 0) throw new ValidationError(problems, 'person');
}

/**
 * Refuses an e-mail another person already uses, compared without regard to case (409): first
 * sign-in links a person by e-mail, so a second holder would take over the first one's sign-in.
 * `byEmail` ignores case in both adapters (SQLite and SharePoint keep a lower-cased e-mail column).
 */
async function requireEmailFree(deps: ServiceDeps, email: string, personId?: string): Promise<void> {
  const holder = await deps.store.people.byEmail(email);
  if (holder && holder.id !== personId && emailKey(holder.email) === emailKey(email))
    throw new EmailTakenError(holder, emailTakenSentence(holder));
}

export const personUpdateBodySchema = personSchema
  .pick({ name: true, email: true, jobTitle: true, roles: true })
  .partial()
  .extend({ version: z.string().min(1, 'send the version you read') })
  .strict();

/** Updates a person's name, e-mail, job title or roles (trust admin / CEO); the e-mail stays theirs alone, the roles at academies that exist. */
export async function updatePerson(deps: ServiceDeps, viewer: Person, personId: string, body: unknown): Promise<Stored<Person>> {
  const {
    input: { version, ...changes },
    record: person,
  } = await adminEdit(viewer, personUpdateBodySchema, body, 'person', personId, (id) => deps.store.people.get(id));
  await requireKnownAcademies(deps, changes.roles);
  if (changes.email !== undefined && emailKey(changes.email) !== emailKey(person.email))
    await requireEmailFree(deps, changes.email, personId);
  return deps.store.people.update({ ...person, ...changes, version });
}

export const personCreateBodySchema = personSchema
  .pick({ name: true, email: true, jobTitle: true, roles: true })
  .extend({ clientKey: z.string().min(1).max(200) })
  .strict();

/**
 * The id a create with this client key gives the person, so a retry finds its own first create (and
 * is answered with it) rather than being refused for the e-mail that create took.
 */
const personIdForClientKey = (clientKey: string): string => `person-${createHash('sha256').update(clientKey).digest('hex').slice(0, 24)}`;

/**
 * Adds a person (trust admin / CEO); the client's key makes a retried create safe. The e-mail must be
 * no one else's (any case) and each role's academy must exist.
 */
export async function createPerson(
  deps: ServiceDeps,
  viewer: Person,
  body: unknown,
): Promise<{ person: Stored<Person>; created: boolean }> {
  requireAdmin(viewer);
  const { clientKey, ...person } = parseOrThrow(personCreateBodySchema, body, 'person');
  await requireKnownAcademies(deps, person.roles);
  const id = personIdForClientKey(clientKey);
  await requireEmailFree(deps, person.email, id);
  const { record, created } = await deps.store.people.create({ ...person, id }, { idempotencyKey: `person:${clientKey}` });
  return { person: record, created };
}
