import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import { isoWeekday, type LocalDate } from './local-date';

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

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "Tuesday 24 November 2026" for a plain date, as a head would read it. Built by hand: Intl's
 * en-GB long date puts a comma after the weekday in newer ICU data ("Tuesday, 24 November 2026"),
 * so messages would change with the Node build.
 */
export function formatLongDate(date: LocalDate): string {
  return `${WEEKDAYS[isoWeekday(date) - 1]} ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "24/11/2026, 09:30" in UK time for a UTC instant. */
export function formatLondonDateTime(utc: string | Date): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: UK_TIME_ZONE }).format(new Date(utc));
}
