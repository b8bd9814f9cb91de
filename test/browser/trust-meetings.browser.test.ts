import { startBrowserStack, type BrowserStack } from './browser-stack';

jest.setTimeout(60_000);

/**
 * The year planner shows the trust's own meetings beside the academies' (issue 17, part 2): once
 * the CEO plans the year, the demo trust's (DSAT's) termly moderation and network meetings appear
 * in a "Trust meetings" table with their chair and the report due after; a head sees none of them.
 */
let b: BrowserStack;

beforeAll(async () => {
  b = await startBrowserStack('2026-11-23T10:00:00Z');
  const res = await b.stack.call('POST', '/api/planner/plan', { as: 'ceo', body: { academicYear: '2026/27' } });
  expect(res.status).toBe(200);
}, 120_000);
afterAll(async () => b?.stop());

test('the CEO sees the trust meetings, each with its chair and the report due after it', async () => {
  const page = await b.open('/tab/planner', { as: 'ceo' });
  const table = page.getByRole('table', { name: 'Trust meetings' });
  await table.waitFor();
  const rows = table.getByRole('row');
  await expect(rows.count()).resolves.toBe(7); // the header and six meetings
  const moderation = rows.filter({ hasText: 'Moderation meeting' }).first();
  await expect(moderation.textContent()).resolves.toMatch(/Academy Improvement Director \(AID\)/);
  await expect(moderation.textContent()).resolves.toMatch(/Moderation outcomes after, by \w+ \d+ \w+ \d{4}/);
});

test('a head sees no trust meetings they are not named on', async () => {
  const page = await b.open('/tab/planner', { as: 'head-oakfield' });
  await page.getByText('No trust meetings for you this year.').waitFor();
  await expect(page.getByRole('table', { name: 'Trust meetings' }).count()).resolves.toBe(0);
});
