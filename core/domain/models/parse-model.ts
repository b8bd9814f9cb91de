import { problemsFrom, type FieldProblem } from '../errors';
import { improvementModelSchema, type ImprovementModel } from './improvement-model.schema';

export type ModelCheck = { ok: true; model: ImprovementModel } | { ok: false; problems: FieldProblem[] };

/** Check a trust's edited model; a bad one is refused with every problem and the field it is in. */
export function checkImprovementModel(input: unknown): ModelCheck {
  const r = improvementModelSchema.safeParse(input);
  return r.success ? { ok: true, model: r.data } : { ok: false, problems: problemsFrom(r.error) };
}
