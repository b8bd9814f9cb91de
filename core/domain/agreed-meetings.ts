import type { ImprovementModel, Slot } from './models/improvement-model.schema';

/**
 * A number of meetings agreed with the academy in place of the model's (DSAT seed 001: AIMs "take
 * place 3 times per year, in the majority of cases unless a different arrangement has been agreed
 * with the academy"). Fewer keep the model's slots spread across the year (first and last kept);
 * more add one in each half term without one, as far as possible from those it has.
 */
export function agreedSlots(modelSlots: readonly Slot[], agreed: number): Slot[] {
  const slots = [...modelSlots].sort((a, b) => a.halfTerm - b.halfTerm);
  if (agreed >= slots.length) {
    const out = [...slots];
    while (out.length < agreed) {
      const free = [1, 2, 3, 4, 5, 6].filter((h) => !out.some((s) => s.halfTerm === h));
      if (free.length === 0) break;
      // The free half term furthest from every meeting already there; the earlier on a tie.
      const distance = (h: number) => Math.min(...out.map((s) => Math.abs(s.halfTerm - h)), 99);
      const best = free.reduce((a, b) => (distance(b) > distance(a) ? b : a));
      out.push({ halfTerm: best, timing: 'any' });
      out.sort((a, b) => a.halfTerm - b.halfTerm);
    }
    return out;
  }
  if (agreed <= 0) return [];
  if (agreed === 1) return [slots[0]!];
  const picked = new Set<number>();
  for (let i = 0; i < agreed; i++) picked.add(Math.round((i * (slots.length - 1)) / (agreed - 1)));
  return slots.filter((_, i) => picked.has(i));
}

/** The slots a kind takes when no rule of the model gives this academy any: the model's fullest rule for the kind. */
export function templateSlots(model: Pick<ImprovementModel, 'cadence'>, kind: string): Slot[] {
  const rules = model.cadence.filter((r) => r.meetingKind === kind);
  const fullest = rules.reduce<(typeof rules)[number] | undefined>((a, r) => (!a || r.slots.length > a.slots.length ? r : a), undefined);
  return fullest ? [...fullest.slots] : [];
}

/** "agreed with the academy: 2 a year instead of 3". */
export const agreedWords = (agreed: number, modelCount: number): string =>
  `agreed with the academy: ${agreed} a year instead of ${modelCount}`;
