import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import type { LocalDate } from './local-date';

/** Trusts work on UK time; everything is stored in UTC and shown in this zone. */
export const UK_TIME_ZONE = 'Europe/London';

/** The UTC instant (ISO string) of a wall-clock time on a date in England, right across the clock changes. */
export function londonToUtc(date: LocalDate, time: string): string {
  return fromZonedTime(`${date}T${time}:00`, UK_TIME_ZONE).toISOString();
}

/** The date in England of a UTC instant. */
export function londonDateOf(utc: string | Date): LocalDate {
  return formatInTimeZone(utc, UK_TIME_ZONE, 'yyyy-MM-dd');
}

/** "Tuesday 24 November 2026" for a plain date, as a head would read it. */
export function formatLongDate(date: LocalDate): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** "24/11/2026, 09:30" in UK time for a UTC instant. */
export function formatLondonDateTime(utc: string | Date): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: UK_TIME_ZONE }).format(new Date(utc));
}
