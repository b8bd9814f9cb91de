import type { Page } from 'playwright-core';
import { paperDeadlineCard } from '../../bot/cards/paper-cards';
import { tabLinks } from '../../bot/cards/card-links';
import { startBrowserStack, type BrowserStack } from './browser-stack';

jest.setTimeout(90_000);

/**
 * What the meeting page offers a chair and a governor before a meeting, on its day and after it
 * (issue 20), against the seeded trust on Monday 23 November 2026. The AIM on the day is Riverside's,
 * moved to today by its improvement director as they would from the planner.
 */
type Listed = { id: string; status: string; date: string; academyId: string; kind: string; version: string; chairId: string };
let b: BrowserStack;
let before: Listed;
let onTheDay: Listed;
let after: Listed;

beforeAll(async () => {
  b = await startBrowserStack('2026-11-23T10:00:00Z');
  const meetings = (await b.stack.call('GET', '/api/planner', { as: 'ceo' })).body.meetings as Listed[];
  const aim = (academyId: string, status: string) =>
    meetings
      .filter((m) => m.academyId === academyId && m.kind === 'aim' && m.status === status)
      .sort((x, y) => x.date.localeCompare(y.date));
  before = aim('oakfield', 'planned').find((m) => m.date > '2026-11-23')!;
  after = aim('oakfield', 'held').at(-1)!;
  const riverside = aim('riverside', 'planned').find((m) => m.date > '2026-11-23')!;
  const moved = await b.stack.call('POST', `/api/meetings/${riverside.id}/move`, {
    as: riverside.chairId,
    body: { date: '2026-11-23', version: riverside.version },
  });
  expect(moved.status).toBe(200);
  onTheDay = { ...riverside, date: '2026-11-23' };
}, 180_000);
afterAll(async () => b?.stop());

const sectionTitles = (page: Page) => page.getByRole('heading', { level: 2 }).allTextContents();
const buttons = (page: Page, name: string | RegExp) => page.getByRole('button', { name }).count();

async function openMeeting(id: string, as: string): Promise<Page> {
  const page = await b.open(`/tab/meeting/${id}`, { as });
  await page.getByRole('heading', { name: 'Attendance', level: 2 }).waitFor();
  return page;
}

describe('before the meeting', () => {
  it('shows the chair the agenda, papers and apologies first, and says when attendance, judgements and notes open', async () => {
    const page = await openMeeting(before.id, before.chairId);
    expect((await sectionTitles(page)).slice(0, 4)).toEqual(['Agenda', 'Actions carried forward', 'KPI drops to review', 'Papers']);
    await expect(buttons(page, / attended$/)).resolves.toBe(0);
    await expect(buttons(page, 'Record a judgement')).resolves.toBe(0);
    await expect(buttons(page, /^(Write|Rewrite) the notes$/)).resolves.toBe(0);
    await expect(page.getByRole('form', { name: 'Capture an action' }).count()).resolves.toBe(0);
    await page.getByText('Attendance is recorded on the day of the meeting, Thu 3 Dec 2026.').waitFor();
    await page.getByText('Judgements open on the day of the meeting, Thu 3 Dec 2026.').waitFor();
    await page.getByText('Notes open on the day of the meeting, Thu 3 Dec 2026.').waitFor();
    // Forms wait behind their buttons until asked for.
    await expect(page.getByRole('form', { name: 'Send apologies' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Send apologies' }).click();
    await page.getByRole('form', { name: 'Send apologies' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('form', { name: 'Send apologies' }).count()).resolves.toBe(0);
    await page.close();
  });

  it('offers a governor their apologies, and no form on papers that are not theirs', async () => {
    const view = (await b.stack.call('GET', `/api/meetings/${before.id}`, { as: 'governor-oakfield' })).body;
    expect(view.meeting.papers.some((p: { ownerId?: string }) => p.ownerId === 'governor-oakfield')).toBe(false);
    const page = await openMeeting(before.id, 'governor-oakfield');
    await expect(buttons(page, /^Ask for more time/)).resolves.toBe(0);
    await expect(buttons(page, /^Mark the .* as in$/)).resolves.toBe(0);
    await expect(buttons(page, / attended$/)).resolves.toBe(0);
    await page.getByRole('button', { name: 'Send apologies' }).click();
    const form = page.getByRole('form', { name: 'Send apologies' });
    // A governor sends only their own apologies.
    await expect(form.getByLabel('Apologies from').locator('option').count()).resolves.toBe(1);
    await page.getByText('Notes open on the day of the meeting, Thu 3 Dec 2026.').waitFor();
    await page.close();
  });

  it('lets a paper’s owner ask for more time from a button on their own paper only', async () => {
    const view = (await b.stack.call('GET', `/api/meetings/${before.id}`, { as: 'head-oakfield' })).body;
    const papers = view.meeting.papers as { title: string; ownerId?: string; submittedAt?: string }[];
    const mine = papers.filter((p) => p.ownerId === 'head-oakfield' && !p.submittedAt);
    const others = papers.filter((p) => p.ownerId !== 'head-oakfield' && !p.submittedAt);
    expect(mine.length).toBeGreaterThan(0);
    const page = await openMeeting(before.id, 'head-oakfield');
    for (const p of mine) await page.getByRole('button', { name: `Ask for more time on the ${p.title}` }).waitFor();
    for (const p of others) await expect(buttons(page, `Ask for more time on the ${p.title}`)).resolves.toBe(0);
    await expect(page.getByLabel(`New date for the ${mine[0]!.title}`).count()).resolves.toBe(0);
    await page.getByRole('button', { name: `Ask for more time on the ${mine[0]!.title}` }).click();
    await page.getByLabel(`New date for the ${mine[0]!.title}`).waitFor();
    await page.close();
  });
});

describe('on the day', () => {
  it('puts attendance, live actions and judgements first for the chair, who records them', async () => {
    const page = await openMeeting(onTheDay.id, onTheDay.chairId);
    expect((await sectionTitles(page)).slice(0, 3)).toEqual(['Attendance', expect.stringMatching(/^Actions raised/), 'Judgements']);
    const chairRow = page.locator(`tr[data-person="${onTheDay.chairId}"]`);
    await chairRow.getByRole('button', { name: / attended$/ }).click();
    await chairRow.getByRole('cell', { name: 'Attended', exact: true }).waitFor();
    await page.getByRole('form', { name: 'Capture an action' }).waitFor();
    await page.getByRole('button', { name: 'Record a judgement' }).click();
    await page.getByRole('textbox', { name: 'Evidence' }).fill('Leaders know the school’s strengths and act on its weaknesses.');
    await page.getByRole('button', { name: 'Record judgement' }).click();
    await page
      .getByRole('list', { name: 'Judgements' })
      .getByText('Leaders know the school’s strengths and act on its weaknesses.')
      .waitFor();
    await page.getByRole('button', { name: 'Write the notes' }).waitFor();
    await page.close();
  });

  it('lets a governor raise an action, but not mark attendance, judge or write the notes', async () => {
    const page = await openMeeting(onTheDay.id, 'governor-riverside');
    await page.getByRole('form', { name: 'Capture an action' }).waitFor();
    await expect(buttons(page, / attended$/)).resolves.toBe(0);
    await expect(buttons(page, 'Record a judgement')).resolves.toBe(0);
    await expect(buttons(page, /^(Write|Rewrite) the notes$/)).resolves.toBe(0);
    await page.close();
  });
});

describe('after the meeting', () => {
  it('leads with the notes and their approval for the chair; apologies are over', async () => {
    const page = await openMeeting(after.id, after.chairId);
    expect((await sectionTitles(page))[0]).toBe('Notes');
    await page.getByRole('list', { name: 'Approvals' }).waitFor();
    await page.getByRole('button', { name: 'Rewrite the notes' }).waitFor();
    await expect(buttons(page, 'Send apologies')).resolves.toBe(0);
    await page.close();
  });

  it('shows a governor that the notes wait for approval, with nothing to record', async () => {
    const page = await openMeeting(after.id, 'governor-oakfield');
    expect((await sectionTitles(page))[0]).toBe('Notes');
    await page.getByText(/Notes not yet circulated/).waitFor();
    await expect(buttons(page, 'Send apologies')).resolves.toBe(0);
    await expect(buttons(page, /^(Write|Rewrite) the notes$/)).resolves.toBe(0);
    await expect(buttons(page, / attended$/)).resolves.toBe(0);
    await page.close();
  });
});

describe('the papers folder', () => {
  it('opens from the card’s “Open the papers folder” on the folder, listing the papers put in it', async () => {
    const view = (await b.stack.call('GET', `/api/meetings/${before.id}`, { as: 'head-oakfield' })).body;
    const paper = (view.meeting.papers as { requirementId: string; ownerId?: string; submittedAt?: string }[]).find(
      (p) => p.ownerId === 'head-oakfield' && !p.submittedAt,
    )!;
    const up = await b.stack.call('POST', `/api/meetings/${before.id}/papers/${paper.requirementId}/file`, {
      as: 'head-oakfield',
      body: { fileName: 'Head report.txt', contentBase64: Buffer.from('the report').toString('base64'), version: view.meeting.version },
    });
    expect(up.status).toBe(201);
    const card = paperDeadlineCard(up.body.meeting, {
      links: tabLinks(`${b.stack.base}/tab`),
      today: '2026-11-23',
      academyName: 'Oakfield Primary Academy',
      kindName: 'AIM',
      nameOf: (id) => id,
      viewerId: 'head-oakfield',
    });
    const open =
      JSON.stringify(card).match(/"title":"Open the papers folder","url":"([^"]+)"/) ??
      JSON.stringify(card).match(/"url":"([^"]+)","title":"Open the papers folder"/);
    expect(open).not.toBeNull();
    const url = open![1]!;
    expect(new URL(url).pathname).toBe(`/tab/meeting/${before.id}/papers`);
    const page = await b.browser.newPage();
    await page.goto(`${url}?as=head-oakfield`);
    await page.getByRole('heading', { level: 1, name: /^Papers folder: / }).waitFor();
    await page.getByRole('list', { name: 'Files in the folder' }).getByText('Head report.txt').waitFor();
    await page.close();
  });
});

describe('My work', () => {
  it('flags the papers a head owes that are past their date, as it flags overdue actions', async () => {
    // Riverside's papers for its AIM were due a week before it and are not in.
    const owed = (await b.stack.call('GET', '/api/my-work', { as: 'head-riverside' })).body.papersOwed as {
      paper: { title: string };
      overdue: boolean;
    }[];
    expect(owed.filter((p) => p.overdue).length).toBeGreaterThan(0);
    const page = await b.open('/tab/my-work', { as: 'head-riverside' });
    const list = page.getByRole('list', { name: 'Papers I owe' });
    await list
      .locator('li[data-overdue="true"]')
      .first()
      .getByText(/\(overdue\)/)
      .waitFor();
    await expect(list.locator('li[data-overdue="true"]').count()).resolves.toBe(owed.filter((p) => p.overdue).length);
    await page.close();
    const oakfield = await b.open('/tab/my-work', { as: 'head-oakfield' });
    await oakfield.getByRole('list', { name: 'Papers I owe' }).locator('li').first().waitFor();
    await expect(
      oakfield
        .getByRole('list', { name: 'Papers I owe' })
        .getByText(/\(overdue\)/)
        .count(),
    ).resolves.toBe(0);
    await oakfield.close();
  });
});
