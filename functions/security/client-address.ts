/*
 * The caller's address, for rate limits only (never for a decision about who someone is).
 */

/** An address without its port: "203.0.113.7:51234" → "203.0.113.7", "[2001:db8::1]:443" → "2001:db8::1". */
export function withoutPort(address: string): string {
  const a = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(a);
  if (v4) return v4[1]!;
  return a.replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/, '$1');
}

/**
 * Behind Azure's front end (App Service / Functions) the client is the last entry of
 * `X-Forwarded-For`, the one the front end appended (entries before it are whatever the client
 * sent, so never trusted); on the local host it is the socket's peer.
 */
export function clientAddress(headers: Record<string, string | undefined>, socketAddress?: string): string {
  if (socketAddress) return withoutPort(socketAddress);
  const forwarded = headers['x-forwarded-for']
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const last = forwarded?.[forwarded.length - 1];
  return last ? withoutPort(last) : 'unknown';
}
