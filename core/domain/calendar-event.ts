import type { Academy } from './academy';
import { formatLongDate, formatLongDateTime } from './format/dates';
import type { Meeting } from './meeting';
import type { MeetingKind } from './models/improvement-model.schema';
import type { Person } from './people';

/** The calendar event a meeting becomes: subject, agenda and papers in the body, attendees by presence. */
export function calendarEventFor(meeting: Meeting, kind: MeetingKind, academy: Pick<Academy, 'name'>, people: readonly Person[]) {
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
