import { Cron } from 'croner';
import { isDailySweepDue, sweepDateOf } from '../../core/domain/daily-sweep';
import type { LocalDate } from '../../core/domain/local-date';
import { UK_TIME_ZONE } from '../../core/domain/london-time';

export interface DailySweepScheduler {
  /** Runs the sweep when it is due (past `at` UK time, not yet run today); true when it ran. */
  runIfDue(): Promise<boolean>;
  /** When croner fires next. */
  nextRun(): Date | null;
  lastRunOn(): LocalDate | undefined;
  stop(): void;
}

/**
 * The local stand-in for the Azure timer: croner fires at `at` (HH:MM) every day in UK time, and
 * once at start-up to catch up when the host starts after that time. Each UK date runs at most once
 * here; the sent log is what guarantees each reminder reaches each person once however often it runs.
 */
export function scheduleDailySweep(
  sweep: () => Promise<unknown>,
  options: {
    at?: string;
    now?: () => Date;
    catchUp?: boolean;
    onRun?: (date: LocalDate, result: unknown) => void;
    onError?: (e: unknown) => void;
  } = {},
): DailySweepScheduler {
  const at = options.at ?? '07:30';
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!match) throw new Error(`daily sweep time must be HH:MM, not ${at}`);
  const now = options.now ?? (() => new Date());
  let last: LocalDate | undefined;
  let running: Promise<boolean> | undefined;

  const runIfDue = (): Promise<boolean> => {
    // One at a time: a tick arriving while a sweep runs waits for it, then finds today done.
    if (running) return running.then(() => runIfDue());
    const when = now();
    if (!isDailySweepDue(when, at, last)) return Promise.resolve(false);
    const date = sweepDateOf(when);
    running = sweep()
      .then((result) => {
        last = date;
        options.onRun?.(date, result);
        return true;
      })
      .catch((e: unknown) => {
        options.onError?.(e);
        return false;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const job = new Cron(
    `${Number(match[2])} ${Number(match[1])} * * *`,
    { timezone: UK_TIME_ZONE, unref: true, name: 'daily-reminder-sweep' },
    async () => {
      await runIfDue();
    },
  );
  if (options.catchUp !== false) void runIfDue();
  return { runIfDue, nextRun: () => job.nextRun(), lastRunOn: () => last, stop: () => job.stop() };
}
