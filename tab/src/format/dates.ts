import * as core from '../../../core/domain/format/dates';

/*
 * The product's one date style (core/domain/format/dates.ts), as the tab calls it: "Wed 22 Jan 2027"
 * in tables and lists, England's time whatever the device says. Missing values show as a dash.
 */
/** "Mon 23 Nov 2026". */
export const formatDate = (d: string | undefined): string => (d ? core.formatDate(d) : '—');
/** "Monday 23 November 2026", where there is room. */
export const formatLongDate = (d: string | undefined): string => (d ? core.formatLongDate(d) : '—');
/** "23 Nov". */
export const formatShortDate = (d: string): string => core.formatDayMonth(d);
/** "09:30", London time. */
export const formatTime = (utc: string): string => core.formatTime(utc);
/** "Fri 9 Oct 2026, 17:00", London time. */
export const formatDateTime = (utc: string | undefined): string => (utc ? core.formatDateTime(utc) : '—');
/** £1,750 from pence. */
export const formatPounds = (pence: number): string =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 }).format(pence / 100);

// The server's today, once the tab has heard it (GET /api/me): the trust's dates (due, overdue, a visit's
// day) follow the server's clock, not a laptop's, which may be wrong or elsewhere.
let serverToday: string | undefined;
export const setServerToday = (today: string | undefined): void => {
  serverToday = today;
};

/** Today's date in England, as "YYYY-MM-DD": the server's, or this device's before the server has said. */
export const londonToday = (): string => serverToday ?? core.londonWallClock(new Date()).date;

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
