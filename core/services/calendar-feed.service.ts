import { createHash, randomBytes } from 'node:crypto';
import { NotFoundError } from '../domain/errors';
import type { Person } from '../domain/people';
import type { ServiceDeps } from './service-context';

/**
 * Private calendar feeds. Outlook and Google Calendar subscribe to a URL and cannot send a header,
 * so the secret has to sit in the URL: a random token per person (256 bits), of which only the
 * SHA-256 is stored on the person record. A reset stores a new hash, so the old URL stops working
 * at once; an unknown token is simply not found.
 */
export interface CalendarFeeds {
  /** The host's public origin; feeds are served at `<baseUrl>/calendar/<token>.ics`. */
  baseUrl: string;
  /** Everything a person organises or attends, as iCalendar text. */
  feedFor(email: string): string | Promise<string>;
  /** Tests only: a fixed token instead of 32 random bytes. */
  newToken?: () => string;
}

/** What My work shows: whether feeds exist on this host, whether the person has a live link, and the link only when just made. */
export type FeedLink = { available: false } | { available: true; active: boolean; url?: string };

/** 32 random bytes as base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
const urlOf = (feeds: CalendarFeeds, token: string): string => `${feeds.baseUrl.replace(/\/$/, '')}/calendar/${token}.ics`;

/**
 * The viewer's feed link state. The link itself cannot be shown again once made (only its hash is
 * kept), so My work offers "reset link" to get a new one.
 */
export async function feedLinkForMe(deps: ServiceDeps, feeds: CalendarFeeds | undefined, viewer: Person): Promise<FeedLink> {
  if (!feeds) return { available: false };
  const me = await deps.store.people.get(viewer.id);
  return { available: true, active: Boolean(me?.calendarFeedTokenHash) };
}

/** A new private link for the viewer; any earlier link stops working. The URL is returned once and never stored. */
export async function resetMyFeedLink(deps: ServiceDeps, feeds: CalendarFeeds | undefined, viewer: Person): Promise<FeedLink> {
  if (!feeds) throw new NotFoundError('calendar feed', viewer.id, { message: 'Calendar feeds are not available on this installation' });
  const me = await deps.store.people.get(viewer.id);
  if (!me) throw new NotFoundError('person', viewer.id);
  const token = feeds.newToken?.() ?? randomBytes(32).toString('base64url');
  await deps.store.people.update({ ...me, calendarFeedTokenHash: hashOf(token) });
  return { available: true, active: true, url: urlOf(feeds, token) };
}

/**
 * The feed a token opens, or undefined for a malformed, unknown or reset token. The people of a
 * trust are a few hundred records, so finding the hash by listing them costs little at a calendar
 * app's polling rate (hours), and needs no query on either store.
 */
export async function feedForToken(deps: ServiceDeps, feeds: CalendarFeeds | undefined, token: string): Promise<string | undefined> {
  if (!feeds || !TOKEN.test(token)) return undefined;
  const hash = hashOf(token);
  const people = await deps.store.people.list({}).toArray();
  const person = people.find((p) => p.calendarFeedTokenHash === hash);
  return person ? feeds.feedFor(person.email) : undefined;
}
