import { startLocalStack, type RunningStack } from '../e2e/local-stack';
import { createPlaygroundHarness, eventually, type PlaygroundHarness } from './playground-harness';

/**
 * The Microsoft 365 Agents Playground, offline, in headless Chromium: the local host (in-memory
 * demo trust) and the Playground on free loopback ports; the CEO types a question in the Playground
 * and reads the status card the bot sent back. Everything is stopped in afterAll.
 */
let stack: RunningStack | undefined;
let harness: PlaygroundHarness | undefined;

afterAll(async () => {
  await harness?.stop();
  await stack?.stop();
}, 20_000);

test('the CEO asks the bot how Brook Lane is doing in the Agents Playground and reads the status card', async () => {
  stack = await startLocalStack();
  const s = stack;
  harness = createPlaygroundHarness(`${s.base}/api/messages`);
  const ceo = (await s.local.store.people.get('ceo'))!;
  const page = await harness.open(ceo);
  // The Playground installs the app in the personal chat on load: the CEO's reference is stored.
  expect(await eventually(() => s.local.bot.references.get('ceo'), 15_000)).toBeDefined();

  const box = page.getByRole('textbox').first();
  await box.click({ timeout: 15_000 });
  await box.pressSequentially('how is Brook Lane doing?');
  await box.press('Enter');

  // Opening the chat also delivers the CEO's waiting reminders (one may name Brook Lane): the status card has the escalation step.
  const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Brook Lane Academy' }).filter({ hasText: 'Escalation' }).last();
  await card.waitFor({ state: 'visible', timeout: 20_000 });
  const text = await card.innerText();
  expect(text).toContain('Brook Lane Academy');
  expect(text).toMatch(/Escalation/);
  expect(text).toMatch(/Support days/);
}, 85_000);
