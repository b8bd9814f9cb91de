import type { PaperFiles } from '../../core/ports/paper-files.port';
import { paperFolderLink, uploadPaper } from '../../core/services/paper-files.service';
import { ok, type Route } from './api-types';
import { refused } from './error-responses';

/** The meeting's papers folder and uploading a paper's file into it. */
export function paperFileRoutes(papers: PaperFiles): Route[] {
  return [
    { method: 'GET', pattern: '/api/meetings/:id/papers/folder', handler: async ({ deps, viewer, params }) => ok(await paperFolderLink(deps, papers, viewer, params.id!)) },
    {
      method: 'POST',
      pattern: '/api/meetings/:id/papers/:requirementId/file',
      handler: async ({ deps, viewer, params, req }) => {
        const out = await uploadPaper(deps, papers, viewer, params.id!, params.requirementId!, req.body);
        return out.ok ? { status: 201, body: { meeting: out.meeting, file: out.file } } : refused(out.code, out.message);
      },
    },
  ];
}
