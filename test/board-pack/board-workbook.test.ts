import ExcelJS from 'exceljs';
import type { Dashboard, KpiSchools } from '../../tab/src/api/api-types';
import { buildBoardWorkbook } from '../../tab/src/pages/dashboard/board-workbook';
import { startLocalStack, type RunningStack } from '../e2e/local-stack';

/**
 * The dashboard's Excel export as a board officer opens it: a summary sheet, the academies with
 * real dates, a sheet per KPI, every table filtered and set to print landscape, titled for whoever
 * exported it. Built from the API's own answers, as the tab builds it.
 */
let stack: RunningStack;
let dashboard: Dashboard;
let kpis: KpiSchools;
let book: ExcelJS.Workbook;

const open = async (bytes: ArrayBuffer) => {
  const b = new ExcelJS.Workbook();
  await b.xlsx.load(bytes);
  return b;
};
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

beforeAll(async () => {
  stack = await startLocalStack('2026-11-23T10:00:00Z');
  dashboard = (await stack.call('GET', '/api/dashboard', { as: 'board-chair' })).body;
  kpis = (await stack.call('GET', '/api/kpis/schools', { as: 'board-chair' })).body;
  book = await open(await buildBoardWorkbook(dashboard, (id) => `name of ${id}`, { kpis, scope: 'trust' }));
}, 60_000);
afterAll(async () => stack?.stop());

describe('the board’s workbook', () => {
  it('opens on a summary titled for the trust’s board, with the date as a date and the dashboard’s counts', () => {
    expect(book.worksheets.map((s) => s.name).slice(0, 2)).toEqual(['Summary', 'Academies']);
    const summary = book.getWorksheet('Summary')!;
    expect(summary.getCell('A1').value).toBe(
      'Meadowbank Learning Trust: trust dashboard for the board, 2026/27, as at Monday 23 November 2026',
    );
    expect(summary.getCell('B2').value).toEqual(day('2026-11-23'));
    const rows = new Map<string, unknown>();
    summary.eachRow((r) => rows.set(String(r.getCell(1).value), r.getCell(2).value));
    expect([rows.get('Red'), rows.get('Amber'), rows.get('Green')]).toEqual([
      dashboard.counts.red,
      dashboard.counts.amber,
      dashboard.counts.green,
    ]);
    expect(rows.get('Overdue actions')).toBe(dashboard.academies.reduce((n, a) => n + a.actions.overdue, 0));
    expect(summary.pageSetup.orientation).toBe('landscape');
  });

  it('lists the academies with real dates, a filter on the header row, and landscape printing', () => {
    const sheet = book.getWorksheet('Academies')!;
    expect(sheet.autoFilter).toBe('A2:U2');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    const inspected = header.indexOf('Inspected') + 1;
    const nextDate = header.indexOf('Next meeting date') + 1;
    dashboard.academies.forEach((a, i) => {
      const row = sheet.getRow(3 + i);
      expect(row.getCell(1).value).toBe(a.name);
      expect(row.getCell(2).value).toBe({ red: 'Red', amber: 'Amber', green: 'Green' }[a.rag]);
      expect(row.getCell(inspected).value).toEqual(a.ofsted.date ? day(a.ofsted.date) : null);
      expect(row.getCell(nextDate).value).toEqual(a.nextMeeting ? day(a.nextMeeting.date) : null);
    });
    expect(dashboard.academies.some((a) => a.ofsted.date)).toBe(true);
  });

  it('has a sheet per KPI with each academy’s target and values at every data point', () => {
    expect(kpis.measures.length).toBeGreaterThan(0);
    expect(book.worksheets.length).toBe(2 + kpis.measures.length);
    kpis.measures.forEach((m, i) => {
      const sheet = book.worksheets[2 + i]!;
      expect(sheet.name).toBe(m.measure.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
      expect(sheet.pageSetup.orientation).toBe('landscape');
      expect(sheet.autoFilter).toBe(`A2:${String.fromCharCode(65 + 1 + kpis.dataPoints.length)}2`);
      expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['Academy', 'Target', ...kpis.dataPoints.map((d) => d.label)]);
      m.schools.forEach((s, j) => {
        const row = sheet.getRow(3 + j);
        const values = new Map(s.values.map((v) => [v.point, v.value]));
        // An empty cell (no value recorded at that data point yet) reads back as null.
        expect(Array.from({ length: 2 + kpis.dataPoints.length }, (_, c) => row.getCell(c + 1).value)).toEqual([
          s.name,
          s.target,
          ...kpis.dataPoints.map((d) => values.get(d.number) ?? null),
        ]);
      });
    });
  });

  it('is titled for a head’s own academy when a head exports it, never as a trust dashboard', async () => {
    const own: Dashboard = (await stack.call('GET', '/api/dashboard', { as: 'head-oakfield' })).body;
    expect(own.academies.map((a) => a.name)).toEqual(['Oakfield Primary Academy']);
    const theirs = await open(await buildBoardWorkbook(own, () => 'x', { scope: 'academy' }));
    const title = String(theirs.getWorksheet('Summary')!.getCell('A1').value);
    expect(title).toBe('Oakfield Primary Academy: academy summary, 2026/27, as at Monday 23 November 2026');
    expect(theirs.getWorksheet('Academies')!.getCell('A1').value).toBe(title);
  });
});
