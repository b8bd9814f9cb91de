import { createHash } from 'node:crypto';
import { startSecureStack, type SecureStack } from './secure-stack';

/**
 * Calendar feeds (issue 14): `/calendar/<person>.ics` served anyone's meetings, attendees and
 * e-mails to anyone. Now each person has a private, revocable link made in My work.
 */
let stack: SecureStack;
beforeAll(async () => {
  stack = await startSecureStack();
}, 60_000);
afterAll(() => stack?.stop());

const pathOf = (url: string) => new URL(url).pathname;

describe('private calendar feeds', () => {
  it('a feed can no longer be read by naming a person', async () => {
    for (const who of ['aid-graham', 'ceo', 'head-oakfield']) {
      const res = await stack.raw('GET', `/calendar/${who}.ics`);
      expect(res.status).toBe(404);
      expect(res.text).not.toMatch(/BEGIN:VCALENDAR|@/);
    }
  });

  it('My work makes a private link that opens my meetings, and only mine', async () => {
    const before = await stack.call('GET', '/api/my-work/calendar-feed', { as: 'aid-graham' });
    expect(before.json).toEqual({ available: true, active: false });
    const made = await stack.call('POST', '/api/my-work/calendar-feed/reset', { as: 'aid-graham', body: {} });
    expect(made.status).toBe(200);
    expect(made.json).toEqual({
      available: true,
      active: true,
      url: expect.stringMatching(/^http:\/\/localhost:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/),
    });
    const feed = await stack.raw('GET', pathOf(made.json.url));
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.headers['referrer-policy']).toBe('no-referrer');
    const planner = await stack.call('GET', '/api/planner', { as: 'aid-graham' });
    const chaired = (planner.json.meetings as { id: string; chairId: string }[]).filter((m) => m.chairId === 'aid-graham');
    expect(chaired.length).toBeGreaterThan(0);
    for (const m of chaired) expect(feed.text).toContain(`UID:${m.id}@school-improvement`);
    // Afterwards the link is live but never shown again: only its hash is kept.
    expect((await stack.call('GET', '/api/my-work/calendar-feed', { as: 'aid-graham' })).json).toEqual({ available: true, active: true });
  });

  it('an unknown, malformed or reset token gets 404', async () => {
    const first = (await stack.call('POST', '/api/my-work/calendar-feed/reset', { as: 'head-oakfield', body: {} })).json.url as string;
    expect((await stack.raw('GET', pathOf(first))).status).toBe(200);
    const second = (await stack.call('POST', '/api/my-work/calendar-feed/reset', { as: 'head-oakfield', body: {} })).json.url as string;
    expect(second).not.toBe(first);
    const old = await stack.raw('GET', pathOf(first));
    expect(old.status).toBe(404);
    expect(old.json.error.code).toBe('FEED.NOT_FOUND');
    expect((await stack.raw('GET', pathOf(second))).status).toBe(200);
    for (const token of ['A'.repeat(43), 'not-a-token', '%00', `${'a'.repeat(42)}%2F`])
      expect((await stack.raw('GET', `/calendar/${token}.ics`)).status).toBe(404);
  });

  it('never hands out the token or its hash: only the person who reset it sees the link, once', async () => {
    const url = (await stack.call('POST', '/api/my-work/calendar-feed/reset', { as: 'chair-oakfield', body: {} })).json.url as string;
    const token = pathOf(url).replace(/^\/calendar\/|\.ics$/g, '');
    const hash = createHash('sha256').update(token).digest('hex');
    const looks = [
      await stack.call('GET', '/api/me', { as: 'chair-oakfield' }),
      await stack.call('GET', '/api/people', { as: 'ceo' }),
      await stack.call('GET', '/api/admin/people', { as: 'admin' }),
      await stack.call('GET', '/api/my-work', { as: 'chair-oakfield' }),
      await stack.call('GET', '/api/my-work/calendar-feed', { as: 'chair-oakfield' }),
      await stack.call('PATCH', '/api/admin/people/chair-oakfield', {
        as: 'admin',
        body: {
          jobTitle: 'Chair of governors',
          version: (await stack.call('GET', '/api/admin/people', { as: 'admin' })).json.people.find(
            (p: { id: string }) => p.id === 'chair-oakfield',
          ).version,
        },
      }),
    ];
    for (const res of looks) {
      expect(res.status).toBeLessThan(300);
      expect(res.text).not.toContain(token);
      expect(res.text).not.toContain(hash);
      expect(res.text).not.toMatch(/calendarFeedTokenHash/);
    }
    // An admin editing the person does not revoke their link.
    expect((await stack.raw('GET', pathOf(url))).status).toBe(200);
  });

  it('needs a signed-in person to make or see a link', async () => {
    expect((await stack.call('POST', '/api/my-work/calendar-feed/reset', { body: {} })).status).toBe(401);
    expect((await stack.call('GET', '/api/my-work/calendar-feed')).status).toBe(401);
  });
});
