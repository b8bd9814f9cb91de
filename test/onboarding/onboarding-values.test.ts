import { parseOfstedGrade, parsePounds, parseRole, parseUkDate } from '../../core/domain/onboarding-values';
import { mapHeaders, PEOPLE_COLUMNS } from '../../core/domain/onboarding-columns';
import { readCsv } from '../../core/domain/onboarding-csv';

const value = <T>(p: { ok: true; value: T } | { ok: false; message: string }) => (p.ok ? p.value : `✗ ${p.message}`);

describe('reading spreadsheet cells the way UK schools write them', () => {
  it('reads dates as dd/mm/yyyy (as Excel in the UK gives them) and as ISO, and refuses impossible or ambiguous ones', () => {
    expect(value(parseUkDate('15/03/2023'))).toBe('2023-03-15');
    expect(value(parseUkDate('1.7.2019'))).toBe('2019-07-01');
    expect(value(parseUkDate('2024-02-29'))).toBe('2024-02-29');
    expect(value(parseUkDate('29/02/2025'))).toMatch(/^✗ not a real calendar date/);
    expect(value(parseUkDate('03/09/24'))).toMatch(/^✗ write the year in full/);
    expect(value(parseUkDate('March 2023'))).toMatch(/^✗ not a date/);
  });

  it('reads Ofsted grades as words, RI or 1–4, and budgets in pounds as pence', () => {
    expect(['Outstanding', 'RI', '3', 'requires-improvement', 'Not yet inspected'].map((s) => value(parseOfstedGrade(s)))).toEqual([
      'outstanding',
      'requires-improvement',
      'requires-improvement',
      'requires-improvement',
      'not-inspected',
    ]);
    expect(value(parseOfstedGrade('Great'))).toMatch(/^✗ not an Ofsted grade/);
    expect(['£1,750.00', '1750', '£0.5', '99.99'].map((s) => value(parsePounds(s)))).toEqual([175000, 175000, 50, 9999]);
    expect(value(parsePounds('1,75'))).toMatch(/^✗/);
  });

  it('reads roles by the label the app shows, the id, or the name trusts use', () => {
    expect(
      ['Headteacher', 'Chair of LGB', 'chair-lgb', 'Principal', 'Chair of Governors', 'AID', 'Trust administrator'].map((s) =>
        value(parseRole(s)),
      ),
    ).toEqual(['head', 'chair-lgb', 'chair-lgb', 'head', 'chair-lgb', 'improvement-director', 'trust-admin']);
    expect(value(parseRole('Caretaker'))).toMatch(/^✗ not a role: use one of Chief Executive/);
  });

  it('matches headers whatever their case, spacing or punctuation, and names the ones it does not use', () => {
    const map = mapHeaders([' E-Mail Address', 'FORENAME', 'Role(s)', 'Mobile', 'email'], PEOPLE_COLUMNS);
    expect([...map.index.entries()]).toEqual([
      ['email', 0],
      ['firstName', 1],
      ['role', 2],
    ]);
    expect(map.ignored).toEqual(['Mobile']);
    expect(map.duplicates).toEqual(['email']);
  });

  it('reads a CSV with a byte-order mark, quoted commas and line breaks, numbering rows as the spreadsheet does', () => {
    const read = readCsv('\uFEFFName,Job title\r\n"Nowak, Tomasz","Principal,\r\nLinden Park"\r\n\r\n,\r\nAnn,Head\r\n');
    expect(read).toEqual({
      ok: true,
      table: {
        headers: ['Name', 'Job title'],
        rows: [
          { row: 2, cells: ['Nowak, Tomasz', 'Principal,\r\nLinden Park'] },
          { row: 6, cells: ['Ann', 'Head'] },
        ],
      },
    });
    expect(readCsv('Name\n"unclosed\n')).toEqual({ ok: false, message: expect.stringContaining('not readable as CSV') });
  });
});
