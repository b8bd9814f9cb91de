import type { Locator, Page } from 'playwright-core';
import { startDeliveryStack, type DeliveryStack } from './delivery-stack';
import { createPlaygroundHarness, type PlaygroundHarness } from './playground-harness';

/**
 * Teams messages when something happens, not only at the morning sweep: a head asks for more time
 * in the tab (the API), the chair's card arrives in her own chat within seconds, once; she approves
 * from the card and the head gets the decision, once; a restart sends neither again. Both go through
 * the reminder queue and delivery ledger on Azurite, as in production.
 */
const HEAD = 'head-oakfield';
const AT = '2026-12-01T10:00:00Z';
let app: DeliveryStack | undefined;
let harness: PlaygroundHarness | undefined;

afterAll(async () => {
  await harness?.stop();
  await app?.stop();
}, 30_000);

/** Waits until the chat's cards stop arriving (the first-conversation reminders), and counts them. */
async function settled(page: Page): Promise<number> {
  let last = -1;
  for (let n = await page.locator('.ac-adaptiveCard').count(); n !== last; n = await page.locator('.ac-adaptiveCard').count()) {
    last = n;
    await new Promise((r) => setTimeout(r, 1500));
  }
  return last;
}

const cardsWith = (page: Page, text: string): Locator => page.locator('.ac-adaptiveCard').filter({ hasText: text });

test('an extension asked for in the tab reaches the chair in Teams once; her decision reaches the head once; a restart re-sends nothing', async () => {
  app = await startDeliveryStack(AT, 'change-messages');
  const { storage } = app;
  const s = app.stack;

  // A paper the head owes whose deadline has not passed, so a later date before the meeting exists.
  const owed = (await s.call('GET', '/api/my-work', { as: HEAD })).body.papersOwed as {
    meetingId: string;
    meetingDate: string;
    paper: { requirementId: string; title: string; dueDate: string };
  }[];
  const item = owed.find((o) => o.paper.dueDate >= AT.slice(0, 10))!;
  expect(item).toBeDefined();
  const view = (await s.call('GET', `/api/meetings/${item.meetingId}`, { as: HEAD })).body as {
    meeting: { version: string; chairId: string };
  };
  let newDate = '';
  for (const d = new Date(`${item.paper.dueDate}T12:00:00Z`); !newDate;) {
    d.setUTCDate(d.getUTCDate() + 1);
    const iso = d.toISOString().slice(0, 10);
    if (iso >= item.meetingDate) break;
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) newDate = iso;
  }
  expect(newDate).not.toBe('');

  const head = (await s.local.store.people.get(HEAD))!;
  const chair = (await s.local.store.people.get(view.meeting.chairId))!;
  harness = createPlaygroundHarness(`${s.base}/api/messages`);
  const headPage = await harness.open(head);
  const chairPage = await harness.open(chair);
  await settled(headPage);
  const chairBefore = await settled(chairPage);

  // The head asks in the tab.
  const reason = 'Year 6 data arrives after the moderation meeting';
  const asked = await s.call('POST', `/api/meetings/${item.meetingId}/papers/${item.paper.requirementId}/extension`, {
    as: HEAD,
    body: { newDueDate: newDate, reason, version: view.meeting.version },
  });
  expect(asked.status).toBe(200);

  // The chair's card arrives within seconds, once.
  const request = cardsWith(chairPage, `Extension asked for: ${item.paper.title}`);
  await request.first().waitFor({ state: 'visible', timeout: 15_000 });
  expect(await request.first().innerText()).toContain(reason);
  expect(await settled(chairPage)).toBe(chairBefore + 1);

  // She approves from the card; the head hears the decision once.
  const headBefore = await settled(headPage);
  await request.first().getByRole('button', { name: 'Approve' }).click();
  const decision = cardsWith(headPage, 'extended');
  await decision.first().waitFor({ state: 'visible', timeout: 15_000 });
  expect(await settled(headPage)).toBe(headBefore + 1);
  const sent = async () =>
    (await storage.delivery.ledger.list(['sent'], { limit: 5000 })).filter(
      (r) => r.kind === 'extension-request' || r.kind === 'extension-decision',
    );
  expect((await sent()).map((r) => [r.kind, r.personId, r.attempts]).sort()).toEqual([
    ['extension-decision', HEAD, 1],
    ['extension-request', chair.id, 1],
  ]);

  // A restart on the same data and storage, with its catch-up sweep: neither goes out again.
  await harness.stop();
  harness = undefined;
  const stack = await app.restart();
  await stack.local.bot.sweep();
  await stack.local.bot.consumer?.idle({ quietMs: 500, timeoutMs: 10_000 });
  expect((await sent()).map((r) => r.attempts)).toEqual([1, 1]);
}, 120_000);
