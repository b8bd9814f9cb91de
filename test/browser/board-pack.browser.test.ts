import { readFileSync } from 'node:fs';
import { startBrowserStack, type BrowserStack } from './browser-stack';

/**
 * The board pack from the dashboard: the CEO generates this term's pack, sees it listed with when
 * and by whom, and downloads it through the API client (a plain link would carry no identity); a
 * trustee reads the list without being offered to generate; a head is shown no pack at all.
 */
jest.setTimeout(120_000);
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack();
}, 180_000);
afterAll(() => b?.stop(), 20_000);

test('the CEO generates the pack, sees it listed and downloads the Word file', async () => {
  const page = await b.open('/tab/', { as: 'ceo' });
  const section = page.getByRole('region', { name: 'Board pack' });
  await section.getByText('No board pack has been generated yet.').waitFor();
  await section.getByRole('button', { name: 'Generate this term’s pack' }).click();
  const row = section.getByRole('table', { name: 'Board packs' }).getByRole('row').nth(1);
  await row.getByText('Autumn term 2026/27').waitFor({ timeout: 60_000 });
  await row.getByText('Dr Helen Marsh').waitFor();
  await row.getByText('Generated on demand').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 15_000 }),
    row.getByRole('button', { name: /^Download Board pack Autumn term 2026-27/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Board pack Autumn term 2026-27 (generated 2026-11-23 1000).docx');
  expect(
    readFileSync(await download.path())
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK'); // a Word document is a zip
  await page.close();
});

test('a trustee reads the list but is not offered to generate; a head sees no board pack', async () => {
  const trustee = await b.open('/tab/', { as: 'board-chair' });
  const section = trustee.getByRole('region', { name: 'Board pack' });
  await section.getByRole('table', { name: 'Board packs' }).waitFor();
  expect(await section.getByRole('button', { name: 'Generate this term’s pack' }).count()).toBe(0);
  await trustee.close();
  const head = await b.open('/tab/', { as: 'head-oakfield' });
  await head.getByRole('heading', { level: 1 }).first().waitFor();
  expect(await head.getByRole('region', { name: 'Board pack' }).count()).toBe(0);
  await head.close();
});
