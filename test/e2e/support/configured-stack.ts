import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { JWTVerifyGetKey } from 'jose';
import pino from 'pino';
import { fixedClock } from '../../../core/ports/clock.port';
import { loadConfig } from '../../../functions/config/app-config';
import { composeLocal } from '../../../functions/local/compose-local';
import type { RunningStack } from '../local-stack';

/**
 * The local host as `startLocalStack` runs it (in-memory SQLite seeded as of `at`, on 127.0.0.1),
 * with settings of the test's own: the matrix sends thousands of requests a minute, far past the
 * per-person and per-address rate limits a real tab meets; the audit test signs in with Teams SSO.
 */
export async function startConfiguredStack(
  at: string,
  env: Record<string, string>,
  options: { sso?: { jwks: JWTVerifyGetKey; issuer: string } } = {},
): Promise<RunningStack> {
  const config = loadConfig({ TRUST_DB: ':memory:', LOG_LEVEL: 'silent', ...env });
  const local = await composeLocal(config, fixedClock(at), {
    logger: pino({ level: 'silent' }),
    ...(options.sso ? { sso: options.sso } : {}),
  });
  const server: Server = await new Promise((resolve) => {
    const s = local.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    local,
    base,
    async call(method, path, o = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (o.as) headers['x-dev-person'] = o.as;
      const res = await fetch(`${base}${path}`, {
        method,
        headers,
        ...(o.rawBody !== undefined ? { body: o.rawBody } : o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
      });
      return { status: res.status, body: await res.json() };
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await local.close();
    },
  };
}

/** Rate limits far above anything a test sends, so no request in it is refused for its pace. */
export const NO_RATE_LIMITS: Record<string, string> = {
  RATE_LIMIT_PER_PERSON: '1000000',
  RATE_LIMIT_PER_ADDRESS: '1000000',
  RATE_LIMIT_SIGN_IN_FAILURES: '1000000',
  RATE_LIMIT_BOT_PER_ADDRESS: '1000000',
  RATE_LIMIT_BOT_PER_SENDER: '1000000',
};
