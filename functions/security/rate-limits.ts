import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '../config/app-config';
import type { ApiRequest, ApiResponse } from '../api/api-types';

/*
 * Rate limits for the API and the bot endpoint, the same on both hosts: per signed-in person, per
 * address, and on refused sign-ins per address (so identities cannot be guessed in bulk). Counted by
 * rate-limiter-flexible in this process's memory: each Functions instance counts on its own.
 */

export interface RateLimitSettings {
  windowSeconds: number;
  perPerson: number;
  perAddress: number;
  signInFailuresPerAddress: number;
  botPerAddress: number;
  botPerSender: number;
}

/** The limits from the configuration (RATE_LIMIT_* in functions/config/app-config.ts). */
export const rateLimitSettingsFrom = (c: AppConfig): RateLimitSettings => ({
  windowSeconds: c.RATE_LIMIT_WINDOW_SECONDS,
  perPerson: c.RATE_LIMIT_PER_PERSON,
  perAddress: c.RATE_LIMIT_PER_ADDRESS,
  signInFailuresPerAddress: c.RATE_LIMIT_SIGN_IN_FAILURES,
  botPerAddress: c.RATE_LIMIT_BOT_PER_ADDRESS,
  botPerSender: c.RATE_LIMIT_BOT_PER_SENDER,
});

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number; limit: string };

const ALLOWED: RateDecision = { ok: true };

/** Whole seconds to wait, at least one (RFC 9110 §10.2.3: Retry-After is a number of seconds). */
const secondsOf = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

export interface RateLimits {
  /** One more API call by this person. */
  person(personId: string): Promise<RateDecision>;
  /** One more API call from this address. */
  address(address: string): Promise<RateDecision>;
  /** Whether this address has had too many sign-ins refused this window (counts nothing). */
  signInBlocked(address: string): Promise<RateDecision>;
  /** A refused sign-in (401) from this address. */
  signInFailed(address: string): Promise<void>;
  /** One more bot activity from this address and this sender. */
  bot(address: string, sender: string | undefined): Promise<RateDecision>;
}

/** The limiters, each in memory (rate-limiter-flexible's RateLimiterMemory: a fixed window per key). */
export function createRateLimits(settings: RateLimitSettings): RateLimits {
  const limiter = (keyPrefix: string, points: number) => new RateLimiterMemory({ keyPrefix, points, duration: settings.windowSeconds });
  const person = limiter('person', settings.perPerson);
  const address = limiter('address', settings.perAddress);
  const signIn = limiter('sign-in', settings.signInFailuresPerAddress);
  const botAddress = limiter('bot-address', settings.botPerAddress);
  const botSender = limiter('bot-sender', settings.botPerSender);
  const take = async (l: RateLimiterMemory, key: string, limit: string): Promise<RateDecision> => {
    try {
      await l.consume(key);
      return ALLOWED;
    } catch (e) {
      if (e instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: secondsOf(e.msBeforeNext), limit };
      throw e;
    }
  };
  return {
    person: (id) => take(person, id, 'person'),
    address: (ip) => take(address, ip, 'address'),
    async signInBlocked(ip) {
      const state = await signIn.get(ip);
      return state && state.consumedPoints >= settings.signInFailuresPerAddress
        ? { ok: false, retryAfterSeconds: secondsOf(state.msBeforeNext), limit: 'sign-in' }
        : ALLOWED;
    },
    async signInFailed(ip) {
      await take(signIn, ip, 'sign-in');
    },
    async bot(ip, sender) {
      const byAddress = await take(botAddress, ip, 'bot address');
      if (!byAddress.ok || sender === undefined) return byAddress;
      return take(botSender, sender, 'bot sender');
    },
  };
}

/** 429 with Retry-After and the API's problem shape. */
export function tooManyRequests(decision: Extract<RateDecision, { ok: false }>): ApiResponse {
  const message =
    decision.limit === 'sign-in'
      ? `Too many sign-ins were refused from your network; try again in ${decision.retryAfterSeconds} s.`
      : `Too many requests; please wait ${decision.retryAfterSeconds} s and try again.`;
  return {
    status: 429,
    headers: { 'retry-after': String(decision.retryAfterSeconds) },
    body: { error: { code: 'RATE.LIMITED', message, retryAfterSeconds: decision.retryAfterSeconds } },
  };
}

/**
 * The API behind the address limits, as both hosts call it: refused before any work when the
 * address is over its limit or has had too many sign-ins refused; a 401 counts against the address.
 * (The per-person limit is applied by the API handler, which knows who is calling.)
 */
export function limitedApi(api: (req: ApiRequest) => Promise<ApiResponse>, limits: RateLimits) {
  return async (req: ApiRequest, address: string): Promise<ApiResponse> => {
    const byAddress = await limits.address(address);
    if (!byAddress.ok) return tooManyRequests(byAddress);
    const blocked = await limits.signInBlocked(address);
    if (!blocked.ok) return tooManyRequests(blocked);
    const out = await api(req);
    if (out.status === 401) await limits.signInFailed(address);
    return out;
  };
}

/** Who sent a bot activity, for the per-sender limit only (the Bot Framework token, not this, says who it really is). */
export function botSenderOf(body: unknown): string | undefined {
  const from = typeof body === 'object' && body !== null ? (body as { from?: { id?: unknown; aadObjectId?: unknown } }).from : undefined;
  const id = from?.aadObjectId ?? from?.id;
  return typeof id === 'string' && id !== '' ? id.slice(0, 200) : undefined;
}
