import type { AppConfig } from '../config/app-config';

/*
 * DNS rebinding: a web page on another site can point its own host name at 127.0.0.1 and then talk
 * to the local host from the victim's browser. The browser still sends that site's name as `Host`,
 * so the local host answers only requests that name it: `localhost` or `127.0.0.1` (and, when a dev
 * tunnel is configured, the tunnel's own host name, which is what requests through it carry).
 */

const LOOPBACK_NAMES = ['localhost', '127.0.0.1'];

/** The host names the local host answers to. */
export function allowedHostNames(config: Pick<AppConfig, 'PUBLIC_BASE_URL'>): string[] {
  const tunnel = config.PUBLIC_BASE_URL ? new URL(config.PUBLIC_BASE_URL).hostname.toLowerCase() : undefined;
  return [...LOOPBACK_NAMES, ...(tunnel ? [tunnel] : [])];
}

/** The name in a `Host` header, without its port; undefined when it is not a plain host[:port]. */
export function hostNameOf(host: string | undefined): string | undefined {
  const m = host === undefined ? null : /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.exec(host.trim());
  return m ? m[1]!.toLowerCase() : undefined;
}

/** Whether a request's `Host` header names this host. */
export const isAllowedHost = (host: string | undefined, allowed: readonly string[]): boolean => {
  const name = hostNameOf(host);
  return name !== undefined && allowed.includes(name);
};

/** 421 Misdirected Request (RFC 9110 §15.5.20): this server does not answer for that name. */
export const misdirected = (host: string | undefined) => ({
  status: 421,
  body: {
    error: {
      code: 'HOST.NOT_ALLOWED',
      message: `This server does not answer for "${String(host ?? '').slice(0, 100)}"; open it as http://localhost.`,
    },
  },
});
