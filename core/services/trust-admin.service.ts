import { z } from 'zod';
import { academySchema } from '../domain/academy';
import { ForbiddenError, NotFoundError, parseOrThrow, ValidationError } from '../domain/errors';
import type { Academy } from '../domain/academy';
import { personSchema, type Person } from '../domain/people';
import { canAdministerTrust } from '../domain/permissions';
import type { Stored } from '../ports/record-store.port';
import { loadTrust, type ServiceDeps } from './service-context';

const requireAdmin = (viewer: Person): void => {
  if (!canAdministerTrust(viewer)) throw new ForbiddenError('Only the trust administrator or the CEO can change academies and people.');
};

/** What settings may change on an academy; the id, aliases and requests stay as they are. */
export const academyUpdateBodySchema = academySchema
  .pick({ name: true, phase: true, ofstedGrade: true, ofstedDate: true, inOfstedWindow: true, sponsored: true, supportStage: true, riskBand: true, improvementDirectorId: true, improvementBudgetPence: true })
  .partial()
  .extend({ version: z.string().min(1, 'send the version you read') })
  .strict();

/** Updates an academy's stage, Ofsted grade and the like (trust admin / CEO); the stage must be one of the model's. */
export async function updateAcademy(deps: ServiceDeps, viewer: Person, academyId: string, body: unknown): Promise<Stored<Academy>> {
  requireAdmin(viewer);
  const { version, ...changes } = parseOrThrow(academyUpdateBodySchema, body, 'academy');
  const academy = await deps.store.academies.get(academyId);
  if (!academy) throw new NotFoundError('academy', academyId);
  const trust = await loadTrust(deps);
  if (changes.supportStage && !trust.model.stages.some((s) => s.id === changes.supportStage)) {
    throw new ValidationError([{ field: 'supportStage', message: `no stage "${changes.supportStage}"; known: ${trust.model.stages.map((s) => s.id).join(', ')}` }], 'academy');
  }
  if (changes.improvementDirectorId && !(await deps.store.people.get(changes.improvementDirectorId))) {
    throw new ValidationError([{ field: 'improvementDirectorId', message: `no person "${changes.improvementDirectorId}"` }], 'academy');
  }
  return deps.store.academies.update({ ...academy, ...changes, version });
}

export const personUpdateBodySchema = personSchema.pick({ name: true, email: true, jobTitle: true, roles: true }).partial().extend({ version: z.string().min(1, 'send the version you read') }).strict();

/** Updates a person's name, e-mail, job title or roles (trust admin / CEO). */
export async function updatePerson(deps: ServiceDeps, viewer: Person, personId: string, body: unknown): Promise<Stored<Person>> {
  requireAdmin(viewer);
  const { version, ...changes } = parseOrThrow(personUpdateBodySchema, body, 'person');
  const person = await deps.store.people.get(personId);
  if (!person) throw new NotFoundError('person', personId);
  return deps.store.people.update({ ...person, ...changes, version });
}

export const personCreateBodySchema = personSchema.pick({ name: true, email: true, jobTitle: true, roles: true }).extend({ clientKey: z.string().min(1).max(200) }).strict();

/** Adds a person (trust admin / CEO); the client's key makes a retried create safe. */
export async function createPerson(deps: ServiceDeps, viewer: Person, body: unknown): Promise<{ person: Stored<Person>; created: boolean }> {
  requireAdmin(viewer);
  const { clientKey, ...person } = parseOrThrow(personCreateBodySchema, body, 'person');
  const { record, created } = await deps.store.people.create(person, { idempotencyKey: `person:${clientKey}` });
  return { person: record, created };
}
