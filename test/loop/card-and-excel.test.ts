import ExcelJS from 'exceljs';
import { tabLinks } from '../../bot/cards/card-links';
import { actionCard } from '../../bot/cards/workflow-cards';
import { handleCardAction } from '../../bot/conversation/card-actions';
import { startLocalStack, type RunningStack } from '../e2e/local-stack';

/**
 * Two ways into the loop besides the tab: the owner's action card (status and a progress note, the
 * same use case as the tab) and a data point from an Excel workbook as an MIS exports it.
 */
let stack: RunningStack;
const links = tabLinks('http://127.0.0.1:1/tab');

beforeAll(async () => {
  stack = await startLocalStack('2027-02-10T10:00:00Z');
});
afterAll(async () => stack?.stop());

describe('the action card', () => {
  const sessionFor = async (id: string) => (await stack.local.services.openFor(id))!;
  let action: { id: string; version: string };

  beforeAll(async () => {
    action = (
      await stack.call('POST', '/api/actions', {
        as: 'aid-graham',
        body: {
          academyId: 'oakfield',
          text: 'Phonics audit for Year 1',
          ownerId: 'head-oakfield',
          dueDate: '2027-03-05',
          clientKey: 'card-action-1',
        },
      })
    ).body.action;
  });

  it('offers its owner open, in progress and done, with a progress note', async () => {
    const { action: view, academyName } = await (await sessionFor('head-oakfield')).actionForCards(action.id);
    const card = JSON.stringify(actionCard(view, { academyName, links }));
    const update = JSON.parse(card).actions[0];
    expect(update.title).toBe('Update');
    const [status, note] = update.card.body;
    expect(status.choices.map((c: { value: string }) => c.value)).toEqual(['open', 'in-progress', 'done']);
    expect(note).toMatchObject({ id: 'note', label: 'Progress note', isMultiline: true });
  });

  it('moves the action on with the note through the same use case as the tab, and refuses a governor', async () => {
    const governor = await handleCardAction({ session: await sessionFor('governor-oakfield'), links }, 'action.update', {
      actionId: action.id,
      status: 'done',
      note: 'x',
      version: action.version,
    });
    expect(governor.wroteNothing).toBe(true);
    expect(JSON.stringify(governor.card)).toMatch(
      /Only the action’s owner, the chair of the meeting that raised it or the trust’s improvement team can update it/,
    );
    const owner = await handleCardAction({ session: await sessionFor('head-oakfield'), links }, 'action.update', {
      actionId: action.id,
      status: 'in-progress',
      note: 'Audit booked with the English hub',
      version: action.version,
    });
    expect(owner.wroteNothing).toBe(false);
    const now = await stack.call('GET', `/api/actions/${action.id}`, { as: 'ceo' });
    expect(now.body).toMatchObject({
      status: 'in-progress',
      progress: [{ by: 'head-oakfield', note: 'Audit booked with the English hub' }],
    });
    const history = await stack.call('GET', `/api/history/actions/${action.id}`, { as: 'ceo' });
    expect(history.body.items[0].actorId).toBe('head-oakfield');
  });
});

describe('a data point from an Excel workbook', () => {
  it('reads percentage cells as the person sees them, reports a bad cell by row, column and value, and imports the rest', async () => {
    const targets = (await stack.call('GET', '/api/academies/oakfield/improvement', { as: 'ceo' })).body.kpis.targets as {
      measure: string;
      target: number;
    }[];
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Spring');
    sheet.addRow(['School name', 'Indicator', 'Percentage']);
    for (const t of targets) {
      const row = sheet.addRow(['Oakfield', t.measure, (t.target + 2) / 100]);
      row.getCell(3).numFmt = '0.0%';
    }
    sheet.addRow(['Oakfield', targets[0]!.measure, 'pending']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const body = { point: 2, fileName: 'spring-mis-export.xlsx', contentBase64: bytes.toString('base64') };
    const check = await stack.call('POST', '/api/kpi-data-points/import', { as: 'aid-graham', body: { ...body, dryRun: true } });
    expect(check.status).toBe(200);
    expect(check.body.rows.filter((r: { outcome: string }) => r.outcome === 'create').map((r: { value: number }) => r.value)).toEqual(
      targets.map((t) => t.target + 2),
    );
    expect(check.body.rows.at(-1).problems).toEqual([
      { row: targets.length + 2, column: 'Value', value: 'pending', message: 'not a number' },
    ]);
    const done = await stack.call('POST', '/api/kpi-data-points/import', { as: 'aid-graham', body: { ...body, dryRun: false } });
    expect(done.body.written).toEqual({ created: targets.length, updated: 0, dropsFlagged: 0, failed: [] });
  });

  it('says plainly when the file cannot be read', async () => {
    const res = await stack.call('POST', '/api/kpi-data-points/import', {
      as: 'aid-graham',
      body: { point: 2, fileName: 'x.xlsx', contentBase64: Buffer.from('PK\u0003\u0004not a workbook').toString('base64'), dryRun: true },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.problems[0]).toMatchObject({
      field: 'contentBase64',
      label: 'File',
      message: expect.stringMatching(/^not readable as an Excel workbook/),
    });
  });
});
