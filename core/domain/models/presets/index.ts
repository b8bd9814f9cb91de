import { improvementModelSchema, type ImprovementModel } from '../improvement-model.schema';
import { DSAT_PRESET } from './dsat';
import { KGA_PRESET } from './kga';
import { SCHOOLSWORKS_PRESET } from './schoolsworks';
import { WATERTON_PRESET } from './waterton';
import { WPT_PRESET } from './wpt';

/** The five models from the trusts' own documents, parsed (defaults applied); a trust starts from one and edits it. */
export const PRESETS: Readonly<Record<string, ImprovementModel>> = Object.fromEntries(
  [DSAT_PRESET, WATERTON_PRESET, WPT_PRESET, SCHOOLSWORKS_PRESET, KGA_PRESET].map((p) => [p.id, improvementModelSchema.parse(p)]),
);

export const presetIds = (): string[] => Object.keys(PRESETS);

export function preset(id: string): ImprovementModel {
  const m = PRESETS[id];
  if (!m) throw new RangeError(`No preset "${id}"; presets: ${presetIds().join(', ')}`);
  return structuredClone(m);
}
