import { planKpiImport, readNumber } from './kpi-import';
import { preset } from './models/presets';
import { makeDataPoint, makeKpiTarget } from './test-factories';

const model = preset('dsat');
const academies = [
  { id: 'oakfield', name: 'Oakfield Primary Academy', aliases: ['Oakfield'] },
  { id: 'st-marys', name: "St Mary's CE Primary Academy", aliases: ["St Mary's"] },
];
const targets = [
  makeKpiTarget({ id: 'oak-rwm', academyId: 'oakfield', measure: 'KS2 RWM', target: 68 }),
  makeKpiTarget({ id: 'oak-att', academyId: 'oakfield', measure: 'Attendance', target: 96 }),
  makeKpiTarget({ id: 'stm-rwm', academyId: 'st-marys', measure: 'KS2 RWM', target: 70 }),
  makeKpiTarget({ id: 'stm-pa', academyId: 'st-marys', measure: 'Persistent absence', target: 12, higherIsBetter: false }),
];
const table = (rows: string[][]) => ({ headers: ['School', 'KPI', 'Value'], rows: rows.map((cells, i) => ({ row: i + 2, cells })) });
const plan = (rows: string[][], points = [makeDataPoint({ kpiId: 'oak-att', academyId: 'oakfield', point: 2, value: 97 })]) =>
  planKpiImport(table(rows), { point: 2, model, academies, targets, points });

describe('reading a value as an export writes it', () => {
  it('takes percentages, thousands and signs', () => {
    expect(['68', '68%', ' 68.5 % ', '1,204', '-0.12', '.5'].map(readNumber)).toEqual([68, 68, 68.5, 1204, -0.12, 0.5]);
    expect(['', 'n/a', '68 pupils', '6 8'].map(readNumber)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('planning a data point’s import', () => {
  it('matches academies by name, short name or id and KPIs by measure, whatever the case or apostrophe', () => {
    const p = plan([
      ['oakfield primary academy', 'ks2 rwm', '64%'],
      ['St Mary’s', 'KS2 RWM', '74'],
      ['st-marys', 'Persistent absence', '15'],
    ]);
    expect(p.rows.map((r) => [r.row, r.outcome, r.academyId, r.kpiId, r.value, r.belowTarget])).toEqual([
      [2, 'create', 'oakfield', 'oak-rwm', 64, true],
      [3, 'create', 'st-marys', 'stm-rwm', 74, false],
      [4, 'create', 'st-marys', 'stm-pa', 15, true],
    ]);
    expect(p.counts).toEqual({ create: 3, update: 0, unchanged: 0, rejected: 0, drops: 2 });
    expect(p.pointLabel).toBe('Spring data');
  });

  it('reports each bad row by row, column and value, and plans the good ones', () => {
    const p = plan([
      ['Nowhere School', 'KS2 RWM', '70'],
      ['Oakfield', 'Writing', '70'],
      ['Oakfield', 'KS2 RWM', 'seventy'],
      ['Oakfield', 'Attendance', '140'],
      ['Oakfield', 'KS2 RWM', '71'],
      ['Oakfield', 'KS2 RWM', '72'],
    ]);
    expect(p.rows.flatMap((r) => r.problems.map((x) => `${x.row}|${x.column}|${x.value}|${x.message}`))).toEqual([
      '2|Academy|Nowhere School|no academy of the trust has this name',
      '3|Measure|Writing|Oakfield Primary Academy has no KPI with this name this year; its KPIs are: KS2 RWM; Attendance',
      '4|Value|seventy|not a number',
      '5|Value|140|a percentage must be between 0 and 100',
      '7|Measure|KS2 RWM|Oakfield Primary Academy’s “KS2 RWM” is already in row 6',
    ]);
    expect(p.rows.filter((r) => r.outcome !== 'rejected').map((r) => r.row)).toEqual([6]);
  });

  it('says whether a value replaces one already recorded', () => {
    const p = plan([
      ['Oakfield', 'Attendance', '97'],
      ['Oakfield', 'Attendance ', '95'],
    ]);
    expect(p.rows.map((r) => r.outcome)).toEqual(['unchanged', 'rejected']);
    const changed = plan([['Oakfield', 'Attendance', '95']]);
    expect(changed.rows[0]).toMatchObject({ outcome: 'update', previous: 97, value: 95, belowTarget: true });
  });

  it('names a missing column for the whole file', () => {
    const p = planKpiImport({ headers: ['School', 'Result'], rows: [] }, { point: 2, model, academies, targets, points: [] });
    expect(p.fileProblems).toEqual([
      { column: 'Measure', message: 'no Measure column: the first row needs a heading such as “Measure”, “KPI” or “Indicator”' },
    ]);
  });
});
