import { looksLikeFormula, neutraliseCell } from './spreadsheet-cells';

describe('spreadsheet cells', () => {
  it('puts an apostrophe before every cell a spreadsheet would run as a formula', () => {
    for (const attack of ['=HYPERLINK("https://evil.example","Click")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1']) {
      expect(looksLikeFormula(attack)).toBe(true);
      expect(neutraliseCell(attack)).toBe(`'${attack}`);
    }
  });

  it('leaves ordinary text alone, and a neutralised cell as it is', () => {
    for (const text of ['Oakfield Primary', 'head@oakfield.example', '£1,750', '15/03/2023', '']) expect(neutraliseCell(text)).toBe(text);
    expect(neutraliseCell(neutraliseCell('=1+1'))).toBe("'=1+1");
  });
});
