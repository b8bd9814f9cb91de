import { z } from 'zod';

/** Ofsted's four grades, also used for the indicative grade a meeting gives each inspection area. */
export const gradeSchema = z.enum(['outstanding', 'good', 'requires-improvement', 'inadequate']);
export type Grade = z.infer<typeof gradeSchema>;

export const ofstedGradeSchema = z.enum(['outstanding', 'good', 'requires-improvement', 'inadequate', 'not-inspected']);
export type OfstedGrade = z.infer<typeof ofstedGradeSchema>;

export const GRADE_LABELS: Record<OfstedGrade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires Improvement',
  inadequate: 'Inadequate',
  'not-inspected': 'Not yet inspected',
};

/** Below Good, as DSAT puts it for iAIMs ("less than good"). Not yet inspected is not below Good. */
export const isBelowGood = (g: OfstedGrade | undefined): boolean => g === 'requires-improvement' || g === 'inadequate';
