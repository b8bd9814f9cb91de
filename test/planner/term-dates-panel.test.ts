import AxeBuilder from '@axe-core/playwright';
import { startBrowserStack, type BrowserStack } from '../browser/browser-stack';

/**
 * The Settings panel for term dates and closures, in the browser (Debian Chromium): the trust
 * admin adds an INSET day for one academy with an en-GB date, is told the year was re-planned,
 * and only that academy's meeting moved; a head sees the dates but cannot edit them.
 */

jest.setTimeout(90_000);

let b: BrowserStack;
type Meeting = { id: string; academyId: string; status: string; date: string; pinned: boolean };
const meetings = async (): Promise<Meeting[]> => (await b.stack.call('GET', '/api/planner', { as: 'ceo' })).body.meetings;
const typed = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

beforeAll(async () => {
  b = await startBrowserStack('2026-11-23T10:00:00Z');
}, 120_000);
afterAll(async () => b?.stop());

it('the trust admin adds an INSET day for Hill Top with an en-GB date; the panel says the year was re-planned, and only Hill Top’s meeting moved', async () => {
  const before = await meetings();
  const victim = before.find((m) => m.academyId === 'hill-top' && m.status === 'planned' && !m.pinned && m.date > '2026-11-23')!;
  const page = await b.open('/tab/settings', { as: 'admin' });
  const panel = page.getByRole('region', { name: 'Term dates and closures' });
  await panel.getByRole('table', { name: 'Half terms of 2026/27' }).waitFor();
  const form = panel.getByRole('form', { name: 'Add a closure' });
  await form.getByLabel('Closed').selectOption('hill-top');
  await form.getByRole('textbox', { name: /^Date/ }).fill(typed(victim.date));
  await form.getByRole('textbox', { name: /^Reason/ }).fill('INSET day: phonics training');
  await form.getByRole('button', { name: 'Add closure' }).click();
  await panel.getByText(/Closure added\. The year was re-planned: 1 meeting\(s\) moved/).waitFor();
  await panel.locator(`tr[data-closure="hill-top:${victim.date}"]`).getByText('INSET day: phonics training').waitFor();

  const after = await meetings();
  const moved = after.filter((m) => before.find((x) => x.id === m.id)?.date !== m.date);
  expect(moved.map((m) => m.id)).toEqual([victim.id]);

  const axe = await new AxeBuilder({ page })
    .include('section[aria-labelledby="section-term-dates-and-closures"]')
    .exclude('[data-tabster-dummy]')
    .options({ resultTypes: ['violations'] })
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.close();
});

it('names a bad half term by its name and field, as the person reads them', async () => {
  const page = await b.open('/tab/settings', { as: 'admin' });
  const panel = page.getByRole('region', { name: 'Term dates and closures' });
  await panel.getByLabel('Spring 1 ends').fill('01/01/2027');
  await panel.getByRole('button', { name: 'Save term dates for 2026/27' }).click();
  await panel.getByRole('alert').getByText('Spring 1: Ends: a half term cannot end before it starts').waitFor();
  await page.close();
});

it('a head sees the year’s dates but no way to change them (Settings is for the trust admin)', async () => {
  const dates = await b.stack.call('GET', '/api/term-dates', { as: 'head-oakfield' });
  expect(dates.body.canEdit).toBe(false);
  const page = await b.open('/tab/settings', { as: 'head-oakfield' });
  await page.getByText('Only the trust administrator or the CEO can change the trust’s settings.').waitFor();
  await page.close();
});
