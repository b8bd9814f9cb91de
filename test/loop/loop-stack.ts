import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import type { Clock } from '../../core/ports/clock.port';
import { loadConfig } from '../../functions/config/app-config';
import { composeLocal } from '../../functions/local/compose-local';
import type { RunningStack } from '../e2e/local-stack';

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
  const server: Server = await new Promise((resolve) => {
    const s = local.app.listen(0, '127.0.0.1', () => resolve(s));
    // Longer than the client's own keep-alive (undici's 4 s), so a test's next call never reuses a socket the server is
    // closing just then (ECONNRESET when a busy machine delays a test between two calls).
    s.keepAliveTimeout = 30_000;
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    local,
    base,
    setNow: (t) => {
      now = new Date(t);
    },
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.as) headers['x-dev-person'] = options.as;
      const init: RequestInit = { method, headers };
      if (options.rawBody !== undefined) init.body = options.rawBody;
      else if (options.body !== undefined) init.body = JSON.stringify(options.body);
      const res = await fetch(`${base}${path}`, init);
      return { status: res.status, body: await res.json() };
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await local.close();
    },
  };
}

/** Who changed a record, newest first, as `GET /api/history/:kind/:id` shows it. */
export async function historyActors(stack: RunningStack, kind: string, id: string, as = 'ceo'): Promise<string[]> {
  const res = await stack.call('GET', `/api/history/${kind}/${encodeURIComponent(id)}`, { as });
  if (res.status !== 200) throw new Error(`history of ${kind}/${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body.items as { actorId: string }[]).map((e) => e.actorId);
}
