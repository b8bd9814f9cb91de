import type { z } from 'zod';
import { parseLabelled } from '../domain/field-labels';
import type { Person } from '../domain/people';
import type { ServiceDeps } from './service-context';

/** What a write use case's rule is given: the door's dependencies, the viewer, the parsed body and the record it acts on. */
export interface WriteContext<Input, Target, Ids extends string[] = string[]> {
  deps: ServiceDeps;
  viewer: Person;
  input: Input;
  target: Target;
  /** The ids the use case was called with (a meeting's, and a paper's within it). */
  ids: Ids;
}

/**
 * A write on one record, in the order every write keeps: the body parsed against the use case's one
 * schema (a bad field is refused by its label, before anything is read), then the record loaded as
 * the viewer may see it (a record they may not see is not found), then the rule. The schema is the
 * same one every transport validates with (the API, the cards), so they cannot drift apart.
 *
 * The use case is called as `(deps, viewer, ...ids, body)`, the ids being what `load` takes.
 */
export function writeUseCase<Ids extends string[], S extends z.ZodType, Target, Out>(
  spec: { schema: S; what: string; load: (deps: ServiceDeps, viewer: Person, ...ids: Ids) => Promise<Target> },
  rule: (context: WriteContext<z.infer<S>, Target, Ids>) => Promise<Out>,
): (deps: ServiceDeps, viewer: Person, ...idsAndBody: [...Ids, unknown]) => Promise<Out> {
  return async (deps, viewer, ...idsAndBody) => {
    const body = idsAndBody[idsAndBody.length - 1];
    const ids = idsAndBody.slice(0, -1) as Ids;
    const input = parseLabelled(spec.schema, body, spec.what);
    const target = await spec.load(deps, viewer, ...ids);
    return rule({ deps, viewer, input, target, ids });
  };
}
