import { ForbiddenError, ValidationError } from '../domain/errors';
import { checkImprovementModel } from '../domain/models/parse-model';
import type { Person } from '../domain/people';
import { canAdministerTrust } from '../domain/permissions';
import { z } from 'zod';
import { parseOrThrow } from '../domain/errors';
import { loadTrust, type ServiceDeps } from './service-context';

export const modelSaveBodySchema = z.object({
  model: z.unknown(),
  version: z.string({ error: 'send the version you edited' }).min(1, 'send the version you edited'),
});

/** The trust's improvement model, with the version to send back when saving it. */
export async function getImprovementModel(deps: ServiceDeps) {
  const trust = await loadTrust(deps);
  return { model: trust.model, version: trust.settings.version };
}

/** The trust admin or the CEO replaces the model; an invalid one is refused with each field named. */
export async function saveImprovementModel(deps: ServiceDeps, viewer: Person, body: unknown) {
  if (!canAdministerTrust(viewer)) throw new ForbiddenError('Only the trust administrator or the CEO can change the improvement model.');
  const input = parseOrThrow(modelSaveBodySchema, body ?? {}, 'model');
  const check = checkImprovementModel(input.model);
  if (!check.ok)
    throw new ValidationError(
      check.problems.map((p) => ({ ...p, field: p.field ? `model.${p.field}` : 'model' })),
      'improvement model',
    );
  const trust = await loadTrust(deps);
  const saved = await deps.store.trust.save({ ...trust.settings, model: check.model, version: input.version });
  return { model: saved.model, version: saved.version };
}
