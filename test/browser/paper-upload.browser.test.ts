import { startBrowserStack, type BrowserStack } from './browser-stack';

/**
 * A head uploads her paper from the meeting page (issue 19, part 8): the tab sends the file itself
 * (PUT …/file), so a paper past the old 4 MB cap goes in, and the paper shows as in with its link.
 */
let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack();
}, 60_000);
afterAll(() => b?.stop(), 20_000);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test('the head uploads a 6 MB PDF from the meeting page and the paper is in, linked to the file', async () => {
  const owed = (await b.stack.call('GET', '/api/my-work', { as: 'head-oakfield' })).body.papersOwed as {
    meetingId: string;
    paper: { requirementId: string; title: string };
  }[];
  const item = owed[0]!;
  const page = await b.open(`/tab/meeting/${item.meetingId}`, { as: 'head-oakfield' });
  const paper = page.locator(`[data-paper="${item.paper.requirementId}"]`);
  await paper.getByRole('button', { name: `Upload the ${item.paper.title}` }).click();
  const form = page.getByRole('form', { name: `Upload the ${item.paper.title}` });
  const content = Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024, 0x20)]);
  await form.locator('input[type="file"]').setInputFiles({ name: 'Head report.pdf', mimeType: 'application/pdf', buffer: content });
  await form.getByRole('button', { name: 'Upload', exact: true }).click();
  await paper.getByText(/^in, /).waitFor({ timeout: 15_000 });
  const view = (await b.stack.call('GET', `/api/meetings/${item.meetingId}`, { as: 'head-oakfield' })).body as {
    meeting: { papers: { requirementId: string; link?: string }[] };
  };
  const link = view.meeting.papers.find((p) => p.requirementId === item.paper.requirementId)?.link ?? '';
  expect(link).toMatch(/\/papers\/files\/Head%20report\.pdf$/);
  const folder = (await b.stack.call('GET', `/api/meetings/${item.meetingId}/papers/folder`, { as: 'head-oakfield' })).body as {
    files: { name: string; size: number }[];
  };
  expect(folder.files).toEqual([expect.objectContaining({ name: 'Head report.pdf', size: content.byteLength })]);
  await page.close();
}, 90_000);
