import type { Academy } from './academy';
import { formatLongDate, formatLongDateTime, formatTime } from './format/dates';
import type { LocalDate } from './local-date';
import { londonToUtc } from './london-time';
import type { Meeting } from './meeting';
import type { MeetingKind } from './models/improvement-model.schema';
import type { Person } from './people';

/** The calendar event a meeting becomes: subject, agenda and papers in the body, attendees by presence. */
export function calendarEventFor(
  meeting: Meeting,
  kind: Pick<MeetingKind, 'name' | 'abbreviation' | 'agenda'>,
  academy: Pick<Academy, 'name'>,
  people: readonly Person[],
) {
  const byId = new Map(people.map((p) => [p.id, p]));
  const chair = byId.get(meeting.chairId);
  const attendees = meeting.attendees
    .filter((a) => a.personId !== meeting.chairId && a.attendance !== 'apologies')
    .flatMap((a) => {
      const p = byId.get(a.personId);
      return p ? [{ email: p.email, name: p.name, required: a.presence !== 'where-appropriate' }] : [];
    });
  const substitutes = meeting.attendees.flatMap((a) =>
    a.apology?.substituteId && byId.get(a.apology.substituteId) ? [byId.get(a.apology.substituteId)!] : [],
  );
  for (const s of substitutes)
    if (!attendees.some((x) => x.email === s.email)) attendees.push({ email: s.email, name: s.name, required: true });
  const lines = [
    `${kind.name} at ${academy.name}, ${formatLongDateTime(meeting.startsAt)} (UK time).`,
    meeting.purpose ? `Purpose: ${meeting.purpose}` : '',
    meeting.focus.length ? `Focus: ${meeting.focus.join(', ')}` : '',
    kind.agenda.length ? `Agenda:\n${kind.agenda.map((x, i) => `${i + 1}. ${x}`).join('\n')}` : '',
    meeting.papers.length ? `Papers (due ${meeting.papers.map((p) => `${p.title} by ${formatLongDate(p.dueDate)}`).join('; ')})` : '',
  ].filter(Boolean);
  return {
    meetingId: meeting.id,
    organiserEmail: chair?.email ?? '',
    organiserName: chair?.name ?? '',
    subject: `${kind.abbreviation}: ${academy.name}`,
    body: lines.join('\n\n'),
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    location: academy.name,
    attendees,
    online: true,
  };
}

/** What attendees are told when a meeting's event is cancelled: which meeting, and why. */
export function cancellationCommentFor(
  meeting: Pick<Meeting, 'startsAt'>,
  kind: Pick<MeetingKind, 'name'>,
  academy: Pick<Academy, 'name'>,
): string {
  return (
    `The ${kind.name} at ${academy.name} on ${formatLongDateTime(meeting.startsAt)} (UK time) is cancelled: ` +
    `the trust's year plan no longer includes it. There is nothing to prepare for it; if it is arranged again you will get a new invitation.`
  );
}

/** The calendar key of the monitoring visit before a meeting: one event per visit, beside the meeting's own. */
export const monitoringVisitEventId = (meetingId: string): string => `${meetingId}~monitoring-visit`;

/**
 * The monitoring visit the day before a meeting whose kind has one (DSAT: evidence is gathered
 * "during the monitoring aspects of the visit (typically undertaken the day before the AIM)"), as
 * an event in the chair's calendar with the head, who leads the learning walk. It keeps the
 * meeting's hours, since the planner keeps the chair's whole day for it.
 */
export function monitoringVisitEventFor(
  meeting: Meeting,
  kind: MeetingKind,
  academy: Pick<Academy, 'name'>,
  people: readonly Person[],
  day: LocalDate,
) {
  const byId = new Map(people.map((p) => [p.id, p]));
  const chair = byId.get(meeting.chairId);
  const heads = meeting.attendees.flatMap((a) => {
    const p = a.role === 'head' && a.attendance !== 'apologies' ? byId.get(a.personId) : undefined;
    return p && p.id !== meeting.chairId ? [{ email: p.email, name: p.name, required: true }] : [];
  });
  const startsAt = londonToUtc(day, formatTime(meeting.startsAt));
  const endsAt = new Date(Date.parse(startsAt) + (Date.parse(meeting.endsAt) - Date.parse(meeting.startsAt))).toISOString();
  return {
    meetingId: monitoringVisitEventId(meeting.id),
    organiserEmail: chair?.email ?? '',
    organiserName: chair?.name ?? '',
    subject: `Monitoring visit before the ${kind.abbreviation}: ${academy.name}`,
    body: [
      `Monitoring visit at ${academy.name}, ${formatLongDateTime(startsAt)} (UK time), the day before the ${kind.name} on ${formatLongDate(meeting.date)}.`,
      'Evidence gathered in school (learning walk, lesson observations, work scrutiny) is used at the meeting.',
      'Record it in the app as a monitoring visit linked to the meeting, so it can be cited as evidence for the judgements.',
    ].join('\n\n'),
    startsAt,
    endsAt,
    location: academy.name,
    attendees: heads,
    online: false,
  };
}
