import type { Calendar, CalendarEventInput } from '../../core/ports/calendar.port';

/** A meeting's event as the planner would ask for it. */
export function calendarInput(overrides: Partial<CalendarEventInput> = {}): CalendarEventInput {
  return {
    meetingId: 'meeting-aim-oakfield-autumn',
    organiserEmail: 'graham.fielding@trust.example',
    organiserName: 'Graham Fielding',
    subject: 'AIM: Oakfield Primary Academy',
    body: 'Academy Improvement Meeting. Agenda: progress against priorities.',
    startsAt: '2026-12-02T09:30:00.000Z',
    endsAt: '2026-12-02T11:30:00.000Z',
    location: 'Oakfield Primary Academy',
    attendees: [
      { email: 'rachel.adeyemi@trust.example', name: 'Rachel Adeyemi', required: true },
      { email: 'tom.whitfield@trust.example', name: 'Tom Whitfield', required: true },
    ],
    online: true,
    ...overrides,
  };
}

/** The `Calendar` port's contract: every adapter (local `.ics`, Outlook via Graph) passes it unchanged. */
export function describeCalendarContract(name: string, make: () => Promise<{ calendar: Calendar; cleanup?: () => Promise<void> }>): void {
  describe(`Calendar contract: ${name}`, () => {
    let calendar: Calendar;
    let cleanup: (() => Promise<void>) | undefined;
    beforeEach(async () => {
      ({ calendar, cleanup } = await make());
    });
    afterEach(async () => cleanup?.());

    it('schedules a meeting as an event with its time, attendees and a Teams link', async () => {
      const e = await calendar.schedule(calendarInput());
      expect(e).toMatchObject({ meetingId: 'meeting-aim-oakfield-autumn', status: 'scheduled', startsAt: '2026-12-02T09:30:00.000Z', endsAt: '2026-12-02T11:30:00.000Z' });
      expect(e.attendees.map((a) => a.email).sort()).toEqual(['rachel.adeyemi@trust.example', 'tom.whitfield@trust.example']);
      expect(typeof e.joinUrl).toBe('string');
      expect(await calendar.get('meeting-aim-oakfield-autumn')).toMatchObject({ eventId: e.eventId, status: 'scheduled' });
    });

    it('scheduling the same meeting again (a retry) keeps one event', async () => {
      const first = await calendar.schedule(calendarInput());
      const again = await calendar.schedule(calendarInput());
      const concurrent = await Promise.all([1, 2, 3, 4].map(() => calendar.schedule(calendarInput())));
      expect(new Set([first.eventId, again.eventId, ...concurrent.map((e) => e.eventId)]).size).toBe(1);
    });

    it('a moved meeting moves its event, keeping the same event', async () => {
      const first = await calendar.schedule(calendarInput());
      const moved = await calendar.schedule(calendarInput({ startsAt: '2026-12-09T09:30:00.000Z', endsAt: '2026-12-09T11:30:00.000Z' }));
      expect(moved.eventId).toBe(first.eventId);
      expect(await calendar.get(first.meetingId)).toMatchObject({ startsAt: '2026-12-09T09:30:00.000Z', endsAt: '2026-12-09T11:30:00.000Z' });
    });

    it('a changed attendee list follows the meeting', async () => {
      await calendar.schedule(calendarInput());
      await calendar.schedule(calendarInput({ attendees: [{ email: 'rachel.adeyemi@trust.example', name: 'Rachel Adeyemi', required: true }] }));
      expect((await calendar.get('meeting-aim-oakfield-autumn'))?.attendees.map((a) => a.email)).toEqual(['rachel.adeyemi@trust.example']);
    });

    it('cancelling marks the event cancelled; cancelling again or an unknown meeting is harmless', async () => {
      await calendar.schedule(calendarInput());
      await calendar.cancel('meeting-aim-oakfield-autumn', 'Postponed: the academy is closed for snow');
      await calendar.cancel('meeting-aim-oakfield-autumn', 'again');
      await calendar.cancel('no-such-meeting', 'nothing to do');
      expect((await calendar.get('meeting-aim-oakfield-autumn'))?.status).toBe('cancelled');
    });

    it('a cancelled meeting that is planned again is scheduled again', async () => {
      await calendar.schedule(calendarInput());
      await calendar.cancel('meeting-aim-oakfield-autumn', 'Postponed');
      const back = await calendar.schedule(calendarInput({ startsAt: '2027-01-13T09:30:00.000Z', endsAt: '2027-01-13T11:30:00.000Z' }));
      expect(back.status).toBe('scheduled');
      expect((await calendar.get('meeting-aim-oakfield-autumn'))?.startsAt).toBe('2027-01-13T09:30:00.000Z');
    });

    it('knows nothing of a meeting never scheduled', async () => {
      expect(await calendar.get('never')).toBeUndefined();
    });
  });
}
