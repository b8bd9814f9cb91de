import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEvents, type EventAttributes } from 'ics';
import type { Calendar, CalendarEvent, CalendarEventInput, ReconcileOutcome } from '../../ports/calendar.port';

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
    attendees: e.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      rsvp: true,
      role: a.required ? 'REQ-PARTICIPANT' : 'OPT-PARTICIPANT',
    })),
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
  const events = new Map<string, StoredEvent>(
    existsSync(statePath) ? (JSON.parse(readFileSync(statePath, 'utf8')) as StoredEvent[]).map((e) => [e.meetingId, e]) : [],
  );
  const save = (changed: StoredEvent) => {
    const tmp = `${statePath}.tmp`;
    writeFileSync(tmp, JSON.stringify([...events.values()], null, 1));
    renameSync(tmp, statePath);
    writeFileSync(
      join(options.dir, `${changed.meetingId.replace(/[^A-Za-z0-9_-]/g, '_')}.ics`),
      render([changed], changed.status === 'cancelled' ? 'CANCEL' : 'REQUEST'),
    );
  };
  const publicView = ({ sequence: _s, ...e }: StoredEvent): CalendarEvent => e;

  /** Writes the meeting's event unless it is already as asked; says which it was. */
  const put = (input: CalendarEventInput): { event: StoredEvent; change: 'created' | 'updated' | 'unchanged' } => {
    const current = events.get(input.meetingId);
    if (current && current.status === 'scheduled' && sameSchedule(input, stripStored(current)))
      return { event: current, change: 'unchanged' };
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
    return { event: next, change: current?.status === 'scheduled' ? 'updated' : 'created' };
  };
  /** Marks the event cancelled with the reason first in its description; false when there was nothing to cancel. */
  const callOff = (meetingId: string, comment: string): boolean => {
    const current = events.get(meetingId);
    if (!current || current.status === 'cancelled') return false;
    const next: StoredEvent = { ...current, status: 'cancelled', body: `${comment}\n\n${current.body}`, sequence: current.sequence + 1 };
    events.set(meetingId, next);
    save(next);
    return true;
  };

  return {
    async schedule(input) {
      return publicView(put(input).event);
    },
    async cancel(meetingId, comment) {
      callOff(meetingId, comment);
    },
    async reconcile(inputs, cancellations) {
      const outcome: ReconcileOutcome = { created: [], updated: [], cancelled: [], unchanged: [], failures: [] };
      for (const input of inputs) {
        try {
          outcome[put(input).change].push(input.meetingId);
        } catch (e) {
          outcome.failures.push({ meetingId: input.meetingId, reason: e instanceof Error ? e.message : String(e) });
        }
      }
      for (const c of cancellations) {
        try {
          if (callOff(c.meetingId, c.comment)) outcome.cancelled.push(c.meetingId);
        } catch (e) {
          outcome.failures.push({ meetingId: c.meetingId, reason: e instanceof Error ? e.message : String(e) });
        }
      }
      return outcome;
    },
    async get(meetingId) {
      const e = events.get(meetingId);
      return e ? publicView(e) : undefined;
    },
    feedFor(email) {
      const who = email.toLowerCase();
      const mine = [...events.values()].filter(
        (e) => e.organiserEmail.toLowerCase() === who || e.attendees.some((a) => a.email.toLowerCase() === who),
      );
      return render(
        mine.sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
        'PUBLISH',
      );
    },
  };
}

function stripStored(e: StoredEvent): CalendarEventInput {
  const { eventId: _e, joinUrl: _j, status: _st, sequence: _sq, ...input } = e;
  return input;
}
