import type { Locator, Page } from 'playwright-core';
import { formatLongDate } from '../../core/domain/london-time';
import { startLocalStack, type RunningStack } from '../e2e/local-stack';
import { createPlaygroundHarness, eventually, type PlaygroundHarness } from './playground-harness';

/**
 * The paper-deadline flow in the Microsoft 365 Agents Playground, in headless Chromium, as
 * production runs it: the head and the meeting's chair each have their own Playground (the
 * Playground's current user is fixed per run) talking to one local host. Opening the chat sends
 * the deadline card proactively through the head's new conversation reference (the Playground
 * is the Bot Connector service for that chat); the head marks a paper in (Action.Execute →
 * `adaptiveCard/action` invoke) and the card is replaced by the refreshed one; the head asks for an
 * extension from the card and the chair's card arrives in the chair's Playground, where she approves.
 */
const HEAD = 'head-oakfield'; // the head to try first (README tour): her AIM papers are due this week, before their deadline

let stack: RunningStack | undefined;
let harness: PlaygroundHarness | undefined;

afterAll(async () => {
  await harness?.stop();
  await stack?.stop();
}, 20_000);

/** The one card in the page whose text contains `text`, once it is shown. */
async function cardWith(page: Page, text: string, timeout = 15_000): Promise<Locator> {
  const card = page.locator('.ac-adaptiveCard').filter({ hasText: text });
  await card.last().waitFor({ state: 'visible', timeout });
  return card.last();
}

/** Waits until `card`'s text meets `ok`, and returns it (the card is replaced in place on refresh). */
async function textWhen(card: Locator, ok: (t: string) => boolean, timeout = 15_000): Promise<string> {
  const t = await eventually(async () => {
    const s = await card.innerText({ timeout: 1000 }).catch(() => '');
    return ok(s) ? s : undefined;
  }, timeout);
  return t ?? (await card.innerText({ timeout: 1000 }).catch(() => ''));
}

test('a head gets the paper-deadline card in the Agents Playground, marks a paper in and the card refreshes; the extension request reaches the chair', async () => {
  stack = await startLocalStack();
  const s = stack;
  const store = s.local.store;

  // What the head owes: two papers for one meeting whose deadline has not passed (so an extension date exists).
  const owed = (await s.call('GET', '/api/my-work', { as: HEAD })).body.papersOwed as {
    meetingId: string;
    paper: { requirementId: string; title: string; dueDate: string };
  }[];
  const meetingId = owed.find((o) => owed.filter((x) => x.meetingId === o.meetingId).length >= 2)?.meetingId;
  expect(meetingId).toBeDefined();
  const meeting = (await s.call('GET', `/api/meetings/${meetingId}`, { as: 'ceo' })).body.meeting as {
    id: string;
    date: string;
    chairId: string;
    papers: { requirementId: string; title: string; ownerId?: string; submittedAt?: string; dueDate: string }[];
  };
  const mine = meeting.papers.filter((p) => p.ownerId === HEAD && !p.submittedAt);
  expect(mine.length).toBeGreaterThanOrEqual(2);
  const [first, second] = mine as [(typeof mine)[0], (typeof mine)[0]];
  const chair = meeting.chairId;
  const head = (await store.people.get(HEAD))!;
  const chairPerson = (await store.people.get(chair))!;
  const headName = head.name;
  const chairName = chairPerson.name;

  // Each opens their Playground; its install stores their conversation reference with the bot.
  harness = createPlaygroundHarness(`${s.base}/api/messages`);
  const headPage = await harness.open(head);
  const chairPage = await harness.open(chairPerson);
  const installed = await eventually(
    async () => ((await s.local.bot.references.get(HEAD)) && (await s.local.bot.references.get(chair)) ? true : undefined),
    15_000,
  );
  expect(installed).toBe(true);

  // Opening the chat for the first time sends what is waiting: the deadline card appears in the head's chat.
  await cardWith(headPage, `⏳ ${first.title} (${headName}): due ${formatLongDate(first.dueDate)}`);
  // The daily sweep afterwards sends nobody a card they already have.
  const swept = await s.local.bot.sweep();
  expect(swept.sent).toBe(0);
  // The one paper card in the head's chat (located by its heading, which a refresh keeps).
  const papersCards = headPage.locator('.ac-adaptiveCard').filter({ hasText: /^Papers for the / });
  expect(await papersCards.count()).toBe(1);
  const card = papersCards.first();
  expect(await card.innerText()).toContain(chairName);

  // Mark the first paper in: the same card now shows it in, without its button.
  await card.getByRole('button', { name: `Mark “${first.title}” in` }).click();
  const refreshed = await textWhen(card, (t) => t.includes(`✅ ${first.title}: in`));
  expect(refreshed).toContain(`✅ ${first.title}: in`);
  expect(refreshed).not.toContain(`Mark “${first.title}” in`);
  expect(refreshed).toContain(`Mark “${second.title}” in`);
  expect(await papersCards.count()).toBe(1);
  const afterSubmit = await store.meetings.get(meeting.id);
  expect(afterSubmit!.papers.find((p) => p.requirementId === first.requirementId)).toMatchObject({ submittedBy: HEAD });

  // Ask for an extension for the next paper: a working day after its deadline, before the meeting.
  let newDate = '';
  for (const d = new Date(`${second.dueDate}T12:00:00Z`); !newDate;) {
    d.setUTCDate(d.getUTCDate() + 1);
    const iso = d.toISOString().slice(0, 10);
    if (iso >= meeting.date) break;
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) newDate = iso;
  }
  expect(newDate).not.toBe('');
  const reason = 'Data drop delayed by the MIS upgrade';
  await card.getByRole('button', { name: 'Ask for an extension' }).click();
  expect(await card.getByRole('combobox', { name: /Which paper/ }).inputValue()).toBe(second.title);
  const date = card.getByRole('combobox', { name: /New date/ });
  await date.fill(newDate);
  await date.press('Tab');
  await card.getByLabel('Reason').fill(reason);
  await card.getByRole('button', { name: 'Send to the chair' }).click();
  const asked = await textWhen(card, (t) => t.includes(`extension to ${formatLongDate(newDate)} asked for`));
  expect(asked).toContain(
    `${second.title} (${headName}): due ${formatLongDate(second.dueDate)} · extension to ${formatLongDate(newDate)} asked for`,
  );

  // The chair's card arrives in the chair's own Playground.
  const chairCard = await cardWith(chairPage, `Extension asked for: ${second.title}`);
  const chairText = await chairCard.innerText();
  expect(chairText).toContain(headName);
  expect(chairText).toContain(formatLongDate(newDate));
  expect(chairText).toContain(reason);
  expect(chairText).toContain('waiting for you');
  const requested = await store.meetings.get(meeting.id);
  expect(requested!.papers.find((p) => p.requirementId === second.requirementId)?.extension).toMatchObject({
    status: 'requested',
    newDueDate: newDate,
    requestedBy: HEAD,
  });

  // She approves from her card: it refreshes to the decision, and the head is sent the updated deadline card.
  await chairCard.getByRole('button', { name: 'Approve' }).click();
  expect(await textWhen(chairCard, (t) => t.includes(`Approved by ${chairName}`))).toContain(`Approved by ${chairName}`);
  const headAfter = headPage
    .locator('.ac-adaptiveCard')
    .filter({ hasText: `${second.title} (${headName}): due ${formatLongDate(newDate)} · extended` });
  await headAfter.last().waitFor({ state: 'visible', timeout: 15_000 });
}, 85_000);
