import type { Slot } from './improvement-model.schema';

/** A half term is about six school weeks (five to eight in practice); a school year has 39 weeks in six half terms. */
const WEEKS_A_HALF_TERM = 6;
const WEEKS_A_YEAR = 39;

const timingAt = (weekOfHalfTerm: number): Slot['timing'] => (weekOfHalfTerm < 2 ? 'early' : weekOfHalfTerm < 4 ? 'middle' : 'late');

/**
 * The slots of a meeting held every `n` school weeks. Up to six weeks apart, the count starts again
 * each half term, as schools do after a holiday: fortnightly is weeks 1, 3 and 5 of every half term
 * (early, middle, late), 18 a year. Further apart, the weeks run on through the year (every eight
 * weeks: 5 a year), each in the half term it falls in.
 */
export function slotsEveryWeeks(n: number): Slot[] {
  const out: Slot[] = [];
  if (n <= WEEKS_A_HALF_TERM) {
    for (let halfTerm = 1; halfTerm <= 6; halfTerm++) {
      const weeks: number[] = [];
      for (let w = 0; w < WEEKS_A_HALF_TERM; w += n) weeks.push(w);
      for (const w of weeks) out.push({ halfTerm, timing: weeks.length === 1 ? 'any' : timingAt(w) });
    }
    return out;
  }
  const halfTermLength = WEEKS_A_YEAR / 6;
  for (let w = 0; w < WEEKS_A_YEAR; w += n) {
    const halfTerm = Math.min(6, Math.floor(w / halfTermLength) + 1);
    out.push({ halfTerm, timing: timingAt(((w - (halfTerm - 1) * halfTermLength) * WEEKS_A_HALF_TERM) / halfTermLength) });
  }
  return out;
}
