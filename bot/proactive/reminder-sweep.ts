import { dueReminders } from '../../core/services/reminders.service';
import type { BotDeps } from '../conversation/bot-types';
import type { ProactiveSender, SendResult } from './proactive-sender';
import { reminderCard } from './reminder-cards';
import { reminderKey } from './send-decisions';

/**
 * One sweep (a timer trigger in Azure, a local interval): every reminder due today, each sent
 * through the sender, which sends each reminder to each person once however often the sweep runs.
 */
export async function runReminderSweep(deps: BotDeps, sender: ProactiveSender, signal?: AbortSignal): Promise<Record<SendResult['status'] | 'gone', number>> {
  const counts = { sent: 0, duplicate: 0, 'no-conversation': 0, failed: 0, gone: 0 };
  const due = await dueReminders(deps);
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
