import { generateBoardPackBodySchema } from '../../../core/services/board-pack/board-packs.service';
import { ok, type Route } from '../api-types';
import { fileDownload } from '../file-responses';

/** The board pack (issue 17): a Word document from live data, generated into the board's papers folder; trust roles only. */
export const BOARD_PACK_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/board-packs',
    operationId: 'listBoardPacks',
    summary: 'The board packs generated so far, newest first, with when and by whom (the board, CEO and trust team only)',
    handler: async ({ session }) => ok(await session.boardPacks()),
  },
  {
    method: 'POST',
    pattern: '/api/board-packs',
    operationId: 'generateBoardPack',
    summary:
      'Generate the term’s board pack now into the board’s papers folder (CEO and improvement team); an earlier pack is never replaced',
    body: generateBoardPackBodySchema,
    creates: true,
    handler: async ({ session, req }) => ({ status: 201, body: await session.generateBoardPack(req.body) }),
  },
  {
    method: 'GET',
    pattern: '/api/board-packs/:id/file',
    operationId: 'downloadBoardPack',
    summary: 'A board pack as a Word download',
    file: true,
    handler: async ({ session, params }) => fileDownload(await session.boardPackFile(params.id!)),
  },
];
