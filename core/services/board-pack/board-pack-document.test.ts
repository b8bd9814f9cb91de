import { docxHeadings, docxParagraphs } from '../../../test/board-pack/docx-text';
import { boardPackFileName, renderBoardPack } from './board-pack-document';
import { figuresWith } from './board-pack.fixtures';

describe('the board pack document', () => {
  it('prints people’s own words as they typed them: never as Word markup or a field', async () => {
    const f = figuresWith();
    const typed = '</w:t></w:r><w:r><w:fldSimple w:instr="HYPERLINK http://evil.example"/> =HYPERLINK("x") & <b>';
    f.overdueActions[0]!.text = typed;
    const paragraphs = await docxParagraphs(await renderBoardPack(f));
    expect(paragraphs).toContain(typed);
    expect(paragraphs).toContain('SEND register reviewed <w:p/>');
  });

  it('gives the summary, then each academy a heading of its own, with dates and labels in words', async () => {
    const content = await renderBoardPack(figuresWith());
    expect(await docxHeadings(content, 1)).toEqual(['Brook Lane Academy', 'Oakfield Primary Academy']);
    const paragraphs = await docxParagraphs(content);
    expect(paragraphs).toContain(
      'Autumn term 2026/27. Generated Monday 23 November 2026 at 10:00 from the app’s live records, as at Monday 23 November 2026.',
    );
    expect(paragraphs).toContain('Monday 2 November 2026'); // the overdue action's due date
    expect(paragraphs.join('\n')).not.toMatch(/needs-attention|not-yet-evident|2026-11-02/);
  });

  it('names its file by term and the time it was generated in England', () => {
    expect(boardPackFileName({ term: figuresWith().term, generatedAt: '2026-06-30T23:30:00.000Z' })).toBe(
      'Board pack Autumn term 2026-27 (generated 2026-07-01 0030).docx',
    );
  });
});
