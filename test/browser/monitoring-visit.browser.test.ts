import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startLoopStack, type LoopStack } from '../loop/loop-stack';
import { CHROMIUM, ensureTabBuilt } from './browser-stack';

/**
 * Issue 16's monitoring form in the tab at a phone's width (375 × 812), as an improvement director
 * fills it in walking round Oakfield: a draft saved, finished and submitted later from the academy
 * page, then cited as the evidence for a judgement at the AIM it was for. The host runs on a clock
 * the test moves, since judgements are recorded from the meeting's day.
 */
jest.setTimeout(180_000);

const TODAY = '2026-11-23';
let stack: LoopStack;
let browser: BrowserContext;
let profile: string;
let aim: { id: string; date: string; chairId: string };

beforeAll(async () => {
  ensureTabBuilt();
  stack = await startLoopStack(`${TODAY}T10:00:00Z`);
  profile = mkdtempSync(join(tmpdir(), 'trust-visit-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--lang=en-GB'],
    viewport: { width: 375, height: 812 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const meetings = (await stack.call('GET', '/api/planner', { as: 'ceo' })).body.meetings as {
    id: string;
    academyId: string;
    kind: string;
    status: string;
    date: string;
    chairId: string;
  }[];
  aim = meetings
    .filter((m) => m.academyId === 'oakfield' && m.kind === 'aim' && m.status === 'planned')
    .sort((a, b) => a.date.localeCompare(b.date))[0]!;
}, 240_000);
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  if (profile) rmSync(profile, { recursive: true, force: true });
  await stack?.stop();
});

async function open(path: string, as: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${stack.base}${path}?as=${encodeURIComponent(as)}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
  return page;
}

/*
 * The checks run in the page, written as source text: this project's TypeScript has no DOM library,
 * and the page's own globals (document, window) are what is measured.
 */
const MEASURE_WIDTHS = `({
  scroll: document.scrollingElement.scrollWidth,
  inner: window.innerWidth,
  wide: [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
    .slice(0, 8)
    .map((e) => e.tagName + '.' + String(e.className).slice(0, 40) + ' ' + (e.textContent || '').slice(0, 40)),
})`;

/** Nothing wider than the phone: the page never scrolls sideways (and if it does, what sticks out). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = (await page.evaluate(MEASURE_WIDTHS)) as { scroll: number; inner: number; wide: string[] };
  expect([page.url(), widths.scroll <= widths.inner ? [] : widths.wide]).toEqual([page.url(), []]);
  expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
}

/** Every text box and list on the form spans the form's width (less than a pixel short, for rounding). */
async function expectFullWidthInputs(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'Monitoring visit' });
  const formWidth = (await form.boundingBox())!.width;
  const controls = form.locator('input, select, textarea');
  expect(await controls.count()).toBeGreaterThan(10);
  const narrow: string[] = [];
  for (const control of await controls.all()) {
    const box = (await control.locator('xpath=..').boundingBox())!;
    if (box.width < formWidth - 1) narrow.push((await control.getAttribute('id')) ?? '?');
  }
  expect(narrow).toEqual([]);
}

describe('a monitoring form at phone width', () => {
  it('is filled in, saved as a draft, submitted later, and cited as evidence for a judgement at the AIM', async () => {
    // Walking round the school: the director starts the form from the AIM it gathers evidence for.
    const page = await open(`/tab/academy/oakfield/visit-for/${aim.id}`, 'aid-graham');
    await page.getByRole('heading', { name: 'Monitoring visit: Oakfield Primary Academy' }).waitFor();
    const form = page.getByRole('form', { name: 'Monitoring visit' });
    await expect(form.getByLabel('Meeting').inputValue()).resolves.toBe(aim.id);
    await form.getByLabel('Activity').selectOption('Learning walk');
    await form.getByLabel('Date').fill('23/11/2026');
    await form.getByLabel('Start time').fill('09:15');
    await form.getByLabel('End time').fill('10:00');
    await form.getByLabel('What went well').fill('Phonics groups well matched\nPupils decode unfamiliar words confidently');
    await expectNoSidewaysScroll(page);
    await expectFullWidthInputs(page);
    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();
    await expectNoSidewaysScroll(page);

    // A head at the school does not see the director's draft.
    const headList = (await stack.call('GET', '/api/academies/oakfield/monitoring-visits', { as: 'head-oakfield' })).body
      .visits as unknown[];
    expect(headList).toEqual([]);

    // Later, from the academy page: the draft is listed, opened and finished.
    const academy = await open('/tab/academy/oakfield', 'aid-graham');
    const visits = academy.getByRole('list', { name: 'Monitoring visits' });
    await visits.getByText('Draft').waitFor();
    await visits.getByRole('link', { name: /^Learning walk, Mon 23 Nov 2026, 09:15–10:00, by Graham Fielding/ }).click();
    const later = academy.getByRole('form', { name: 'Monitoring visit' });
    await expect(later.getByLabel('What went well').inputValue()).resolves.toBe(
      'Phonics groups well matched\nPupils decode unfamiliar words confidently',
    );
    await later.getByRole('button', { name: 'Submit visit' }).click();
    await academy.getByText(/The form needs correcting: Focus — say what the activity was for/).waitFor();
    await later.getByLabel('Focus').fill('Early reading: phonics catch-up in Year 2');
    await later.getByLabel('Even better if').fill('Reading books matched to the sounds pupils know');
    await later.getByLabel('Teaching, learning and assessment').selectOption('good');
    await expectNoSidewaysScroll(academy);
    await later.getByRole('button', { name: 'Submit visit' }).click();
    await academy.getByText('Visit submitted: the academy and its meetings can see it now.').first().waitFor();
    await academy.getByLabel('Visit as recorded').getByText('Submitted', { exact: true }).waitFor();
    await expectNoSidewaysScroll(academy);
    const submitted = (await stack.call('GET', '/api/academies/oakfield/monitoring-visits', { as: 'head-oakfield' })).body.visits as {
      id: string;
      status: string;
      focus: string;
    }[];
    expect(submitted.map((v) => [v.status, v.focus])).toEqual([['submitted', 'Early reading: phonics catch-up in Year 2']]);

    // On the day of the AIM, the chair cites it as the evidence for a judgement.
    stack.setNow(`${aim.date}T13:00:00Z`);
    const meeting = await open(`/tab/meeting/${aim.id}`, aim.chairId);
    const openForm = meeting.getByRole('button', { name: 'Record a judgement' });
    if ((await openForm.count()) > 0) await openForm.click();
    const judgement = meeting.getByRole('form', { name: 'Record a judgement' });
    const offered = judgement.getByRole('group', { name: 'Monitoring visits as evidence' });
    await offered.getByText(/^Learning walk: Early reading: phonics catch-up in Year 2/).waitFor();
    await offered.getByRole('button', { name: 'Use the findings as evidence' }).click();
    await expect(offered.getByRole('checkbox').isChecked()).resolves.toBe(true);
    await expect(judgement.getByRole('textbox', { name: 'Evidence', exact: true }).inputValue()).resolves.toMatch(
      /^Learning walk: Early reading/,
    );
    await judgement.getByLabel('Inspection area').selectOption({ label: 'Curriculum and teaching' });
    await judgement.getByLabel('Indicative grade').selectOption({ label: 'Expected standard' });
    await expectNoSidewaysScroll(meeting);
    await judgement.getByRole('button', { name: 'Record judgement' }).click();
    await meeting.getByText('Judgement recorded.').first().waitFor();
    // The judgement shows the visit it cites, linked to the visit as recorded.
    await meeting
      .getByRole('list', { name: 'Monitoring visits cited' })
      .getByRole('link', { name: /^Learning walk, Mon 23 Nov 2026, 09:15–10:00, by Graham Fielding/ })
      .waitFor();
    await expectNoSidewaysScroll(meeting);

    const recorded = (await stack.call('GET', `/api/meetings/${aim.id}`, { as: 'ceo' })).body.meeting.judgements as {
      area: string;
      evidence: string;
      evidenceVisitIds?: string[];
    }[];
    expect(recorded.find((j) => j.area === 'curriculum-and-teaching')).toMatchObject({
      evidence: expect.stringContaining('What went well: Phonics groups well matched; Pupils decode unfamiliar words confidently'),
      evidenceVisitIds: [submitted[0]!.id],
    });
  });
});
