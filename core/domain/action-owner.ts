import type { Academy } from './academy';
import type { FieldProblem } from './errors';
import type { Person } from './people';
import { canAccessAcademy, cannotSeeAcademySentence } from './permissions';

/**
 * Why a person cannot own an action at an academy, or undefined when they can. The owner reads the
 * action's text in My work and in reminders, so they must be someone who may see that academy's
 * records (DSAT: information from meetings is shared only through the proper channels): its own
 * staff and governors, or the trust's roles.
 */
export function actionOwnerProblem(owner: Pick<Person, 'name' | 'roles'>, academy: Pick<Academy, 'id' | 'name'>): FieldProblem | undefined {
  if (canAccessAcademy(owner, academy.id, 'read')) return undefined;
  return { field: 'ownerId', message: cannotSeeAcademySentence(owner, academy.name, 'own this action') };
}
