import { AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, TextRun } from 'docx';
import { formatInTimeZone } from 'date-fns-tz';
import { UK_TIME_ZONE } from '../../domain/london-time';
import { academyPage } from './board-pack-academy-page';
import type { BoardPackFigures } from './board-pack-figures';
import { trustSummary } from './board-pack-summary';
import { timeWords } from './docx-parts';

/**
 * The board pack as a Word document (trusts circulate Word): the trust summary, then each academy
 * on a page of its own (a section each, so every academy starts a new page), worst RAG first as the
 * dashboard orders them. A4 portrait, Calibri; the footer names the pack and the page.
 */
export async function renderBoardPack(f: BoardPackFigures): Promise<Uint8Array> {
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${f.trustName} board pack, ${f.term.label}, generated ${timeWords(f.generatedAt)}. Page `, size: 16 }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
        ],
      }),
    ],
  });
  const page = {
    size: { width: 11906, height: 16838, orientation: PageOrientation.PORTRAIT },
    margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
  };
  const doc = new Document({
    creator: f.trustName,
    title: `${f.trustName} board pack, ${f.term.label}`,
    description: 'Generated from the school improvement app’s live records',
    styles: { default: { document: { run: { font: 'Calibri', size: 20 } } } },
    features: { updateFields: false },
    sections: [
      { properties: { page }, footers: { default: footer }, children: trustSummary(f) },
      ...f.academies.map((a) => ({ properties: { page }, footers: { default: footer }, children: academyPage(a) })),
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** "Board pack Autumn term 2026-27 (generated 2026-11-24 0930).docx": a name SharePoint and a disk both take, sorting by date. */
export function boardPackFileName(f: Pick<BoardPackFigures, 'term' | 'generatedAt'>): string {
  return `Board pack ${f.term.label.replace('/', '-')} (generated ${formatInTimeZone(f.generatedAt, UK_TIME_ZONE, 'yyyy-MM-dd HHmm')}).docx`;
}
