import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import { UK_TIME_ZONE } from './format/dates';
import type { LocalDate } from './local-date';

/** Trusts work on UK time; everything is stored in UTC and shown in this zone. */
export { UK_TIME_ZONE };

/** The UTC instant (ISO string) of a wall-clock time on a date in England, right across the clock changes. */
export function londonToUtc(date: LocalDate, time: string): string {
  return fromZonedTime(`${date}T${time}:00`, UK_TIME_ZONE).toISOString();
}

/** The date in England of a UTC instant. */
export function londonDateOf(utc: string | Date): LocalDate {
  return formatInTimeZone(utc, UK_TIME_ZONE, 'yyyy-MM-dd');
}

/*
 * The product's date words live in one module (`format/dates.ts`), shared by the tab, the cards, the
 * `.ics` descriptions and the exports; these names stay for the domain's existing callers.
 */
/** "Tuesday 24 November 2026" for a plain date. */
export { formatLongDate } from './format/dates';
/** "Tuesday 24 November 2026 at 09:30" in UK time for a UTC instant. */
export { formatLongDateTime as formatLondonDateTime } from './format/dates';
