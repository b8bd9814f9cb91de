import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { startBrowserStack, type BrowserStack } from './browser-stack';

jest.setTimeout(60_000);

let b: BrowserStack;
let heldMeetingId: string;
let nextMeetingId: string;

beforeAll(async () => {
  b = await startBrowserStack('2026-11-23T10:00:00Z');
  const planner = await b.stack.call('GET', '/api/planner', { as: 'ceo' });
  const meetings = planner.body.meetings as { id: string; status: string; date: string; academyId: string; kind: string }[];
  heldMeetingId = meetings.find((m) => m.status === 'held' && m.academyId === 'oakfield')!.id;
  nextMeetingId = meetings.find((m) => m.status === 'planned' && m.academyId === 'oakfield' && m.kind === 'aim')!.id;
}, 120_000);
afterAll(async () => b?.stop());

/** axe-core on the page as rendered: no serious or critical violations. */
async function expectAccessible(page: Page, only?: string[]): Promise<void> {
  // Tabster's focus sentinels (aria-hidden <i tabindex=0> that Fluent adds around focus groups) are a known axe false positive.
  // Only violations are collected (not passes), which makes axe several times faster on the big tables.
  let axe = new AxeBuilder({ page }).exclude('[data-tabster-dummy]').options({ resultTypes: ['violations'] });
  if (only) axe = axe.withRules(only);
  const result = await axe.analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    ),
  ).toEqual([]);
}

describe('every page of the tab loads with the seeded trust and passes axe', () => {
  const pages: [string, () => string, string | RegExp][] = [
    ['trust dashboard', () => '/tab/', 'Meadowbank Learning Trust: trust dashboard'],
    ['academy', () => '/tab/academy/brook-lane', 'Brook Lane Academy'],
    ['year planner', () => '/tab/planner', /Year planner 2026\/27/],
    ['meeting', () => `/tab/meeting/${heldMeetingId}`, /at Oakfield Primary Academy/],
    ['meeting side panel', () => `/tab/meeting/${nextMeetingId}/panel`, /AIM, Oakfield Primary Academy/],
    ['my work', () => '/tab/my-work', /My work: Dr Helen Marsh/],
    ['settings', () => '/tab/settings', 'Settings'],
  ];
  for (const [name, path, heading] of pages) {
    it(`shows the ${name}, light and dark, with no serious accessibility problems`, async () => {
      for (const dark of [false, true]) {
        const page = await b.open(path(), { dark, ...(name === 'meeting side panel' ? { width: 320 } : {}) });
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(heading);
        await page
          .getByRole('status')
          .first()
          .waitFor({ state: 'detached', timeout: 10_000 })
          .catch(() => undefined);
        // Structure is the same in both themes; only contrast changes with the theme.
        await expectAccessible(page, dark ? ['color-contrast'] : undefined);
        await page.close();
      }
    });
  }
});

describe('the dashboard', () => {
  it('lists every academy of the trust, worst first, and sorts by name from the keyboard', async () => {
    const page = await b.open('/tab/');
    const rows = page.locator('tr[data-academy]');
    await expect(rows.count()).resolves.toBe(12);
    await expect(rows.first().getAttribute('data-academy')).resolves.toBe('brook-lane');
    await page.getByRole('button', { name: 'Academy', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(rows.first().getAttribute('data-academy')).resolves.toBe('ashworth');
    // The filter shows exactly the academies the API rates red, and names each of them.
    const red = ((await b.stack.call('GET', '/api/dashboard', { as: 'ceo' })).body.academies as { academyId: string; rag: string }[])
      .filter((a) => a.rag === 'red')
      .map((a) => a.academyId);
    expect(red.length).toBeGreaterThan(0);
    await page.getByLabel('RAG', { exact: true }).selectOption('red');
    await expect(rows.count()).resolves.toBe(red.length);
    expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-academy')))).sort()).toEqual([...red].sort());
    await page.close();
  });

  it('gives a head their own academy’s page as the dashboard, without the trust’s tools, and refuses another by deep link', async () => {
    const page = await b.open('/tab/', { as: 'head-oakfield' });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/Oakfield Primary Academy/);
    await expect(page.locator('tr[data-academy]').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /Export for the board/ }).count()).resolves.toBe(0);
    await expect(page.getByLabel('Find an academy').count()).resolves.toBe(0);
    await page.close();
    const ceo = await b.open('/tab/', { as: 'ceo' });
    await ceo.getByRole('button', { name: /Export for the board/ }).waitFor();
    await ceo.getByLabel('Find an academy').waitFor();
    await ceo.close();
    const other = await b.browser.newPage();
    await other.goto(`${b.stack.base}/tab/academy/brook-lane?as=head-oakfield`);
    await expect(other.getByRole('alert').textContent()).resolves.toMatch(/only see information for your own academy/);
    await other.close();
  });
});

describe('recording in the meeting', () => {
  it('captures an action in the side panel; it appears on the meeting and in the owner’s My work', async () => {
    const panel = await b.open(`/tab/meeting/${nextMeetingId}/panel`, { as: 'aid-graham', width: 320 });
    await panel.getByLabel('What').fill('Share the reading catch-up plan with governors');
    await panel.getByLabel('Owner').selectOption('head-oakfield');
    await panel.getByRole('button', { name: 'Add action' }).click();
    await panel.getByRole('list', { name: 'Actions raised' }).getByText('Share the reading catch-up plan with governors').waitFor();
    await panel.close();

    const meeting = await b.open(`/tab/meeting/${nextMeetingId}`, { as: 'ceo' });
    await meeting.getByRole('list', { name: 'Actions raised' }).getByText('Share the reading catch-up plan with governors').waitFor();
    await meeting.close();

    const mine = await b.open('/tab/my-work', { as: 'head-oakfield' });
    await mine.getByRole('list', { name: 'My actions' }).getByText('Share the reading catch-up plan with governors').waitFor();
    await mine.close();
  });
});

describe('attendance and paper extensions on the meeting page', () => {
  it('records apologies with a substitute from the button before the meeting; both appear in the attendance table', async () => {
    const view = (await b.stack.call('GET', `/api/meetings/${nextMeetingId}`, { as: 'ceo' })).body.meeting as {
      chairId: string;
      attendees: { personId: string; attendance: string }[];
    };
    const away = view.attendees.find((a) => a.personId !== view.chairId && a.attendance === 'expected')!.personId;
    const listed = new Set(view.attendees.map((a) => a.personId));
    const people = (await b.stack.call('GET', '/api/people', { as: 'ceo' })).body.people as { id: string; name: string }[];
    const sub = people.find((p) => !listed.has(p.id) && p.id !== 'admin')!;
    const page = await b.open(`/tab/meeting/${nextMeetingId}`, { as: 'ceo' });
    await page.getByRole('button', { name: 'Send apologies' }).click();
    const form = page.getByRole('form', { name: 'Send apologies' });
    await form.getByLabel('Apologies from').selectOption(away);
    await form.getByLabel('Reason').fill('Leading an Ofsted visit elsewhere');
    await form.getByLabel('Substitute').selectOption(sub.id);
    await form.getByRole('button', { name: 'Send apologies' }).click();
    await page.locator(`tr[data-person="${away}"]`).getByText(`Leading an Ofsted visit elsewhere; substitute ${sub.name}`).waitFor();
    await page.locator(`tr[data-person="${sub.id}"]`).getByRole('cell', { name: 'Expected', exact: true }).waitFor();
    // The form folds away once sent; attendance itself is marked on the day (meeting-moments.browser.test.ts).
    await expect(page.getByRole('form', { name: 'Send apologies' }).count()).resolves.toBe(0);
    await page.close();
  });

  it('lets a paper’s owner ask for more time with an en-GB date, and the chair grant it', async () => {
    const view = (await b.stack.call('GET', `/api/meetings/${nextMeetingId}`, { as: 'ceo' })).body.meeting as {
      chairId: string;
      papers: { requirementId: string; title: string; ownerId: string; dueDate: string; submittedAt?: string }[];
    };
    const paper = view.papers.find((p) => !p.submittedAt)!;
    const d = new Date(`${paper.dueDate}T12:00:00Z`);
    do d.setUTCDate(d.getUTCDate() + 1);
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
    const typed = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    const owner = await b.open(`/tab/meeting/${nextMeetingId}`, { as: paper.ownerId });
    await owner.getByRole('button', { name: `Ask for more time on the ${paper.title}` }).click();
    const field = owner.getByLabel(`New date for the ${paper.title}`);
    await field.fill('31/02/2027');
    await field.blur();
    await owner.getByText('Enter the date as dd/mm/yyyy').first().waitFor();
    await field.fill(typed);
    await owner.getByLabel('Why more time is needed').first().fill('The autumn data arrives late');
    await owner
      .getByRole('form', { name: `Ask for more time on the ${paper.title}` })
      .getByRole('button', { name: 'Ask for more time' })
      .click();
    await owner.getByText('waiting for the chair').waitFor();
    await owner.close();

    const chair = await b.open(`/tab/meeting/${nextMeetingId}`, { as: view.chairId });
    await chair.getByRole('button', { name: 'Grant the extension' }).click();
    await chair.getByText(/approved by/).waitFor();
    await expect(chair.getByText(/Extension to .* asked by/).textContent()).resolves.toMatch(
      new RegExp(`${d.getUTCDate()} \\w{3} ${d.getUTCFullYear()}`),
    );
    await chair.close();
  });
});

describe('settings: people', () => {
  it('shows the API’s problem next to the field, then saves a person’s edit and it sticks', async () => {
    const page = await b.open('/tab/settings', { as: 'admin' });
    await page.locator('tr[data-person="governor-oakfield"]').getByRole('button', { name: /^Edit/ }).click();
    const form = page.getByRole('form', { name: /^Edit/ });
    await form.getByLabel('E-mail').fill('not-an-email');
    await form.getByLabel('Job title').fill('Vice-chair of governors');
    await form.getByRole('button', { name: 'Save person' }).click();
    await page.getByText('Not saved: fix the fields marked.').waitFor();
    await expect(form.getByRole('textbox', { name: 'E-mail' }).getAttribute('aria-invalid')).resolves.toBe('true');
    await form.getByLabel('E-mail').fill('governor.oakfield@example.org');
    await form.getByRole('button', { name: 'Save person' }).click();
    await page.getByText(/ saved\.$/).waitFor();
    await page.reload();
    await page.locator('tr[data-person="governor-oakfield"]').getByText('Vice-chair of governors').waitFor();
    await page.close();
  });
});

describe('the year planner', () => {
  it('refuses to move a meeting onto a bank holiday and says why', async () => {
    const page = await b.open('/tab/planner', { as: 'aid-graham' });
    await page.locator(`tr[data-meeting="${nextMeetingId}"]`).getByRole('button', { name: /^Move/ }).click();
    await page.getByLabel('New date').fill('03/05/2027');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/bank holiday/i);
    await page.close();
  });
});
