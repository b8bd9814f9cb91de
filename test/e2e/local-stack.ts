import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import { fixedClock } from '../../core/ports/clock.port';
import { loadConfig } from '../../functions/config/app-config';
import { composeLocal, type LocalApp } from '../../functions/local/compose-local';
import type { BotOptions } from '../../bot/compose-bot';

export interface RunningStack {
  local: LocalApp;
  base: string;
  /** fetch JSON from the host as a person of the demo trust (undefined = nobody). */
  call(method: string, path: string, options?: { as?: string; body?: unknown; rawBody?: string }): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

/**
 * The real local host on 127.0.0.1 with an in-memory SQLite store seeded as of `at` (or the SQLite
 * file `db`, seeded on first use, so a second stack on it is the same app restarted).
 */
export async function startLocalStack(at = '2026-11-23T10:00:00Z', options: { db?: string; bot?: BotOptions } = {}): Promise<RunningStack> {
  const config = loadConfig({ TRUST_DB: options.db ?? ':memory:', LOG_LEVEL: 'silent' });
  const local = await composeLocal(config, fixedClock(at), {
    logger: pino({ level: 'silent' }),
    ...(options.bot ? { bot: options.bot } : {}),
  });
  return serveLocal(local);
}

/** Serves a composed local host on 127.0.0.1 (a free port) and calls it as a person of the demo trust. */
export async function serveLocal(local: LocalApp): Promise<RunningStack> {
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
