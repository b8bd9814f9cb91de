import { readFileSync } from 'node:fs';
import { startBrowserStack, type BrowserStack } from './browser-stack';

/**
 * A paper kept by the app is served only to who may see its meeting, so the meeting page's "open"
 * fetches it with the person's identity and saves it (a plain link carries none and would get 401).
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack();
}, 60_000);
afterAll(() => b?.stop(), 20_000);

test('the head opens her uploaded paper from the meeting page and gets the file, not a refusal', async () => {
  const owed = (await b.stack.call('GET', '/api/my-work', { as: 'head-oakfield' })).body.papersOwed as {
    meetingId: string;
    paper: { requirementId: string };
  }[];
  const item = owed[0]!;
  const view = (await b.stack.call('GET', `/api/meetings/${item.meetingId}`, { as: 'head-oakfield' })).body as {
    meeting: { version: string };
  };
  const up = await b.stack.call('POST', `/api/meetings/${item.meetingId}/papers/${item.paper.requirementId}/file`, {
    as: 'head-oakfield',
    body: {
      fileName: 'Head report.txt',
      contentBase64: Buffer.from('Head report for the AIM').toString('base64'),
      version: view.meeting.version,
    },
  });
  expect(up.status).toBe(201);
  const page = await b.open(`/tab/meeting/${item.meetingId}`, { as: 'head-oakfield' });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 15_000 }),
    page.getByRole('link', { name: 'open', exact: true }).first().click(),
  ]);
  expect(download.suggestedFilename()).toBe('Head report.txt');
  const path = await download.path();
  expect(readFileSync(path, 'utf8')).toBe('Head report for the AIM');
  await page.close();
}, 90_000);
