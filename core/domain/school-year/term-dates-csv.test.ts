import { DEFAULT_TERM_DATES } from './term-dates.data';
import { readAcademicYear, readEnglishDate, readHalfTerm, readTermDatesCsv } from './term-dates-csv';

const current = (y: string) => DEFAULT_TERM_DATES.find((d) => d.academicYear === y);
const csv = (...rows: string[]) => ['Academic year,Term,Starts,Ends', ...rows].join('\n');

describe('reading a local authority’s term dates', () => {
  it('reads dates the English way, day first, in the forms councils publish them', () => {
    expect(
      [
        '02/09/2026',
        '2/9/2026',
        '2/9/26',
        '2 September 2026',
        'Wed 2 Sep 2026',
        'Wednesday 2nd September 2026',
        '2 Sept 2026',
        '2026-09-02',
      ].map(readEnglishDate),
    ).toEqual(Array(8).fill('2026-09-02'));
    expect(['31/02/2027', '09/31/2026', 'next Tuesday', ''].map(readEnglishDate)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reads half terms by name or number, and academic years however they are written', () => {
    expect(['Autumn 1', 'autumn term 2', 'Spring (first half)', 'Spring second half', 'Summer 1', 'Half term 6'].map(readHalfTerm)).toEqual(
      [1, 2, 3, 4, 5, 6],
    );
    expect(['Autumn', 'Winter 1', 'Summer 3'].map(readHalfTerm)).toEqual([undefined, undefined, undefined]);
    expect(['2026/27', '2026-2027', '2026 to 2027', '2026/28', '26/27'].map(readAcademicYear)).toEqual([
      '2026/27',
      '2026/27',
      '2026/27',
      undefined,
      undefined,
    ]);
  });

  it('imports a whole year from six rows, in any order, under other headings a spreadsheet might use', () => {
    const text = [
      'School year,Half term,Start date,End date',
      '2028/29,Summer 2,04/06/2029,20/07/2029',
      '2028/29,Autumn 1,04/09/2028,20/10/2028',
      '2028/29,Autumn 2,30/10/2028,15/12/2028',
      '2028/29,Spring 1,03/01/2029,08/02/2029',
      '2028/29,Spring 2,18/02/2029,29/03/2029',
      '2028/29,Summer 1,16/04/2029,24/05/2029',
    ].join('\r\n');
    const r = readTermDatesCsv(text, current);
    if (!r.ok) throw new Error(r.problem);
    expect(r.rejected).toEqual([]);
    expect(r.years).toHaveLength(1);
    expect(r.years[0]!.importable).toBe(true);
    expect(r.years[0]!.dates!.halfTerms.map((h) => `${h.halfTerm} ${h.term} ${h.start} ${h.end}`)).toEqual([
      '1 autumn 2028-09-04 2028-10-20',
      '2 autumn 2028-10-30 2028-12-15',
      '3 spring 2029-01-03 2029-02-08',
      '4 spring 2029-02-18 2029-03-29',
      '5 summer 2029-04-16 2029-05-24',
      '6 summer 2029-06-04 2029-07-20',
    ]);
  });

  it('a single row changes that half term over the year’s current dates; an unchanged row changes nothing', () => {
    const r = readTermDatesCsv(csv('2026/27,Summer 2,07/06/2027,16/07/2027', '2026/27,Autumn 1,02/09/2026,23/10/2026'), current);
    if (!r.ok) throw new Error(r.problem);
    expect(r.years[0]!.changes).toEqual([
      { halfTerm: 6, name: 'Summer 2', from: { start: '2027-06-07', end: '2027-07-21' }, to: { start: '2027-06-07', end: '2027-07-16' } },
    ]);
  });

  it('reports each bad cell by row, column and value, and still imports the good rows', () => {
    const r = readTermDatesCsv(
      csv(
        '2026/27,Autumn 1,02/09/2026,23/10/2026',
        '2026/27,Autumn 3,02/09/2026,23/10/2026',
        '2026/27,Spring 1,Mon 5 Jan 2027,12/02/2027',
        '2026/27,Autumn 1,03/09/2026,23/10/2026',
        '2026/27,Summer 2,21/07/2027,07/06/2027',
        '2026/27,Summer 1,12/04/2027,28/05/2027',
      ),
      current,
    );
    if (!r.ok) throw new Error(r.problem);
    expect(r.rejected).toEqual([
      { row: 3, column: 'Term', value: 'Autumn 3', message: 'expected a half term such as Autumn 1 or Spring 2' },
      {
        row: 4,
        column: 'Starts',
        value: 'Mon 5 Jan 2027',
        message: '5 January 2027 is a Tuesday, not a Monday: check the day or the date',
      },
      { row: 5, column: 'Term', value: 'Autumn 1', message: 'Autumn 1 2026/27 is already on row 2' },
      {
        row: 6,
        column: 'Ends',
        value: '07/06/2027',
        message: 'Summer 2 cannot end (Monday 7 June 2027) before it starts (Wednesday 21 July 2027)',
      },
    ]);
    expect(r.years[0]!.importable).toBe(true);
  });

  it('does not import a year whose half terms would overlap, pointing at the row that overlaps', () => {
    const r = readTermDatesCsv(csv('2026/27,Spring 1,04/01/2027,26/02/2027'), current);
    if (!r.ok) throw new Error(r.problem);
    expect(r.years[0]!.importable).toBe(false);
    expect(r.rejected).toEqual([
      {
        row: 2,
        column: 'Ends',
        value: '26/02/2027',
        message: '2026/27 is not imported: Spring 1 would end (Friday 26 February 2027) after Spring 2 starts (Monday 22 February 2027)',
      },
    ]);
  });

  it('refuses a file without the columns, or not a CSV at all', () => {
    expect(readTermDatesCsv('Year,Term,Ends\n2026/27,Autumn 1,23/10/2026', current)).toEqual({
      ok: false,
      problem: 'there is no “Starts” column; the columns are Academic year, Term, Starts, Ends',
    });
    expect(readTermDatesCsv('', current)).toEqual({ ok: false, problem: 'the file is empty' });
  });
});
