import type { BackgroundJobs } from './function-definitions';
import type { FunctionsApp } from './compose-production';

/** host.json `extensions.queues.maxDequeueCount`: after this many dequeues the runtime poisons a message. */
export const MAX_DEQUEUE_COUNT = 5;

/**
 * The timers' and the queue trigger's work on the production app: the same core functions the local
 * host runs (fan-out, delivery, the calendar reconcile); nothing here decides a rule.
 */
export async function createBackgroundJobs(app: FunctionsApp): Promise<BackgroundJobs> {
  return {
    async fanOutReminders(ctx) {
      return { ...(await app.services.jobs.fanOutReminders(app.queue, app.ledger, { correlationId: ctx.correlationId })) };
    },
    async syncCalendar(ctx) {
      const summary = await app.services.jobs.syncCalendar();
      // One meeting's failure never stops the rest; tomorrow's sync tries it again.
      if (summary.failures.length)
        ctx.logger.warn(
          { failures: summary.failures.slice(0, 20), count: summary.failures.length },
          'some meetings did not reach Outlook; the next sync retries them',
        );
      return {
        created: summary.created,
        updated: summary.updated,
        cancelled: summary.cancelled,
        unchanged: summary.unchanged,
        failed: summary.failures.length,
      };
    },
    async deliverReminder(message, ctx) {
      const result = await app.deliverer.deliver(message, {
        dequeueCount: ctx.dequeueCount,
        maxDequeueCount: MAX_DEQUEUE_COUNT,
        correlationId: ctx.correlationId,
      });
      return result.outcome;
    },
    async recordPoisoned(message, ctx) {
      await app.deliverer.recordPoisoned(
        message,
        new Error(`The Functions host gave up on this message after ${MAX_DEQUEUE_COUNT} attempts (correlation ${ctx.correlationId})`),
      );
    },
    async generateDueBoardPack() {
      return { generated: (await app.services.jobs.generateDueBoardPack()).generated };
    },
    async deliverySweep() {
      return { ...(await app.services.jobs.requeueStalledDeliveries(app.queue, app.ledger)) };
    },
  };
}
