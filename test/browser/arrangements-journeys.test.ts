import { startBrowserStack, type BrowserStack } from './browser-stack';

/**
 * Each academy's arrangements and each meeting's focus in the browser (Debian Chromium), on the
 * demo trust as of Monday 23 November 2026 (issue 16, parts 3 and 4): the CEO opens Oakfield's
 * arrangements from a button, asks for iAIMs with a reason, previews the iAIMs the year would gain
 * (nothing written), then confirms and they are planned; the chair agrees an AIM's focus; the year
 * planner warns of areas the plan leaves uncovered. (An INSET day for one academy in the browser is
 * test/planner/term-dates-panel.test.ts.)
 */

jest.setTimeout(120_000);

let b: BrowserStack;
type Meeting = { id: string; academyId: string; kind: string; status: string; date: string; chairId: string; focus: string[] };
const meetings = async (): Promise<Meeting[]> => (await b.stack.call('GET', '/api/planner', { as: 'ceo' })).body.meetings;
const oakfieldIaims = async () => (await meetings()).filter((m) => m.academyId === 'oakfield' && m.kind === 'iaim');

beforeAll(async () => {
  b = await startBrowserStack('2026-11-23T10:00:00Z');
}, 180_000);
afterAll(async () => b?.stop());

it('the CEO previews Oakfield’s request for iAIMs, nothing is written, then confirms it and the iAIMs are planned', async () => {
  expect(await oakfieldIaims()).toEqual([]);
  const page = await b.open('/tab/academy/oakfield', { as: 'ceo' });
  const panel = page.getByRole('region', { name: 'Arrangements for the year' });
  await panel.getByText('Nothing asked for beyond the model').waitFor();
  await panel.getByRole('button', { name: 'Change the arrangements' }).click();
  const form = panel.getByRole('form', { name: 'Change the arrangements' });
  await form.getByRole('checkbox', { name: 'iAIMs' }).check();
  await form.getByRole('textbox', { name: /^Reason/ }).fill('The head asked for iAIMs at the autumn AIM');
  await form.getByRole('button', { name: 'Preview' }).click();

  const preview = form.getByRole('region', { name: 'What would change' });
  await preview.getByText('Asked for iAIMs').waitFor();
  const added = preview.getByRole('list', { name: 'Meetings' }).locator('li[data-change="added"]');
  await added.first().waitFor();
  expect(await added.allTextContents()).toEqual([
    expect.stringMatching(/^iAIM at Oakfield Primary Academy added on \w+day \d+ \w+ 202[67]$/),
    expect.stringMatching(/^iAIM at Oakfield Primary Academy added on \w+day \d+ \w+ 2027$/),
    expect.stringMatching(/^iAIM at Oakfield Primary Academy added on \w+day \d+ \w+ 2027$/),
  ]);
  // A preview writes nothing.
  expect(await oakfieldIaims()).toEqual([]);

  await form.getByRole('button', { name: 'Confirm' }).click();
  await page.getByText(/^Arrangements saved\. The year was re-planned: 3 meeting\(s\) added, 0 moved, 0 removed\.$/).waitFor();
  await panel.getByText('Asked for iAIMs', { exact: true }).waitFor();
  await panel.getByText(/^Last set .*: The head asked for iAIMs at the autumn AIM$/).waitFor();
  const iaims = await oakfieldIaims();
  expect(iaims).toHaveLength(3);
  expect(iaims.every((m) => m.date > '2026-11-23' && m.chairId === 'ceo')).toBe(true);
  // The head sees the arrangements, with no way to change them.
  const head = await b.open('/tab/academy/oakfield', { as: 'head-oakfield' });
  await head.getByRole('region', { name: 'Arrangements for the year' }).getByText('Asked for iAIMs', { exact: true }).waitFor();
  expect(await head.getByRole('button', { name: 'Change the arrangements' }).count()).toBe(0);
  await Promise.all([page.close(), head.close()]);
});

it('the chair agrees the next AIM’s focus with the head; a governor sees it but cannot change it', async () => {
  const aim = (await meetings())
    .filter((m) => m.academyId === 'oakfield' && m.kind === 'aim' && m.status === 'planned' && m.date > '2026-11-23')
    .sort((x, y) => x.date.localeCompare(y.date))[0]!;
  const page = await b.open(`/tab/meeting/${aim.id}`, { as: aim.chairId });
  await page.getByRole('button', { name: 'Agree or change the focus' }).click();
  const form = page.getByRole('form', { name: 'Agree the focus' });
  expect(await form.getByRole('checkbox', { name: /^Sixth form/ }).count()).toBe(0);
  for (const box of await form.getByRole('checkbox').all()) await box.uncheck();
  await form.getByRole('checkbox', { name: /^Attendance and behaviour/ }).check();
  await form.getByRole('button', { name: 'Agree focus' }).click();
  await page.getByText('Focus agreed.').waitFor();
  await page.getByText(/^Agreed by .+ with Rachel Adeyemi, /).waitFor();
  expect((await meetings()).find((m) => m.id === aim.id)!.focus).toEqual(['attendance-and-behaviour']);

  const governor = await b.open(`/tab/meeting/${aim.id}`, { as: 'governor-oakfield' });
  await governor.getByText('Attendance and behaviour', { exact: true }).waitFor();
  expect(await governor.getByRole('button', { name: 'Agree or change the focus' }).count()).toBe(0);
  await Promise.all([page.close(), governor.close()]);
});

it('the year planner shows each academy’s areas covered and warns of those the plan leaves uncovered', async () => {
  const page = await b.open('/tab/planner', { as: 'ceo' });
  const section = page.getByRole('region', { name: 'Areas covered by each academy’s meetings' });
  const warnings = section.getByRole('list', { name: 'Areas the plan leaves uncovered' });
  await warnings.getByText(/^The plan leaves .+ uncovered at Oakfield Primary Academy$/).waitFor();
  const row = section.locator('tr[data-academy="oakfield"]');
  await row.getByText(/Attendance and behaviour \(\d+ · [1-9]\d*\)/).waitFor();
  await page.close();
});
