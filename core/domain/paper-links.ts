/**
 * A paper's link, as a person types it, opens from the meeting page and the cards, so it must be an
 * `https:` address: `javascript:` and `data:` would run in the viewer's session, and `http:` sends
 * the paper in the clear. It is read with the URL parser, as a browser reads it, never by a prefix
 * check, so " JaVaScRiPt:alert(1)" cannot pass as text that merely looks right.
 */
export function httpsLink(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  // What is stored is the parser's own reading, so it is exactly the address that was checked.
  return url.protocol === 'https:' && url.hostname !== '' ? url.href : undefined;
}

/** Whether a typed link is an `https:` address with a host. */
export const isHttpsLink = (link: string): boolean => httpsLink(link) !== undefined;

export const HTTPS_LINK_MESSAGE = 'The link must start with https://';
