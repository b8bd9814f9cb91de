import pino from 'pino';
import type { Clock } from '../../core/ports/clock.port';
import { loadConfig } from '../../functions/config/app-config';
import { composeLocal } from '../../functions/local/compose-local';
import { serveLocal, type RunningStack } from '../e2e/local-stack';

export interface LoopStack extends RunningStack {
  /** Moves the host's clock (a journey that spans weeks: a review date passing). */
  setNow(at: string): void;
}

/**
 * The real local host on 127.0.0.1, as `startLocalStack` starts it, but on a clock the test can
 * move: the demo trust is seeded as of `at`, and every later request sees the time set last.
 */
export async function startLoopStack(at: string): Promise<LoopStack> {
  let now = new Date(at);
  const clock: Clock = { now: () => new Date(now) };
  const config = loadConfig({ TRUST_DB: ':memory:', LOG_LEVEL: 'silent' });
  const local = await composeLocal(config, clock, { logger: pino({ level: 'silent' }) });
  return {
    ...(await serveLocal(local)),
    setNow: (t) => {
      now = new Date(t);
    },
  };
}

/** Who changed a record, newest first, as `GET /api/history/:kind/:id` shows it. */
export async function historyActors(stack: RunningStack, kind: string, id: string, as = 'ceo'): Promise<string[]> {
  const res = await stack.call('GET', `/api/history/${kind}/${encodeURIComponent(id)}`, { as });
  if (res.status !== 200) throw new Error(`history of ${kind}/${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body.items as { actorId: string }[]).map((e) => e.actorId);
}
