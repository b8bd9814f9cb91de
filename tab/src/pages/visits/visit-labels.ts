import type { Grade } from '../../api/api-types';

/** The monitoring form's judgements are on the four-point scale its areas were written for (KGA's form). */
export const GRADE_CHOICES: { id: Grade; label: string }[] = [
  { id: 'outstanding', label: 'Outstanding' },
  { id: 'good', label: 'Good' },
  { id: 'requires-improvement', label: 'Requires Improvement' },
  { id: 'inadequate', label: 'Inadequate' },
];

export const gradeWords = (g: string): string => GRADE_CHOICES.find((c) => c.id === g)?.label ?? g;
export const STATUS_WORDS = { draft: 'Draft', submitted: 'Submitted' } as const;
