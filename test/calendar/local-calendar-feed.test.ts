import { addDays } from '../../core/domain/local-date';
import { startLocalStack, type RunningStack } from '../e2e/local-stack';

/** The demo trust on the local host, as of a school day in November. */
let stack: RunningStack;
beforeAll(async () => {
  stack = await startLocalStack('2026-11-23T10:00:00Z');
});
afterAll(() => stack.stop());

/** The person's private feed (issue 14: a link made in My work, never their id in the URL), or a made-up one. */
const links = new Map<string, string>();
const feedOf = async (personId: string) => {
  if (!links.has(personId)) {
    const reset = await stack.call('POST', '/api/my-work/calendar-feed/reset', { as: personId, body: {} });
    links.set(personId, reset.status === 200 ? new URL(reset.body.url).pathname : `/calendar/${'x'.repeat(43)}.ics`);
  }
  const res = await fetch(`${stack.base}${links.get(personId)}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};

const icsStamp = (iso: string) =>
  iso
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
    .slice(0, 15) + 'Z';

describe('the local calendar feed', () => {
  it('gives a person a subscribable calendar of the meetings they chair or attend, and nobody else’s', async () => {
    const feed = await feedOf('aid-graham');
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);
    expect(feed.text).toContain('BEGIN:VCALENDAR');
    const planner = await stack.call('GET', '/api/planner', { as: 'aid-graham' });
    const chaired = (planner.body.meetings as { id: string; chairId: string }[]).filter((m) => m.chairId === 'aid-graham');
    expect(chaired.length).toBeGreaterThan(0);
    expect(feed.text.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(chaired.length);
    for (const m of chaired) expect(feed.text).toContain(`UID:${m.id}@school-improvement`);
    expect((await feedOf('no-such-person')).status).toBe(404);
  });

  it('follows the planner: a moved meeting shows at its new time in the chair’s feed', async () => {
    const planner = await stack.call('GET', '/api/planner', { as: 'aid-graham' });
    const meeting = (
      planner.body.meetings as { id: string; chairId: string; date: string; startsAt: string; status: string; version: string }[]
    ).find((m) => m.chairId === 'aid-graham' && m.status === 'planned' && m.date > '2027-01-10')!;
    expect(icsBlockOf((await feedOf('aid-graham')).text, meeting.id)).toContain(`DTSTART:${icsStamp(meeting.startsAt)}`);
    // Try the next few days until the planner accepts one (a clash or a non-working day is refused).
    let moved: { startsAt: string } | undefined;
    for (let d = 1; d <= 14 && !moved; d++) {
      const res = await stack.call('POST', `/api/meetings/${meeting.id}/move`, {
        as: 'aid-graham',
        body: { date: addDays(meeting.date, d), version: meeting.version },
      });
      if (res.status === 200) moved = res.body.meeting;
      else expect(res.status).toBe(422);
    }
    expect(moved).toBeDefined();
    const block = icsBlockOf((await feedOf('aid-graham')).text, meeting.id);
    expect(block).toContain(`DTSTART:${icsStamp(moved!.startsAt)}`);
    expect(block).toMatch(/SEQUENCE:1/);
  });
});

/** The VEVENT of one meeting in a feed. */
function icsBlockOf(feed: string, meetingId: string): string {
  const unfolded = feed.replace(/\r\n[ \t]/g, '');
  return unfolded.split('BEGIN:VEVENT').find((b) => b.includes(`UID:${meetingId}@school-improvement`)) ?? '';
}
