import { startBrowserStack, type BrowserStack } from './browser-stack';

/**
 * A dashboard row whose values are the last good ones (SharePoint did not answer a list) says so,
 * with the time they were last read. The local host's SQLite always answers, so the test marks one
 * row of the real `/api/dashboard` answer stale on its way to the page, as the SharePoint read
 * model does (test/graph-server/dashboard-stale.test.ts shows the API doing it).
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack();
}, 60_000);
afterAll(() => b?.stop(), 20_000);

test('the stale row says "last updated <time>, SharePoint did not answer"; the others say nothing of the kind', async () => {
  let staleName = '';
  await b.browser.route('**/api/dashboard*', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { academies: { name: string; stale?: unknown }[] };
    const first = body.academies[0]!;
    staleName = first.name;
    first.stale = { since: '2026-11-23T09:58:00.000Z', lists: ['meetings'] };
    await route.fulfill({ response, json: body });
  });
  try {
    const page = await b.open('/tab/');
    const row = page.getByRole('row').filter({ hasText: staleName }).first();
    const note = row.getByRole('note');
    await note.waitFor({ timeout: 15_000 });
    expect(await note.innerText()).toBe('Last updated Mon 23 Nov 2026, 09:58, SharePoint did not answer');
    expect(await page.getByRole('note').filter({ hasText: 'SharePoint did not answer' }).count()).toBe(1);
    await page.close();
  } finally {
    await b.browser.unroute('**/api/dashboard*');
  }
}, 90_000);
