import type { Page } from 'playwright-core';
import { dueReminders } from '../../core/services/reminders.service';
import { startDeliveryStack, type DeliveryStack } from './delivery-stack';
import { createPlaygroundHarness, eventually, type PlaygroundHarness } from './playground-harness';

/**
 * A head who opens the bot's chat after the morning sweep gets what is waiting for them at once,
 * through the same reminder queue and delivery ledger as the sweep (Azurite), each card once; a
 * restart of the app on the same data sends nothing again.
 */
const HEAD = 'head-oakfield';
const AT = '2026-12-01T10:00:00Z';

let app: DeliveryStack | undefined;
let harness: PlaygroundHarness | undefined;

afterAll(async () => {
  await harness?.stop();
  await app?.stop();
}, 30_000);

const cardCount = (page: Page) => page.locator('.ac-adaptiveCard').count();

test('a head opening the chat for the first time gets each waiting reminder once, and a restart sends none again', async () => {
  app = await startDeliveryStack(AT, 'first-chat');
  const { storage } = app;
  let stack = app.stack;

  // The morning sweep has run before the head ever opened the app: nothing could reach them.
  const before = await stack.local.bot.sweep();
  expect(before.due).toBeGreaterThan(0);
  const waiting = (await dueReminders(stack.local.deps)).filter((r) => r.personId === HEAD);
  expect(waiting.map((r) => r.kind)).toContain('paper-deadline');
  expect((await storage.delivery.ledger.list(['sent'], { limit: 5000 })).filter((r) => r.personId === HEAD)).toEqual([]);

  // The head opens the chat (the Playground installs the app): the cards arrive within seconds.
  harness = createPlaygroundHarness(`${stack.base}/api/messages`);
  const head = (await stack.local.store.people.get(HEAD))!;
  const page = await harness.open(head);
  await page
    .locator('.ac-adaptiveCard')
    .filter({ hasText: /^Papers for the / })
    .first()
    .waitFor({ state: 'visible', timeout: 20_000 });
  const sent = await eventually(async () => {
    const rows = (await storage!.delivery.ledger.list(['sent'], { limit: 5000 })).filter((r) => r.personId === HEAD);
    return rows.length === waiting.length ? rows : undefined;
  }, 20_000);
  expect(sent?.map((r) => r.attempts)).toEqual(waiting.map(() => 1));
  // Exactly once each: as many cards in the chat as reminders waiting, and no more after a pause.
  await new Promise((r) => setTimeout(r, 2000));
  expect(await cardCount(page)).toBe(waiting.length);

  // Restart the app on the same data and storage; the head opens the chat again.
  await harness.stop();
  stack = await app.restart();
  // The start-up catch-up sweep finds the head's reminders already sent.
  await stack.local.bot.sweep();
  harness = createPlaygroundHarness(`${stack.base}/api/messages`);
  const reopened = await harness.open(head);
  await new Promise((r) => setTimeout(r, 4000));
  expect(await cardCount(reopened)).toBe(0);
  const afterRestart = (await storage.delivery.ledger.list(['sent'], { limit: 5000 })).filter((r) => r.personId === HEAD);
  expect(afterRestart.map((r) => r.attempts)).toEqual(waiting.map(() => 1));
}, 90_000);
