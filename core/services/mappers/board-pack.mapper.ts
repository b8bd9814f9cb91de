import type { BoardPackRecord } from '../board-pack/board-pack-records';

const TRIGGER_WORDS: Record<BoardPackRecord['trigger'], string> = {
  'on-demand': 'Generated on demand',
  'before-board': 'Generated before the board meeting',
};

/** A generated pack as the tab lists it: its file, term, when and by whom (in words), and where to download it. Names every field it copies. */
export function boardPackListItem(r: BoardPackRecord, names: ReadonlyMap<string, string>) {
  return {
    id: r.id,
    fileName: r.fileName,
    term: r.termLabel,
    generatedAt: r.generatedAt,
    generatedBy:
      names.get(r.generatedBy) ?? (r.generatedBy.startsWith('system:') ? 'The app (board pack timer)' : 'Someone no longer in the trust'),
    how: TRIGGER_WORDS[r.trigger],
    /** Where SharePoint opens it; locally the API serves it at `download`. */
    link: r.link,
    download: `/api/board-packs/${encodeURIComponent(r.id)}/file`,
  };
}
export type BoardPackListItem = ReturnType<typeof boardPackListItem>;
