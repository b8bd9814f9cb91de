import { addDays, type LocalDate } from './local-date';
import { inWords, latestReportCard, RENEWED_FRAMEWORK_FROM, type InspectionFacts } from './inspections';
import type { ImprovementModel, Slot } from './models/improvement-model.schema';
import type { SchoolCalendar } from './school-year/school-calendar';
import { windowOf } from './planner-day-choice';

/** `n` calendar months after a date, on the same day of the month (or the month's last day). */
export function addMonths(d: LocalDate, n: number): LocalDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/**
 * The window in which an academy's next inspection is expected: from its last inspection under the
 * renewed framework (a report card, since 10 November 2025), as many months on as the model says.
 * None for a school whose latest report card is older than the framework, or that has none yet.
 */
export function nextInspectionWindow(
  a: InspectionFacts,
  model: Pick<ImprovementModel, 'inspectionWindow'>,
): { opens: LocalDate; closes: LocalDate; after: LocalDate } | undefined {
  const card = latestReportCard(a);
  if (!card || card.date < RENEWED_FRAMEWORK_FROM) return undefined;
  return {
    opens: addMonths(card.date, model.inspectionWindow.opensAfterMonths),
    closes: addMonths(card.date, model.inspectionWindow.closesAfterMonths),
    after: card.date,
  };
}

/**
 * The slot each rule placed relative to a date gives this academy in this year: the half term
 * holding the school day on or after the target (weeks before its window opens), where in it that
 * day sits (early, middle, late), and why, in words. A rule whose date falls in another year gives none.
 */
export function dateRelativeSlots(
  model: Pick<ImprovementModel, 'cadence' | 'inspectionWindow'>,
  a: InspectionFacts,
  calendar: SchoolCalendar,
  academicYear: string,
): Record<string, Slot[]> {
  const out: Record<string, Slot[]> = {};
  const window = nextInspectionWindow(a, model);
  if (!window || !calendar.hasYear(academicYear)) return out;
  const { start, end } = calendar.yearBounds(academicYear);
  for (const rule of model.cadence) {
    if (!rule.relativeTo) continue;
    let day = addDays(window.opens, -7 * rule.relativeTo.weeksBefore);
    if (day < start || day > end) continue;
    while (day <= end && !calendar.isSchoolDay(day)) day = addDays(day, 1);
    const half = calendar.halfTermOf(day);
    if (!half || day > end) continue;
    const days = calendar.schoolDays(academicYear, half.halfTerm);
    const i = days.indexOf(day);
    const timing = (['early', 'middle', 'late'] as const).find((t) => {
      const w = windowOf(days.length, t);
      return i >= w.from && i < w.to;
    });
    out[rule.id] = [
      {
        halfTerm: half.halfTerm,
        timing: timing ?? 'any',
        purpose: `Before the window for its next inspection opens (${inWords(window.opens)}; last inspected ${inWords(window.after)})`,
      },
    ];
  }
  return out;
}
