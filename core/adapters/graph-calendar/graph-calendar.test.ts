import { calendarInput, describeCalendarContract } from '../../../test/contracts/calendar.contract';
import { startGraphServer, type GraphServer } from '../../../test/graph-server/graph-server';
import { testClient } from '../../../test/graph-server/sharepoint-test-site';
import { createGraphCalendar } from './graph-calendar';

let server: GraphServer;
let mailboxes = 0;
beforeAll(async () => {
  server = await startGraphServer({ seed: 7 });
});
afterAll(async () => server.close());

describeCalendarContract('Outlook via Graph (test server)', async () => ({
  calendar: createGraphCalendar({ client: testClient(server), mailbox: `improvement-${++mailboxes}@trust.example` }),
}));

describe('Outlook events under faults', () => {
  afterEach(() => {
    server.faults.errorRate = 0;
  });

  it('60 meetings scheduled while 20% of calls fail (429, 503, lost after commit) give exactly 60 events', async () => {
    const mailbox = `faults-${++mailboxes}@trust.example`;
    const calendar = createGraphCalendar({ client: testClient(server, { timeoutMs: 2000 }), mailbox });
    Object.assign(server.faults, { errorRate: 0.2, kinds: ['429', '503', 'lost-after-write'] });
    const ids = Array.from({ length: 60 }, (_, i) => `meeting-${i}`);
    for (const id of ids) await calendar.schedule(calendarInput({ meetingId: id }));
    server.faults.errorRate = 0;
    const listed = await Promise.all(ids.map((id) => calendar.get(id)));
    expect(listed.every((e) => e?.status === 'scheduled')).toBe(true);
    const creates = server.calls.filter(
      (c) => c.method === 'POST' && c.path === `/users/${encodeURIComponent(mailbox)}/events` && c.status === 201,
    );
    expect(creates).toHaveLength(60);
  });

  it('the chair is invited, and the event lives in the trust’s organiser mailbox', async () => {
    const calendar = createGraphCalendar({ client: testClient(server), mailbox: 'organiser@trust.example' });
    const e = await calendar.schedule(calendarInput({ meetingId: 'chair-check' }));
    expect(e.organiserEmail).toBe('graham.fielding@trust.example');
    expect(server.calls.some((c) => c.method === 'POST' && c.path.startsWith('/users/organiser%40trust.example/events'))).toBe(true);
  });
});
