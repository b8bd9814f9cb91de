import type { Calendar, CalendarAttendee, CalendarEvent, CalendarEventInput } from '../../ports/calendar.port';
import type { GraphClient } from '../graph/graph-client';
import { isGraphStatus, GraphRequestError } from '../graph/graph-error';

/** Our namespace for single-value extended properties (singlevaluelegacyextendedproperty-post.md). */
const NS = '{7d1c6b2e-9f3a-4c55-8e21-5a0b3c9d4e10}';
const MEETING_ID = `String ${NS} Name SchoolImprovementMeetingId`;
const CHAIR = `String ${NS} Name SchoolImprovementChair`;

interface GraphEvent {
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

/**
 * Outlook events via Graph in the trust's organiser mailbox (the only one the app may write, by
 * application access policy), the chair invited as a required attendee. Each event carries our
 * meeting id as an extended property so it can be found again; creates carry a `transactionId` so
 * a retried POST never doubles an event (a repeat answers 400 ErrorDuplicateTransactionId, observed:
 * then the existing event is used). Moves are PATCHes; cancelling notifies attendees (event-cancel.md).
 */
export function createGraphCalendar(options: { client: GraphClient; mailbox: string }): Calendar {
  const { client } = options;
  const events = `/users/${encodeURIComponent(options.mailbox)}/events`;
  const expand = `$expand=singleValueExtendedProperties($filter=id eq '${MEETING_ID}' or id eq '${CHAIR}')`;

  const findAll = async (meetingId: string, signal?: AbortSignal): Promise<GraphEvent[]> => {
    const filter = encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${MEETING_ID}' and ep/value eq '${meetingId.replace(/'/g, "''")}')`);
    const page = await client.call<{ value?: GraphEvent[] }>('GET', `${events}?$filter=${filter}&${expand}`, { signal, headers: { Prefer: 'outlook.timezone="UTC"' } });
    return page.value ?? [];
  };
  const live = (all: GraphEvent[]) => all.find((e) => !e.isCancelled);

  const toGraph = (input: CalendarEventInput) => {
    const attendees: CalendarAttendee[] = [{ email: input.organiserEmail, name: input.organiserName, required: true }, ...input.attendees.filter((a) => a.email.toLowerCase() !== input.organiserEmail.toLowerCase())];
    return {
      subject: input.subject,
      body: { contentType: 'text', content: input.body },
      start: graphTime(input.startsAt),
      end: graphTime(input.endsAt),
      ...(input.location ? { location: { displayName: input.location } } : {}),
      attendees: attendees.map((a) => ({ emailAddress: { address: a.email, name: a.name }, type: a.required ? 'required' : 'optional' })),
      ...(input.online ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
    };
  };

  const fromGraph = (e: GraphEvent, fallback?: CalendarEventInput): CalendarEvent => {
    const prop = (id: string) => e.singleValueExtendedProperties?.find((p) => p.id === id)?.value;
    const [chairEmail = fallback?.organiserEmail ?? '', chairName = fallback?.organiserName ?? ''] = (prop(CHAIR) ?? '').split('|');
    const attendees = (e.attendees ?? [])
      .filter((a) => a.emailAddress.address.toLowerCase() !== chairEmail.toLowerCase())
      .map((a) => ({ email: a.emailAddress.address, name: a.emailAddress.name ?? a.emailAddress.address, required: a.type !== 'optional' }));
    return {
      meetingId: prop(MEETING_ID) ?? fallback?.meetingId ?? '',
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
  };

  return {
    async schedule(input, o) {
      const all = await findAll(input.meetingId, o?.signal);
      const current = live(all);
      if (current) {
        const updated = await client.call<GraphEvent>('PATCH', `${events}/${encodeURIComponent(current.id)}`, { body: toGraph(input), signal: o?.signal, idempotent: true });
        return fromGraph({ ...current, ...updated, singleValueExtendedProperties: current.singleValueExtendedProperties }, input);
      }
      // One transaction id per life of the meeting's event: a retry repeats it, a re-plan after a cancellation does not.
      const transactionId = `${input.meetingId}#${all.filter((e) => e.isCancelled).length}`;
      try {
        const created = await client.call<GraphEvent>('POST', events, {
          body: {
            ...toGraph(input),
            transactionId,
            singleValueExtendedProperties: [
              { id: MEETING_ID, value: input.meetingId },
              { id: CHAIR, value: `${input.organiserEmail}|${input.organiserName}` },
            ],
          },
          signal: o?.signal,
          idempotent: true,
        });
        return fromGraph(created, input);
      } catch (e) {
        if (!(e instanceof GraphRequestError) || !(isGraphStatus(e, 400) && /DuplicateTransactionId/i.test(e.code ?? ''))) throw e;
        const existing = live(await findAll(input.meetingId, o?.signal));
        if (!existing) throw e;
        return fromGraph(existing, input);
      }
    },
    async cancel(meetingId, comment, o) {
      const current = live(await findAll(meetingId, o?.signal));
      if (!current) return;
      try {
        await client.call('POST', `${events}/${encodeURIComponent(current.id)}/cancel`, { body: { comment }, signal: o?.signal, idempotent: true });
      } catch (e) {
        if (!isGraphStatus(e, 404)) throw e; // already gone
      }
    },
    async get(meetingId, o) {
      const all = await findAll(meetingId, o?.signal);
      const e = live(all) ?? all[all.length - 1];
      return e ? fromGraph(e) : undefined;
    },
  };
}
