/**
 * Ofsted's report-card words, with no dependencies, so the tab and the bot's cards use the same
 * words and colours as the rules. Sources in docs/ofsted.md: "Understanding Ofsted report cards and
 * grades" (gov.uk) names the five grades and "met / not met" for safeguarding.
 */

/** The five-point scale, worst first (rank 0 = urgent improvement … 4 = exceptional). */
export const REPORT_CARD_GRADES = ['urgent-improvement', 'needs-attention', 'expected-standard', 'strong-standard', 'exceptional'] as const;
export type ReportCardGrade = (typeof REPORT_CARD_GRADES)[number];

export const REPORT_CARD_GRADE_LABELS: Record<ReportCardGrade, string> = {
  'urgent-improvement': 'Urgent improvement',
  'needs-attention': 'Needs attention',
  'expected-standard': 'Expected standard',
  'strong-standard': 'Strong standard',
  exceptional: 'Exceptional',
};

/** Position on the scale: higher is better. */
export const reportCardRank = (g: ReportCardGrade): number => REPORT_CARD_GRADES.indexOf(g);

/**
 * The evaluation areas of a state school's report card. Early years and sixth form are graded only
 * where the school has them, so they are optional on a card.
 */
export const REPORT_CARD_AREAS = [
  { id: 'inclusion', label: 'Inclusion', optional: false },
  { id: 'curriculum-and-teaching', label: 'Curriculum and teaching', optional: false },
  { id: 'achievement', label: 'Achievement', optional: false },
  { id: 'attendance-and-behaviour', label: 'Attendance and behaviour', optional: false },
  { id: 'personal-development-and-wellbeing', label: 'Personal development and wellbeing', optional: false },
  { id: 'leadership-and-governance', label: 'Leadership and governance', optional: false },
  { id: 'early-years', label: 'Early years', optional: true },
  { id: 'sixth-form', label: 'Sixth form', optional: true },
] as const;
export type ReportCardArea = (typeof REPORT_CARD_AREAS)[number]['id'];

export const reportCardAreaLabel = (id: string): string => REPORT_CARD_AREAS.find((a) => a.id === id)?.label ?? id;

export type Safeguarding = 'met' | 'not-met';
export const SAFEGUARDING_LABELS: Record<Safeguarding, string> = { met: 'Met', 'not-met': 'Not met' };

/**
 * How a grade is coloured. Ofsted shows the expected standard in green ("Understanding Ofsted report
 * cards and grades"); the other colours are this app's (amber and red below the expected standard, as
 * its RAG does, blue for exceptional), and the words are always shown beside them.
 */
export type GradeTone = 'danger' | 'warning' | 'success' | 'brand';
export const REPORT_CARD_TONE: Record<ReportCardGrade, GradeTone> = {
  'urgent-improvement': 'danger',
  'needs-attention': 'warning',
  'expected-standard': 'success',
  'strong-standard': 'success',
  exceptional: 'brand',
};
export const SAFEGUARDING_TONE: Record<Safeguarding, GradeTone> = { met: 'success', 'not-met': 'danger' };

/** "leadership and governance", "achievement and inclusion", "inclusion, achievement and attendance and behaviour". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
