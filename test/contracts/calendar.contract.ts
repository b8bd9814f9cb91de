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
      expect(e).toMatchObject({
        meetingId: 'meeting-aim-oakfield-autumn',
        status: 'scheduled',
        startsAt: '2026-12-02T09:30:00.000Z',
        endsAt: '2026-12-02T11:30:00.000Z',
      });
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
      expect(await calendar.get(first.meetingId)).toMatchObject({
        startsAt: '2026-12-09T09:30:00.000Z',
        endsAt: '2026-12-09T11:30:00.000Z',
      });
    });

    it('a changed attendee list follows the meeting', async () => {
      await calendar.schedule(calendarInput());
      await calendar.schedule(
        calendarInput({ attendees: [{ email: 'rachel.adeyemi@trust.example', name: 'Rachel Adeyemi', required: true }] }),
      );
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

    describe('reconcile (many meetings at once)', () => {
      const term = (n: number) =>
        Array.from({ length: n }, (_, i) => {
          const day = String(1 + i).padStart(2, '0');
          return calendarInput({
            meetingId: `bulk-${i}`,
            startsAt: `2027-03-${day}T09:30:00.000Z`,
            endsAt: `2027-03-${day}T11:30:00.000Z`,
          });
        });

      it('creates every missing event once, and a second run with nothing changed leaves them all alone', async () => {
        const inputs = term(25);
        const first = await calendar.reconcile(inputs, []);
        expect(first.created.sort()).toEqual(inputs.map((i) => i.meetingId).sort());
        expect(first.failures).toEqual([]);
        const ids = await Promise.all(inputs.map(async (i) => (await calendar.get(i.meetingId))?.eventId));
        const again = await calendar.reconcile(inputs, []);
        expect(again).toMatchObject({ created: [], updated: [], cancelled: [], failures: [] });
        expect(again.unchanged).toHaveLength(25);
        expect(await Promise.all(inputs.map(async (i) => (await calendar.get(i.meetingId))?.eventId))).toEqual(ids);
      });

      it('moves a moved meeting in its own event, cancels a called-off one, and reports each', async () => {
        const [a, b, c] = term(3) as [CalendarEventInput, CalendarEventInput, CalendarEventInput];
        await calendar.reconcile([a, b, c], []);
        const before = await calendar.get(a.meetingId);
        const moved = { ...a, startsAt: '2027-04-20T09:30:00.000Z', endsAt: '2027-04-20T11:30:00.000Z' };
        const outcome = await calendar.reconcile(
          [moved, c],
          [
            { meetingId: b.meetingId, comment: 'Cancelled: the trust plan no longer needs this meeting' },
            { meetingId: 'never-scheduled', comment: 'x' },
          ],
        );
        expect(outcome).toMatchObject({
          created: [],
          updated: [a.meetingId],
          cancelled: [b.meetingId],
          unchanged: [c.meetingId],
          failures: [],
        });
        expect(await calendar.get(a.meetingId)).toMatchObject({
          eventId: before?.eventId,
          startsAt: '2027-04-20T09:30:00.000Z',
          status: 'scheduled',
        });
        expect((await calendar.get(b.meetingId))?.status).toBe('cancelled');
        expect(await calendar.get('never-scheduled')).toBeUndefined();
      });

      it('agrees with schedule: an event scheduled alone is unchanged by a reconcile asking the same, and a cancelled one comes back', async () => {
        await calendar.schedule(calendarInput());
        await calendar.schedule(calendarInput({ meetingId: 'was-cancelled' }));
        await calendar.cancel('was-cancelled', 'Postponed');
        const outcome = await calendar.reconcile([calendarInput(), calendarInput({ meetingId: 'was-cancelled' })], []);
        expect(outcome).toMatchObject({ unchanged: ['meeting-aim-oakfield-autumn'], created: ['was-cancelled'], failures: [] });
        expect((await calendar.get('was-cancelled'))?.status).toBe('scheduled');
      });
    });
  });
}
