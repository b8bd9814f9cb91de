import { formatInTimeZone } from 'date-fns-tz';
import type { LocalDate } from './local-date';
import { UK_TIME_ZONE } from './london-time';

/**
 * Azure Functions timers run on UTC CRON, so a fixed UTC time drifts an hour across the clock
 * changes. Instead the timer fires every quarter hour and the sweep runs on the first tick at or
 * after the local time in England, once per UK date.
 */
export const SWEEP_TIMER_SCHEDULE = '0 */15 * * * *';

/** Whether the daily sweep is due at `now`: past `localTime` (HH:MM, UK time) and not yet run on today's UK date. */
export function isDailySweepDue(now: Date, localTime: string, lastRunOn: LocalDate | undefined): boolean {
  const today = formatInTimeZone(now, UK_TIME_ZONE, 'yyyy-MM-dd');
  const clock = formatInTimeZone(now, UK_TIME_ZONE, 'HH:mm');
  return clock >= localTime && (lastRunOn === undefined || lastRunOn < today);
}

/** The UK date a sweep that runs now is for (what to record as its last run). */
export const sweepDateOf = (now: Date): LocalDate => formatInTimeZone(now, UK_TIME_ZONE, 'yyyy-MM-dd');
