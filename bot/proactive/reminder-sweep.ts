import type { BotDeps } from '../conversation/bot-types';
import type { ProactiveSender, SendResult } from './proactive-sender';
import { reminderCard } from './reminder-cards';
import { reminderKey } from '../../core/services/delivery/send-decisions';

/**
 * One sweep (a timer trigger in Azure, a local interval): every reminder due today, each sent
 * through the sender, which sends each reminder to each person once however often the sweep runs.
 * With `personId`, only that person's (their first conversation with the bot).
 */
export async function runReminderSweep(
  deps: BotDeps,
  sender: ProactiveSender,
  options: { signal?: AbortSignal; personId?: string } = {},
): Promise<Record<SendResult['status'] | 'gone', number>> {
  const { signal, personId } = options;
  const counts = { sent: 0, duplicate: 0, 'no-conversation': 0, failed: 0, gone: 0 };
  const due = await deps.services.jobs.dueReminders(personId);
  await Promise.all(
    due.map(async (r) => {
      const card = await reminderCard(deps, r);
      if (!card) return void counts.gone++;
      const result = await sender.send(r.personId, reminderKey(r.kind, r.occurrence, r.personId), card, signal);
      counts[result.status]++;
    }),
  );
  return counts;
}
