import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/*
 * The security headers of every response of both hosts, decided here once and set by helmet: the
 * local Express host uses helmet as middleware, the Azure Functions app sets the very headers helmet
 * produces (computed once per kind, below).
 */

/**
 * Who may frame the tab: exactly the Teams and Microsoft 365 hosts Microsoft lists for tabs
 * ("Prerequisites" of "Build tabs for Teams", learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements,
 * the table "Microsoft 365 app host / frame-ancestor permission"): all hosts (new) `*.cloud.microsoft`;
 * Teams `teams.microsoft.com`, `*.teams.microsoft.com`; the Microsoft 365 app `*.microsoft365.com`,
 * `*.office.com`; Outlook `outlook.office.com`, `outlook.office365.com`, `outlook-sdf.office.com`,
 * `outlook-sdf.office365.com`.
 */
export const TEAMS_FRAME_ANCESTORS = [
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

/** `tab`: the tab's pages and assets (framed by Teams). `api`: JSON, feeds, the bot, errors: never rendered, never framed. */
export type ResponseKind = 'tab' | 'api';

export interface SecurityHeaderOptions {
  /** HSTS only in production: the local host is plain http on loopback (RFC 6797 §7.2: HSTS over http is ignored anyway). */
  production: boolean;
}

/** The tab's Content-Security-Policy directives (helmet's names). */
function tabDirectives(production: boolean): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    // Vite emits module scripts and chunks under /tab/assets; nothing inline, nothing from elsewhere.
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // Fluent UI v9 (Griffel) inserts <style> elements at runtime, and index.html has one inline rule.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // The tab talks only to its own API.
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': [...TEAMS_FRAME_ANCESTORS],
    // On plain http (the local host) upgrading would break every asset.
    ...(production ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** helmet's settings for one kind of response. */
export function helmetOptions(kind: ResponseKind, options: SecurityHeaderOptions): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: kind === 'tab' ? tabDirectives(options.production) : { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] },
    },
    // frame-ancestors decides framing; X-Frame-Options has no way to name Teams' hosts, so the tab sends none.
    xFrameOptions: kind === 'tab' ? false : { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // The tab lives in Teams' frame; never isolate it from the window that embeds it.
    crossOriginOpenerPolicy: kind === 'tab' ? { policy: 'same-origin-allow-popups' } : { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  };
}

/** Express middleware setting the headers of `kind` (the local host). */
export const securityMiddleware = (kind: ResponseKind, options: SecurityHeaderOptions): RequestHandler =>
  helmet(helmetOptions(kind, options));

const computed = new Map<string, Readonly<Record<string, string>>>();

/**
 * The headers of `kind` as a plain object (the Functions app, which has no middleware): exactly what
 * helmet sets, collected from one run of it against a stand-in response.
 */
export function securityHeaders(kind: ResponseKind, options: SecurityHeaderOptions): Readonly<Record<string, string>> {
  const key = `${kind}:${options.production}`;
  const known = computed.get(key);
  if (known) return known;
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) =>
      void (headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  let failed: unknown;
  helmet(helmetOptions(kind, options))({} as never, res as never, (err?: unknown) => void (failed = err));
  if (failed) throw failed instanceof Error ? failed : new Error('helmet refused its own settings', { cause: failed });
  const frozen = Object.freeze(headers);
  computed.set(key, frozen);
  return frozen;
}

/** `headers` with the security headers of `kind` in front (a response's own headers, such as a download's sandbox CSP, win). */
export const withSecurityHeaders = (
  kind: ResponseKind,
  options: SecurityHeaderOptions,
  headers: Record<string, string> = {},
): Record<string, string> => ({ ...securityHeaders(kind, options), ...lowerCased(headers) });

const lowerCased = (h: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
