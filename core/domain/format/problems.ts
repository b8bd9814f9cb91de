import { words } from './labels';

/** A field's problem as hosts receive it: the key path (where a form puts it) and the label a person reads. */
export interface LabelledProblem {
  field: string;
  message: string;
  label?: string;
}

/**
 * A key path as words, for a problem whose schema gave no title: "dueDate" → "Due date",
 * "meetingKinds.0.papers.1.leadDays" → "Meeting kinds 1, Papers 2: Lead days". An id field reads as
 * what it names ("ownerId" → "Owner").
 */
export function fieldWords(path: string): string {
  const parts: string[] = [];
  for (const key of path.split('.').filter(Boolean)) {
    if (/^\d+$/.test(key)) {
      if (parts.length > 0) parts[parts.length - 1] = `${parts[parts.length - 1]} ${Number(key) + 1}`;
    } else parts.push(words(key.replace(/(.)Ids?$/, '$1')));
  }
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')}: ${parts[parts.length - 1]}`;
}

/** The label a person reads for a problem: the schema's title, or the key path in words. */
export const problemLabel = (p: LabelledProblem): string => p.label || fieldWords(p.field);

/** "Due date: the due date has already passed; Owner: …": every problem, each by its label. */
export const problemsSentence = (problems: readonly LabelledProblem[]): string =>
  problems
    .map((p) => {
      const label = problemLabel(p);
      return label ? `${label}: ${p.message}` : p.message;
    })
    .join('; ');
