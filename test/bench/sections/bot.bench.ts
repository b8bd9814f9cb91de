import { testBotDeps } from '../../support/test-services';
import pino from 'pino';
import { handleChat } from '../../../bot/conversation/chat-handler';
import { fixedClock } from '../../../core/ports/clock.port';
import { loadConfig } from '../../../functions/config/app-config';
import { composeLocal } from '../../../functions/local/compose-local';
import { measure, ms, type BenchRow } from '../measure';
import { seedDemoTrust } from '../../../core/seed/seed-demo-trust';
import { startGraphServer } from '../../graph-server/graph-server';
import { freshSharePointStore } from '../../graph-server/sharepoint-test-site';

/**
 * Bot reply latency: from chat text to the reply card, through the same handler `/api/messages`
 * calls (no HTTP), on SQLite and on the SharePoint store with 50 ms added to every Graph call.
 */
export async function botBench(): Promise<BenchRow[]> {
  const local = await composeLocal(loadConfig({ TRUST_DB: ':memory:', LOG_LEVEL: 'silent' }), fixedClock('2026-11-23T10:00:00Z'), {
    logger: pino({ level: 'silent' }),
  });
  try {
    const ceo = (await local.store.people.get('ceo'))!;
    const questions = [
      'how is oakfield doing?',
      'status of st marys',
      'which schools are red?',
      "what's overdue at brook lane?",
      'next meetings',
      'support days left at hill top',
    ];
    let i = 0;
    const r = await measure(300, () => handleChat(local.services.open(ceo), local.bot.deps.links, questions[i++ % questions.length]));
    return [
      { name: 'bot reply (SQLite), p95', figure: ms(r.p95), target: '< 50 ms', pass: r.p95 < 50 },
      ...(await botOnGraphBench(questions)),
    ];
  } finally {
    await local.close();
  }
}

/** The same questions with records in SharePoint lists on the Graph-compatible test server, 50 ms per call. */
async function botOnGraphBench(questions: readonly string[]): Promise<BenchRow[]> {
  const server = await startGraphServer({ seed: 11 });
  try {
    const clock = fixedClock('2026-11-23T10:00:00Z');
    const { store } = await freshSharePointStore(server);
    await seedDemoTrust(store, clock);
    const ceo = (await store.people.get('ceo'))!;
    const deps = testBotDeps(store, clock);
    server.faults.latencyMs = 50;
    let i = 0;
    const r = await measure(30, () => handleChat(deps.services.open(ceo), deps.links, questions[i++ % questions.length]), 3);
    return [
      {
        name: 'bot reply (SharePoint, 50 ms per Graph call), p95',
        figure: `p50 ${ms(r.p50)}, p95 ${ms(r.p95)} (${r.runs} runs)`,
        target: '< 300 ms',
        pass: r.p95 < 300,
      },
    ];
  } finally {
    await server.close();
  }
}
