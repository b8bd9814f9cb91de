/**
 * The product's one date style, en-GB and in England's time: "Wed 22 Jan 2027" where space is short
 * (tables, lists, the tab), "Wednesday 22 January 2027" where there is room (cards, calendar
 * descriptions, sentences). Built from the date's own digits rather than Intl's date styles: newer
 * ICU data puts a comma after the weekday ("Wednesday, 22 January 2027"), so text would change with
 * the Node or browser build. No dependencies, so the tab, the bot and the API all use this file.
 */

/** A calendar date as `YYYY-MM-DD` (the same as `LocalDate`, without importing zod into the tab). */
type DateText = string;

export const UK_TIME_ZONE = 'Europe/London';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const isDateText = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d);
const parts = (d: DateText) => ({ year: d.slice(0, 4), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) });
/** 0 = Monday … 6 = Sunday, from the date's digits alone (1970-01-01 was a Thursday). */
const weekdayIndex = (d: DateText): number => {
  const epochDay = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
  return (((epochDay + 3) % 7) + 7) % 7;
};

/** "Wed 22 Jan 2027". */
export function formatDate(d: DateText): string {
  if (!isDateText(d)) return d;
  const { year, month, day } = parts(d);
  return `${WEEKDAYS[weekdayIndex(d)]!.slice(0, 3)} ${day} ${MONTHS[month - 1]!.slice(0, 3)} ${year}`;
}

/** "Wednesday 22 January 2027". */
export function formatLongDate(d: DateText): string {
  if (!isDateText(d)) return d;
  const { year, month, day } = parts(d);
  return `${WEEKDAYS[weekdayIndex(d)]} ${day} ${MONTHS[month - 1]} ${year}`;
}

/** "22 Jan": a day within a year the reader already knows (a half term's list). */
export function formatDayMonth(d: DateText): string {
  if (!isDateText(d)) return d;
  const { month, day } = parts(d);
  return `${day} ${MONTHS[month - 1]!.slice(0, 3)}`;
}

/** "January 2027". */
export function formatMonth(d: DateText): string {
  if (!isDateText(d)) return d;
  const { year, month } = parts(d);
  return `${MONTHS[month - 1]} ${year}`;
}

// hourCycle h23: en-GB would otherwise say "24:00" for midnight in some ICU versions.
const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The date ("2027-01-22") and clock time ("09:30") in England of a UTC instant. */
export function londonWallClock(utc: string | Date): { date: DateText; time: string } {
  const p = Object.fromEntries(londonParts.formatToParts(new Date(utc)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** "09:30", England's time, for a UTC instant. */
export const formatTime = (utc: string | Date): string => londonWallClock(utc).time;

/** "Wed 22 Jan 2027, 09:30", England's time, for a UTC instant. */
export function formatDateTime(utc: string | Date): string {
  const { date, time } = londonWallClock(utc);
  return `${formatDate(date)}, ${time}`;
}

/** "Wednesday 22 January 2027 at 09:30", England's time, for a UTC instant. */
export function formatLongDateTime(utc: string | Date): string {
  const { date, time } = londonWallClock(utc);
  return `${formatLongDate(date)} at ${time}`;
}

/** "Wed 22 Jan 2027 to Fri 24 Jan 2027", or the one day when they are the same. */
export const formatDateRange = (from: DateText, to: DateText, format: (d: DateText) => string = formatDate): string =>
  from === to ? format(from) : `${format(from)} to ${format(to)}`;
