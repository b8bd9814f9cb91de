import pino from 'pino';
import { handleChat } from '../../../bot/conversation/chat-handler';
import { fixedClock } from '../../../core/ports/clock.port';
import { loadConfig } from '../../../functions/config/app-config';
import { composeLocal } from '../../../functions/local/compose-local';
import { measure, ms, type BenchRow } from '../measure';

/**
 * Bot reply latency on SQLite: from chat text to the reply card, through the same handler
 * `/api/messages` calls (no HTTP). The Graph-store figure (< 300 ms at 50 ms a call) comes with the
 * SharePoint adapter.
 */
export async function botBench(): Promise<BenchRow[]> {
  const local = await composeLocal(loadConfig({ TRUST_DB: ':memory:', LOG_LEVEL: 'silent' }), fixedClock('2026-11-23T10:00:00Z'), { logger: pino({ level: 'silent' }) });
  try {
    const ceo = (await local.store.people.get('ceo'))!;
    const questions = ['how is oakfield doing?', 'status of st marys', 'which schools are red?', "what's overdue at brook lane?", 'next meetings', 'support days left at hill top'];
    let i = 0;
    const r = await measure(300, () => handleChat(local.bot.deps, ceo, questions[i++ % questions.length]));
    return [{ name: 'bot reply (SQLite), p95', figure: ms(r.p95), target: '< 50 ms', pass: r.p95 < 50 }];
  } finally {
    await local.close();
  }
}
