import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEvents, type EventAttributes } from 'ics';
import type { Calendar, CalendarEvent, CalendarEventInput } from '../../ports/calendar.port';

interface StoredEvent extends CalendarEvent {
  /** RFC 5545 SEQUENCE: rises on every change so calendar apps take the newest. */
  sequence: number;
}

export interface IcsCalendar extends Calendar {
  /** A subscribable calendar of every event a person organises or attends (cancelled ones marked so). */
  feedFor(email: string): string;
}

const toIcsDate = (iso: string): [number, number, number, number, number] => {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
};

function toIcs(e: StoredEvent): EventAttributes {
  return {
    uid: `${e.meetingId}@school-improvement`,
    sequence: e.sequence,
    start: toIcsDate(e.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: toIcsDate(e.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: e.subject,
    description: e.joinUrl ? `${e.body}\n\nJoin: ${e.joinUrl}` : e.body,
    ...(e.location ? { location: e.location } : {}),
    ...(e.joinUrl ? { url: e.joinUrl } : {}),
    status: e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: e.organiserName, email: e.organiserEmail },
    attendees: e.attendees.map((a) => ({ name: a.name, email: a.email, rsvp: true, role: a.required ? 'REQ-PARTICIPANT' : 'OPT-PARTICIPANT' })),
  };
}

function render(events: StoredEvent[], method: 'REQUEST' | 'CANCEL' | 'PUBLISH'): string {
  const { error, value } = createEvents(events.map(toIcs), { method, productId: 'school-improvement' });
  if (error || !value) throw new Error(`Could not write the calendar: ${error?.message ?? 'unknown error'}`);
  return value;
}

const sameSchedule = (a: CalendarEventInput, b: CalendarEventInput): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The local calendar: each meeting's invitation as an `.ics` file in `dir` (METHOD:REQUEST, then
 * CANCEL when cancelled) and a per-person feed a calendar app can subscribe to. State lives in
 * `events.json`, written by rename so a crash never leaves half a file.
 */
export function createIcsCalendar(options: { dir: string; joinUrlFor?: (meetingId: string) => string }): IcsCalendar {
  mkdirSync(options.dir, { recursive: true });
  const statePath = join(options.dir, 'events.json');
  const events = new Map<string, StoredEvent>(existsSync(statePath) ? (JSON.parse(readFileSync(statePath, 'utf8')) as StoredEvent[]).map((e) => [e.meetingId, e]) : []);
  const save = (changed: StoredEvent) => {
    const tmp = `${statePath}.tmp`;
    writeFileSync(tmp, JSON.stringify([...events.values()], null, 1));
    renameSync(tmp, statePath);
    writeFileSync(join(options.dir, `${changed.meetingId.replace(/[^A-Za-z0-9_-]/g, '_')}.ics`), render([changed], changed.status === 'cancelled' ? 'CANCEL' : 'REQUEST'));
  };
  const publicView = ({ sequence: _s, ...e }: StoredEvent): CalendarEvent => e;

  return {
    async schedule(input) {
      const current = events.get(input.meetingId);
      if (current && current.status === 'scheduled' && sameSchedule(input, stripStored(current))) return publicView(current);
      const joinUrl = input.online ? options.joinUrlFor?.(input.meetingId) : undefined;
      const next: StoredEvent = {
        ...input,
        eventId: current?.eventId ?? `ics-${input.meetingId}`,
        ...(joinUrl ? { joinUrl } : {}),
        status: 'scheduled',
        sequence: (current?.sequence ?? -1) + 1,
      };
      events.set(input.meetingId, next);
      save(next);
      return publicView(next);
    },
    async cancel(meetingId, comment) {
      const current = events.get(meetingId);
      if (!current || current.status === 'cancelled') return;
      const next: StoredEvent = { ...current, status: 'cancelled', body: `${comment}\n\n${current.body}`, sequence: current.sequence + 1 };
      events.set(meetingId, next);
      save(next);
    },
    async get(meetingId) {
      const e = events.get(meetingId);
      return e ? publicView(e) : undefined;
    },
    feedFor(email) {
      const who = email.toLowerCase();
      const mine = [...events.values()].filter((e) => e.organiserEmail.toLowerCase() === who || e.attendees.some((a) => a.email.toLowerCase() === who));
      return render(mine.sort((a, b) => a.startsAt.localeCompare(b.startsAt)), 'PUBLISH');
    },
  };
}

function stripStored(e: StoredEvent): CalendarEventInput {
  const { eventId: _e, joinUrl: _j, status: _st, sequence: _sq, ...input } = e;
  return input;
}
