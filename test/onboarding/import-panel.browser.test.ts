import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { startBrowserStack, type BrowserStack } from '../browser/browser-stack';
import { SAMPLES } from './onboarding-fixtures';

jest.setTimeout(90_000);

let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack('2026-11-23T10:00:00Z');
}, 180_000);
afterAll(async () => b?.stop());

describe('Settings › Import from CSV (headless Chromium)', () => {
  it('checks the files (a dry run with the changes in a table), then imports them; the academies list shows the new one', async () => {
    const page = await b.open('/tab/settings', { as: 'admin' });
    const panel = page.getByRole('region', { name: 'Import from CSV' });
    await panel.getByLabel('Academies CSV').setInputFiles(join(SAMPLES, 'academies.sample.csv'));
    await panel.getByLabel('People CSV').setInputFiles(join(SAMPLES, 'people.sample.csv'));
    await expect(panel.getByRole('button', { name: 'Import' }).isDisabled()).resolves.toBe(true);

    // Keyboard only: focus Check and press Enter.
    await panel.getByRole('button', { name: 'Check' }).focus();
    await page.keyboard.press('Enter');
    const changes = panel.getByRole('table', { name: 'What would change' });
    await changes.waitFor();
    await changes
      .getByRole('row', { name: /Meadow View Primary School/ })
      .first()
      .waitFor();
    await panel.getByText('Academies: 2 to create, 1 to update, 0 unchanged, 0 rejected').waitFor();
    await expect(page.getByRole('table', { name: 'Academies' }).getByText('Meadow View Primary School').count()).resolves.toBe(0);

    const axe = await new AxeBuilder({ page })
      .include('section[aria-labelledby="section-import-from-csv"]')
      .exclude('[data-tabster-dummy]')
      .options({ resultTypes: ['violations'] })
      .analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await panel.getByRole('button', { name: 'Import' }).click();
    await panel.getByText('Imported: 7 created, 1 updated.').waitFor();
    await page.getByRole('table', { name: 'Academies' }).getByText('Meadow View Primary School').waitFor();
    await page.close();
  });

  it('shows rejected rows with row, column, value and problem', async () => {
    const page = await b.open('/tab/settings', { as: 'admin' });
    const panel = page.getByRole('region', { name: 'Import from CSV' });
    await panel.getByLabel('People CSV').setInputFiles({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Name,E-mail,Role,Academy\r\nLou Fox,lou.fox@x.example,Dinner lady,Oakfield\r\n'),
    });
    await panel.getByRole('button', { name: 'Check' }).click();
    const rejected = panel.getByRole('table', { name: 'Rejected rows' });
    await rejected.waitFor();
    await expect(rejected.getByRole('row').nth(1).innerText()).resolves.toMatch(/2\s+people\s+Role\s+Dinner lady\s+not a role/);
    await panel.getByRole('link', { name: 'Download the rejected people rows to fix' }).waitFor();
    await page.close();
  });
});
