import type { CallOptions } from './record-store.port';

export interface CalendarAttendee {
  email: string;
  name: string;
  /** Required attendees are expected; optional ones are "where appropriate". */
  required: boolean;
}

/** What a planned meeting looks like in the organiser's calendar. */
export interface CalendarEventInput {
  /** Our key: one event per meeting. */
  meetingId: string;
  /** The mailbox the event lives in (the chair, or the trust's organiser mailbox). */
  organiserEmail: string;
  organiserName: string;
  subject: string;
  body: string;
  /** UTC instants. */
  startsAt: string;
  endsAt: string;
  location?: string;
  attendees: CalendarAttendee[];
  /** Ask for a Teams meeting link. */
  online: boolean;
}

export interface CalendarEvent extends CalendarEventInput {
  eventId: string;
  joinUrl?: string;
  status: 'scheduled' | 'cancelled';
}

/** A meeting whose event is to be called off, and the sentence attendees are sent saying why. */
export interface CalendarCancellation {
  meetingId: string;
  comment: string;
}

/** What a bulk reconcile did, by meeting id; one meeting's failure never stops the others. */
export interface ReconcileOutcome {
  created: string[];
  updated: string[];
  cancelled: string[];
  unchanged: string[];
  /** Left as they were; the next reconcile tries them again. */
  failures: { meetingId: string; reason: string }[];
}

/** Outlook via Graph in production; `.ics` files and per-person feeds locally. One contract suite for both. */
export interface Calendar {
  /** Creates the meeting's event or brings it up to date (moved, attendees changed); a retried call never doubles it. */
  schedule(input: CalendarEventInput, options?: CallOptions): Promise<CalendarEvent>;
  /** Cancels the event and tells the attendees why; cancelling an unknown or cancelled meeting does nothing. */
  cancel(meetingId: string, comment: string, options?: CallOptions): Promise<void>;
  get(meetingId: string, options?: CallOptions): Promise<CalendarEvent | undefined>;
  /**
   * Brings many events up to date at once: creates the missing, updates the changed, cancels those
   * named (telling attendees), leaves the rest alone. Safe to repeat: a retry never doubles an event.
   */
  reconcile(
    inputs: readonly CalendarEventInput[],
    cancellations: readonly CalendarCancellation[],
    options?: CallOptions,
  ): Promise<ReconcileOutcome>;
}
