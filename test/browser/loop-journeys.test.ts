import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { startBrowserStack, type BrowserStack } from './browser-stack';

/**
 * Issue 15's four journeys in the tab, in Debian's Chromium against the local host on one school day
 * (10 February 2027, before the spring data point is in): each done by the person responsible,
 * audited, and not offered to a role that may not do it.
 */
jest.setTimeout(120_000);

let b: BrowserStack;
const AT = '2027-02-10T10:00:00Z';

beforeAll(async () => {
  b = await startBrowserStack(AT);
}, 180_000);
afterAll(async () => b?.stop());

type Target = { measure: string; unit: string; higherIsBetter: boolean; target: number };
const actors = async (kind: string, id: string) =>
  ((await b.stack.call('GET', `/api/history/${kind}/${id}`, { as: 'ceo' })).body.items as { actorId: string }[]).map((e) => e.actorId);
const rowOf = (page: Page, academyId: string) => page.locator(`tr[data-academy="${academyId}"]`);

async function expectAccessible(page: Page): Promise<void> {
  // Tabster's focus sentinels are a known axe false positive (see tab-pages.test.ts).
  const result = await new AxeBuilder({ page })
    .exclude('[data-tabster-dummy]')
    .options({ resultTypes: ['violations'] })
    .analyze();
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

/** One CSV row per academy and KPI for the spring data point: Oakfield's first KPI below target, every other value above. */
async function springCsv(): Promise<{ csv: string; rows: number }> {
  const academies = (await b.stack.call('GET', '/api/academies', { as: 'ceo' })).body.academies as { id: string; name: string }[];
  const lines = ['Academy,Measure,Value'];
  for (const a of academies) {
    const targets = (await b.stack.call('GET', `/api/academies/${a.id}/improvement`, { as: 'ceo' })).body.kpis.targets as Target[];
    targets.forEach((t, i) => {
      const below = a.id === 'oakfield' && i === 0;
      const step = t.unit === 'score' ? 0.2 : 3;
      const value = Math.round((t.higherIsBetter === below ? t.target - step : t.target + step) * 10) / 10;
      lines.push(`"${a.name}","${t.measure}",${value}`);
    });
  }
  lines.push('Oakfield Primary Academy,Attendance,not recorded');
  return { csv: lines.join('\r\n'), rows: lines.length - 2 };
}

describe('journey 1: a spring data point for all twelve academies from a CSV', () => {
  it('is checked first, imported, flagged at the academy below target, reviewed from the side panel, and the flag goes', async () => {
    const { csv, rows } = await springCsv();
    // A head is never offered the trust's import.
    const head = await b.open('/tab/', { as: 'head-oakfield' });
    await expect(head.getByRole('heading', { name: 'Import a data point for every academy' }).count()).resolves.toBe(0);
    await head.close();

    const page = await b.open('/tab/', { as: 'aid-priya' });
    const panel = page.getByRole('region', { name: 'Import a data point for every academy' });
    await panel.getByLabel('Data point').selectOption({ label: 'Spring data' });
    await panel.getByLabel('CSV or Excel file').setInputFiles({ name: 'spring.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await panel.getByRole('button', { name: 'Check the file' }).click();
    await panel.getByText(`Checked: ${rows} rows to import, 0 unchanged, 1 not importable.`).waitFor();
    await panel.getByRole('table', { name: 'What the import would do' }).getByText('Value “not recorded”: not a number').waitFor();
    await expectAccessible(page);
    await panel.getByRole('button', { name: `Import ${rows} rows` }).click();
    await panel.getByText(/Spring data imported: \d+ new, 0 replaced, 1 drops flagged for review\./).waitFor();

    // The dashboard's flag links to the meeting that reviews the drop, for its chair.
    const flag = rowOf(page, 'oakfield').getByRole('link', { name: /1 KPI drop awaiting review/ });
    await flag.waitFor();
    await flag.click();
    await page.getByRole('heading', { level: 1, name: /at Oakfield Primary Academy/ }).waitFor();
    expect(new URL(page.url()).hash).toBe('#kpi-drops');
    const meetingId = decodeURIComponent(new URL(page.url()).pathname.split('/')[3]!);
    await page
      .getByRole('list', { name: 'KPI drops to review' })
      .getByText(/Spring data: .* against a target of/)
      .waitFor();
    await page.close();

    // The academy page charts each KPI's data points against its target, named as the model names them.
    const academy = await b.open('/tab/academy/oakfield', { as: 'ceo' });
    const chart = academy.getByRole('figure', { name: /each data point against the target/ }).first();
    await chart.getByRole('table').getByRole('rowheader', { name: 'Autumn data' }).waitFor({ state: 'attached' });
    await chart.getByRole('table').getByRole('rowheader', { name: 'Spring data' }).waitFor({ state: 'attached' });
    await academy.close();

    const chairId = (await b.stack.call('GET', `/api/meetings/${meetingId}`, { as: 'ceo' })).body.meeting.chairId as string;
    // Someone who does not run the meeting sees the drop but no review form.
    const governor = await b.open(`/tab/meeting/${meetingId}/panel`, { as: 'governor-oakfield', width: 320 });
    await governor.getByRole('tab', { name: /^KPI drops/ }).click();
    await governor.getByText('The chair records the review.').waitFor();
    await governor.close();

    const side = await b.open(`/tab/meeting/${meetingId}/panel`, { as: chairId, width: 320 });
    await side.getByRole('tab', { name: 'KPI drops (1)' }).click();
    const form = side.getByRole('form', { name: /^Review the drop: .*Spring data/ });
    await form.getByLabel('What the review found').fill('Year 6 mobility: four new pupils in January; targeted groups started');
    await form.getByLabel('Action agreed (optional)').fill('Reading groups for the new Year 6 pupils');
    await form.getByLabel('Action owner').selectOption('head-oakfield');
    await form.getByRole('button', { name: 'Record the review' }).click();
    await side
      .getByRole('status')
      .getByText(/Drop reviewed: .*Spring data\./)
      .waitFor();
    await side
      .getByRole('list', { name: 'KPI drops reviewed' })
      .getByText(/Spring data/)
      .waitFor();
    await expectAccessible(side);
    await side.close();

    const drops = (await b.stack.call('GET', `/api/meetings/${meetingId}/kpi-drops`, { as: 'ceo' })).body;
    // The review, then the action it raised linked to it; the import before them.
    expect(await actors('kpiDataPoints', drops.reviewed[0].id)).toEqual([chairId, chairId, 'aid-priya']);
    const after = await b.open('/tab/', { as: 'ceo' });
    await rowOf(after, 'oakfield').getByRole('list').first().waitFor();
    await expect(
      rowOf(after, 'oakfield')
        .getByText(/KPI drop/)
        .count(),
    ).resolves.toBe(0);
    await after.getByRole('figure', { name: /each school against its target/ }).waitFor();
    await after.close();
  });
});

describe('journey 2: an action raised in a meeting, moved on by its owner', () => {
  it('is captured in the side panel, moved to in progress and done in My work, counted on the dashboard and achieved at the next meeting', async () => {
    const meetings = (
      (await b.stack.call('GET', '/api/planner', { as: 'ceo' })).body.meetings as {
        id: string;
        academyId: string;
        status: string;
        date: string;
        chairId: string;
      }[]
    )
      .filter((m) => m.academyId === 'willow-bank' && m.status === 'planned')
      .sort((x, y) => x.date.localeCompare(y.date));
    const [raising, next] = meetings as [(typeof meetings)[number], (typeof meetings)[number]];
    const text = 'Share the phonics catch-up plan with governors';
    const openCount = async () => (await b.stack.call('GET', '/api/academies/willow-bank', { as: 'ceo' })).body.actions.open as number;
    const before = await openCount();

    const panel = await b.open(`/tab/meeting/${raising.id}/panel`, { as: raising.chairId, width: 320 });
    await panel.getByLabel('What').fill(text);
    await panel.getByLabel('Owner').selectOption('head-willow-bank');
    await expect(panel.getByLabel('Due date').inputValue()).resolves.toMatch(/^\d\d\/\d\d\/\d{4}$/);
    await panel.getByRole('button', { name: 'Add action' }).click();
    await panel.getByRole('list', { name: 'Actions raised' }).getByText(text).waitFor();
    await panel.close();
    expect(await openCount()).toBe(before + 1);

    // A governor sees the action but is offered nothing to do to it.
    const governor = await b.open(`/tab/meeting/${raising.id}`, { as: 'governor-willow-bank' });
    await governor.getByRole('list', { name: 'Actions raised' }).getByText(text).waitFor();
    await expect(governor.getByRole('button', { name: `Update progress: ${text}` }).count()).resolves.toBe(0);
    await governor.close();

    const mine = await b.open('/tab/my-work', { as: 'head-willow-bank' });
    const item = mine.getByRole('list', { name: 'My actions' }).getByRole('listitem').filter({ hasText: text });
    await item.getByRole('button', { name: `Update progress: ${text}` }).click();
    const form = mine.getByRole('form', { name: `Update the action “${text}”` });
    await form.getByLabel('Status').selectOption('in-progress');
    await form.getByLabel('Progress note').fill('Draft plan shared with the English lead');
    await form.getByRole('button', { name: 'Save progress' }).click();
    await mine.getByText(`“${text}” is now in progress.`).waitFor();
    await item.getByText('in progress').waitFor();
    await item.getByRole('button', { name: `Update progress: ${text}` }).click();
    await form.getByLabel('Status').selectOption('done');
    await form.getByLabel('Progress note').fill('Shared at the governors’ meeting');
    await form.getByRole('button', { name: 'Save progress' }).click();
    await mine.getByText(`“${text}” is now done.`).waitFor();
    await mine.getByRole('list', { name: 'My actions' }).getByText(text).waitFor({ state: 'detached' });
    await mine.close();

    expect(await openCount()).toBe(before);
    const dash = await b.open('/tab/', { as: 'ceo' });
    await rowOf(dash, 'willow-bank').getByText(`${before} open`).waitFor();
    await dash.close();
    const following = await b.open(`/tab/meeting/${next.id}`, { as: 'ceo' });
    await following.getByRole('list', { name: 'Achieved: actions carried forward' }).getByText(text).waitFor();
    await following.close();
    const id = (
      (await b.stack.call('GET', `/api/actions?academyId=willow-bank`, { as: 'ceo' })).body.items as { id: string; text: string }[]
    ).find((a) => a.text === text)!.id;
    expect(await actors('actions', id)).toEqual(['head-willow-bank', 'head-willow-bank', raising.chairId]);
  });
});

describe('journey 3: an academy escalated to a formal action plan, then to sponsored', () => {
  const move = async (page: Page, to: string, reason: string) => {
    await page.getByRole('button', { name: `Move up to “${to}”` }).click();
    const form = page.getByRole('form', { name: 'Move the academy on the ladder' });
    await form.getByLabel('Why the academy is moving').fill(reason);
    await form.getByRole('button', { name: 'Preview the move' }).click();
    await form.getByText('Preview: nothing is saved until you confirm').waitFor();
    return form;
  };

  it('previews first, then changes the status, cadence and planned meetings, with the history of who, when and why', async () => {
    const head = await b.open('/tab/academy/st-marys', { as: 'head-st-marys' });
    await head.getByText(/Moving up to “Support from across the trust” is for the/).waitFor();
    await expect(head.getByRole('button', { name: /^Move up/ }).count()).resolves.toBe(0);
    await head.close();

    const aid = await b.open('/tab/academy/st-marys', { as: 'aid-graham' });
    let form = await move(aid, 'Support from across the trust', 'Reading below KPI at two data points');
    await form.getByRole('button', { name: 'Confirm the move' }).click();
    await aid.getByText('Moved to step 2: Support from across the trust.').waitFor();
    form = await move(aid, 'Formal action plan', 'No resolution after trust support');
    await form.getByRole('button', { name: 'Confirm the move' }).click();
    await aid.getByText('Moved to step 3: Formal action plan.').waitFor();
    await aid.getByText(/Moving up to “Change of status: managed as a sponsored academy” is for the Chief Executive or Board/).waitFor();
    await aid.close();

    const ceo = await b.open('/tab/academy/st-marys', { as: 'ceo' });
    const iaimsBefore = await ceo.getByRole('link', { name: /^iAIM / }).count();
    form = await move(
      ceo,
      'Change of status: managed as a sponsored academy',
      'The formal action plan has not brought satisfactory change',
    );
    const preview = form.getByRole('region', { name: 'What the move will change' });
    await preview.getByText('The academy will be managed as a sponsored academy.').waitFor();
    await preview.getByText('Support stage: Good or better → Not yet Good.').waitFor();
    await preview
      .getByRole('list', { name: 'Meetings the rest of the year gains, moves or drops' })
      .getByText(/^Added: iAIM on /)
      .first()
      .waitFor();
    await expectAccessible(ceo);
    // Nothing is saved by the preview.
    expect((await b.stack.call('GET', '/api/academies/st-marys', { as: 'ceo' })).body.sponsored).toBe(false);
    await form.getByRole('button', { name: 'Confirm the move' }).click();
    await ceo.getByText('Moved to step 4: Change of status: managed as a sponsored academy.').waitFor();
    await ceo.getByText('Sponsored', { exact: true }).waitFor();
    await ceo.getByText('Not yet Good', { exact: true }).waitFor();
    await expect(ceo.getByRole('link', { name: /^iAIM / }).count()).resolves.toBeGreaterThan(iaimsBefore);
    const history = ceo.getByRole('list', { name: 'Escalation history' });
    await history.getByText(/to step 4, Change of status: managed as a sponsored academy, by Dr Helen Marsh/).waitFor();
    await history.getByText('The formal action plan has not brought satisfactory change').waitFor();
    await history.getByText(/to step 3, Formal action plan, by Graham Fielding/).waitFor();
    await ceo.close();
    expect(await actors('academies', 'st-marys')).toContain('ceo');
  });
});

describe('journey 4: an intervention agreed, reviewed twice and judged; a missed review turns the academy amber', () => {
  it('shows the missed review on the RAG with its reason and link, clears it with reviews, and records the impact', async () => {
    const title = 'Year 3 reading: guided reading from Ashworth';
    const green = (
      (await b.stack.call('GET', '/api/dashboard', { as: 'ceo' })).body.academies as { academyId: string; rag: string; name: string }[]
    ).find((a) => a.rag === 'green' && !['ashworth', 'willow-bank', 'st-marys', 'oakfield'].includes(a.academyId))!;
    const headId = `head-${green.academyId}`;

    const governor = await b.open(`/tab/academy/${green.academyId}`, { as: `governor-${green.academyId}` });
    await governor.getByRole('heading', { name: /^Interventions/ }).waitFor();
    await expect(governor.getByRole('button', { name: 'Agree an intervention' }).count()).resolves.toBe(0);
    await governor.close();

    const page = await b.open(`/tab/academy/${green.academyId}`, { as: 'aid-priya' });
    await page.getByRole('button', { name: 'Agree an intervention' }).click();
    const form = page.getByRole('form', { name: 'Agree an intervention' });
    await form.getByLabel('Kind').selectOption('school-to-school');
    await form.getByLabel('Supporting academy').selectOption('ashworth');
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Targets (one a line)').fill('Year 3 reading ages up by a year by March');
    await form
      .getByLabel('Success criteria (one a line)')
      .fill('80% of Year 3 within 6 months of their reading age\nGuided reading seen in every Year 3 lesson');
    await form.getByLabel('Start date').fill('18/01/2027');
    await form.getByLabel('End date').fill('19/03/2027');
    await form.getByLabel('Review date 1').fill('25/01/2027');
    await form.getByLabel('Review date 2').fill('08/02/2027');
    await form.getByLabel('Review date 3').fill('08/03/2027');
    await form.getByLabel('Lead').selectOption(headId);
    await form.getByRole('button', { name: 'Agree the intervention' }).click();
    await page.getByText(`Intervention “${title}” agreed.`).waitFor();

    // The review due on 25 January has passed without one: amber, with the reason, linking to the intervention.
    await page.getByText('Amber', { exact: true }).first().waitFor();
    const reason = page
      .getByRole('list', { name: 'Reasons for the RAG' })
      .getByRole('link', { name: `Intervention review missed: “${title}” was due Monday 25 January 2027` });
    await reason.click();
    expect(new URL(page.url()).hash).toMatch(/^#intervention-/);
    const card = page.getByRole('article', { name: title });
    await card.getByText(/Review missed \(due /).waitFor();
    await expectAccessible(page);
    await page.close();

    const lead = await b.open(`/tab/academy/${green.academyId}`, { as: headId });
    const leadCard = lead.getByRole('article', { name: title });
    await expect(leadCard.getByRole('button', { name: 'Judge the impact' }).count()).resolves.toBe(0);
    await leadCard.getByRole('button', { name: 'Record a review' }).click();
    const review = lead.getByRole('form', { name: `Record a review of “${title}”` });
    await review.getByLabel('Review held on').fill('25/01/2027');
    await review.getByLabel('What the review found').fill('Groups in place; baseline reading ages taken');
    await review.getByRole('button', { name: 'Record the review' }).click();
    await lead.getByText(`Review of “${title}” recorded.`).waitFor();
    await lead.close();

    const aid = await b.open(`/tab/academy/${green.academyId}`, { as: 'aid-priya' });
    const aidCard = aid.getByRole('article', { name: title });
    await aidCard.getByRole('button', { name: 'Record a review' }).click();
    const second = aid.getByRole('form', { name: `Record a review of “${title}”` });
    await second.getByLabel('Review held on').fill('08/02/2027');
    await second.getByLabel('What the review found').fill('Reading ages rising for most of the group');
    await second.getByRole('button', { name: 'Record the review' }).click();
    await aid.getByText(`Review of “${title}” recorded.`).waitFor();
    await aid.getByText('Green', { exact: true }).first().waitFor();
    await aidCard.getByRole('button', { name: 'Judge the impact' }).click();
    const impact = aid.getByRole('form', { name: `Judge the impact of “${title}”` });
    await impact.getByLabel('What has changed for pupils').fill('62% of Year 3 within 6 months of their reading age, up from 41%');
    await impact.getByLabel('What was done (implementation)').fill('Guided reading four times a week');
    await impact.getByRole('button', { name: 'Record the impact' }).click();
    await aid.getByText(`Impact of “${title}” judged: some impact.`).waitFor();
    await aidCard.getByText(/Impact: Some impact/).waitFor();
    await aidCard
      .getByRole('list', { name: `Reviews of ${title}` })
      .getByRole('listitem')
      .nth(1)
      .waitFor();
    await aid.close();

    const id = (
      (await b.stack.call('GET', `/api/academies/${green.academyId}/improvement`, { as: 'ceo' })).body.interventions.items as {
        id: string;
        title: string;
      }[]
    ).find((i) => i.title === title)!.id;
    expect(await actors('interventions', id)).toEqual(['aid-priya', 'aid-priya', headId, 'aid-priya']);
  });
});
