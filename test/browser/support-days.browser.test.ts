import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { startBrowserStack, type BrowserStack } from './browser-stack';

/**
 * Issue 16, part 1, in the tab (Debian's Chromium against the local host on 23 November 2026): the
 * improvement director books a development day and a half at Hill Top given by Riverside's head;
 * Hill Top's page shows the spend against its budget, Riverside's head sees the income on their
 * own page (and is offered no booking), and the dashboard shows both.
 */
jest.setTimeout(120_000);

let b: BrowserStack;

beforeAll(async () => {
  b = await startBrowserStack('2026-11-23T10:00:00Z');
}, 180_000);
afterAll(async () => b?.stop());

const pounds = (pence: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 }).format(pence / 100);
const supportOf = async (academyId: string) =>
  (await b.stack.call('GET', `/api/academies/${academyId}/support`, { as: 'ceo' })).body as {
    usage: { developmentDays: number; spendPence: number; budgetPence: number };
  };

async function expectAccessible(page: Page): Promise<void> {
  // Tabster's focus sentinels are a known axe false positive (see tab-pages.test.ts).
  const result = await new AxeBuilder({ page })
    .exclude('[data-tabster-dummy]')
    .options({ resultTypes: ['violations'] })
    .analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
}

describe('a development day booked in the tab', () => {
  it('is refused on a Saturday, then booked on a school day: spend at Hill Top, income at Riverside, both on the dashboard', async () => {
    const before = await supportOf('hill-top');
    const page = await b.open('/tab/academy/hill-top', { as: 'aid-graham' });
    const section = page.getByRole('region', { name: 'Support days and spend' });
    await section.getByText('Must budget for improvement support').waitFor();
    await section.getByRole('button', { name: 'Book a support day' }).click();
    const form = section.getByRole('form', { name: 'Book a support day' });
    await form.getByLabel('Kind of day').selectOption('development');
    await form.getByLabel('Date').fill('28/11/2026');
    await form.getByLabel('Days').fill('1.5');
    await form.getByLabel('Given by').selectOption('head-riverside');
    // The supporting academy follows the provider: the academy Riverside's head leads.
    await expect(form.getByLabel('Supporting academy (receives the income)').inputValue()).resolves.toBe('riverside');
    await form.getByLabel('What for').fill('Behaviour systems: coaching the acting head');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Book' }).click();
    await form
      .getByRole('alert')
      .getByText('Saturday 28 November 2026 is a weekend at Hill Top Primary School; support days are given on school days.')
      .waitFor();

    await form.getByLabel('Date').fill('26/11/2026');
    await form.getByRole('button', { name: 'Book' }).click();
    await page.getByRole('status').getByText('Development day booked for Hill Top Primary School.').waitFor();
    const spend = before.usage.spendPence + 52500;
    await section
      .getByText(
        `Development days: ${before.usage.developmentDays + 1.5}, spend ${pounds(spend)} of a ${pounds(before.usage.budgetPence)} budget`,
      )
      .waitFor();
    await section
      .getByRole('list', { name: 'Support days booked' })
      .getByText(/Behaviour systems: coaching the acting head .*£525/)
      .waitFor();
    await page.close();

    const head = await b.open('/tab/academy/riverside', { as: 'head-riverside' });
    const own = head.getByRole('region', { name: 'Support days and spend' });
    await own.getByText('Income from supporting other academies: £525 for 1.5 days').waitFor();
    await expect(own.getByRole('button', { name: 'Book a support day' }).count()).resolves.toBe(0);
    await expect(own.getByText('Behaviour systems').count()).resolves.toBe(0); // Hill Top's record is Hill Top's
    await head.close();

    const dash = await b.open('/tab/', { as: 'ceo' });
    await dash.locator('tr[data-academy="riverside"]').getByText('£525 earned').waitFor();
    await dash
      .locator('tr[data-academy="hill-top"]')
      .getByText(`${pounds(spend)} spent of ${pounds(before.usage.budgetPence)}`)
      .waitFor();
    await dash.close();
  });
});
