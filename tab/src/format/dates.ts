/** en-GB dates, in England's time zone whatever the device says. */
const LONDON = 'Europe/London';

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: LONDON });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: LONDON,
});

/** A calendar date ("2026-11-23") is a day, not an instant: format it at noon UTC so no offset moves it. */
const atNoon = (d: string) => new Date(`${d}T12:00:00Z`);

/** "Mon 23 Nov 2026". */
export const formatDate = (d: string | undefined): string => (d ? dayFormat.format(atNoon(d)) : '—');
/** "23 Nov". */
export const formatShortDate = (d: string): string => shortDay.format(atNoon(d));
/** "09:30", London time. */
export const formatTime = (utc: string): string => timeFormat.format(new Date(utc));
/** "9 Oct 2026, 17:00", London time. */
export const formatDateTime = (utc: string | undefined): string => (utc ? dateTimeFormat.format(new Date(utc)) : '—');
/** £1,750 from pence. */
export const formatPounds = (pence: number): string =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 }).format(pence / 100);

/** Today's date in England, as "YYYY-MM-DD". */
export const londonToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: LONDON, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** "23/11/2026" for "2026-11-23": how a date is typed in England. */
export const formatInputDate = (iso: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';

/** "2026-11-23" for "23/11/2026" (or "23/11/26", "3-5-2027", "3.5.2027"), or undefined when it is not a real date. */
export function parseInputDate(text: string): string | undefined {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const [day, month] = [Number(m[1]), Number(m[2])];
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day, 12));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}
