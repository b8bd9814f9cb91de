import { createHash } from 'node:crypto';
import type { CalendarAttendee, CalendarEvent, CalendarEventInput } from '../../ports/calendar.port';

/** Our namespace for single-value extended properties (singlevaluelegacyextendedproperty-post.md). */
const NS = '{7d1c6b2e-9f3a-4c55-8e21-5a0b3c9d4e10}';
export const MEETING_ID = `String ${NS} Name SchoolImprovementMeetingId`;
export const CHAIR = `String ${NS} Name SchoolImprovementChair`;
/**
 * A digest of what we last asked the event to be. Outlook rewrites what it stores (a text body comes
 * back as HTML, times in the zone asked for), so "has the meeting changed?" is answered from our own
 * digest, not by comparing Outlook's copy field by field.
 */
export const FINGERPRINT = `String ${NS} Name SchoolImprovementFingerprint`;

/** `$expand` that brings back only our properties (expanding extended properties needs an id filter). */
export const EXPAND_OURS = `$expand=singleValueExtendedProperties($filter=id eq '${MEETING_ID}' or id eq '${CHAIR}' or id eq '${FINGERPRINT}')`;

export interface GraphEvent {
  id: string;
  subject: string;
  body?: { content?: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  location?: { displayName?: string };
  attendees?: { emailAddress: { address: string; name?: string }; type?: string }[];
  isCancelled?: boolean;
  isOnlineMeeting?: boolean;
  onlineMeeting?: { joinUrl?: string };
  singleValueExtendedProperties?: { id: string; value: string }[];
}

const graphTime = (iso: string) => ({ dateTime: iso.replace(/Z$/, '').replace(/\.\d+$/, ''), timeZone: 'UTC' });
const fromGraphTime = (t: { dateTime: string }) => new Date(`${t.dateTime.replace(/Z$/, '')}Z`).toISOString();

export const propOf = (e: GraphEvent, id: string): string | undefined => e.singleValueExtendedProperties?.find((p) => p.id === id)?.value;

/** The same input always gives the same digest, whatever order its attendees came in. */
export function fingerprintOf(input: CalendarEventInput): string {
  const attendees = [...input.attendees]
    .map((a) => [a.email.toLowerCase(), a.name, a.required] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  const canonical = [
    input.meetingId,
    input.organiserEmail.toLowerCase(),
    input.organiserName,
    input.subject,
    input.body,
    input.startsAt,
    input.endsAt,
    input.location ?? '',
    attendees,
    input.online,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 22);
}

/** Our properties on an event: which meeting, who chairs, and the digest of what was asked. */
export const ourProperties = (input: CalendarEventInput) => [
  { id: MEETING_ID, value: input.meetingId },
  { id: CHAIR, value: `${input.organiserEmail}|${input.organiserName}` },
  { id: FINGERPRINT, value: fingerprintOf(input) },
];

/** The Graph event body: the chair invited as a required attendee, a Teams link when online. */
export function toGraph(input: CalendarEventInput) {
  const attendees: CalendarAttendee[] = [
    { email: input.organiserEmail, name: input.organiserName, required: true },
    ...input.attendees.filter((a) => a.email.toLowerCase() !== input.organiserEmail.toLowerCase()),
  ];
  return {
    subject: input.subject,
    body: { contentType: 'text', content: input.body },
    start: graphTime(input.startsAt),
    end: graphTime(input.endsAt),
    ...(input.location ? { location: { displayName: input.location } } : {}),
    attendees: attendees.map((a) => ({ emailAddress: { address: a.email, name: a.name }, type: a.required ? 'required' : 'optional' })),
    ...(input.online ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
  };
}

/** Back to our shape; the chair is read from our property, so it is not listed twice as an attendee. */
export function fromGraph(e: GraphEvent, fallback?: CalendarEventInput): CalendarEvent {
  const [chairEmail = fallback?.organiserEmail ?? '', chairName = fallback?.organiserName ?? ''] = (propOf(e, CHAIR) ?? '').split('|');
  const attendees = (e.attendees ?? [])
    .filter((a) => a.emailAddress.address.toLowerCase() !== chairEmail.toLowerCase())
    .map((a) => ({ email: a.emailAddress.address, name: a.emailAddress.name ?? a.emailAddress.address, required: a.type !== 'optional' }));
  return {
    meetingId: propOf(e, MEETING_ID) ?? fallback?.meetingId ?? '',
    organiserEmail: chairEmail,
    organiserName: chairName,
    subject: e.subject,
    body: e.body?.content ?? '',
    startsAt: fromGraphTime(e.start),
    endsAt: fromGraphTime(e.end),
    ...(e.location?.displayName ? { location: e.location.displayName } : {}),
    attendees,
    online: e.isOnlineMeeting === true,
    eventId: e.id,
    ...(e.onlineMeeting?.joinUrl ? { joinUrl: e.onlineMeeting.joinUrl } : {}),
    status: e.isCancelled ? 'cancelled' : 'scheduled',
  };
}

/**
 * One transaction id per life of a meeting's event: a retried create repeats it (so Outlook drops
 * the repeat), a re-plan after a cancellation does not.
 */
export const transactionIdFor = (meetingId: string, cancelledBefore: number): string => `${meetingId}#${cancelledBefore}`;
