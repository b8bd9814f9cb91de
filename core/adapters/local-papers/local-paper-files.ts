import { mkdirSync, readdirSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ValidationError } from '../../domain/errors';
import { paperFileNameProblems } from '../../domain/paper-file-name';
import { megabytes, PAPER_LIMIT_CEILING_MB, type PaperFiles } from '../../ports/paper-files.port';

/** Where the local host lets a person open a paper and a meeting's papers: never the folder itself. */
export interface LocalPaperLinks {
  /** A file, e.g. the API's `/api/meetings/<id>/papers/files/<name>`, which checks who is asking. */
  file(meetingId: string, fileName: string): string;
  /** The meeting's papers, e.g. its page in the tab. */
  folder(meetingId: string): string;
}

const PARTIAL = '.uploading';

/**
 * Papers in a local folder per meeting (`<dir>/<meetingId>/`). The folder is never served as it is:
 * links go where `links` says (the API checks role × academy and serves each file as a download).
 */
export function createLocalPaperFiles(options: { dir: string; links: LocalPaperLinks; maxBytes?: number }): PaperFiles {
  const maxBytes = options.maxBytes ?? megabytes(PAPER_LIMIT_CEILING_MB);
  const pathOf = (meetingId: string) => {
    if (paperFileNameProblems(meetingId).length > 0)
      throw new ValidationError([{ field: 'meetingId', message: 'not a meeting id' }], 'paper');
    return join(options.dir, meetingId);
  };
  const folder = (meetingId: string) => {
    const path = pathOf(meetingId);
    mkdirSync(path, { recursive: true });
    return path;
  };
  return {
    async folderLink(meetingId) {
      folder(meetingId);
      return options.links.folder(meetingId);
    },
    async upload(meetingId, fileName, content) {
      const problems = paperFileNameProblems(fileName);
      if (content.byteLength > maxBytes)
        problems.push({
          field: 'content',
          message: `the file is over ${Math.floor(maxBytes / 1024 / 1024)} MB; put it in the meeting's folder directly`,
        });
      if (problems.length) throw new ValidationError(problems, 'paper');
      const path = join(folder(meetingId), fileName);
      writeFileSync(`${path}${PARTIAL}`, content);
      renameSync(`${path}${PARTIAL}`, path); // a half-written file never shows as the paper
      return { name: fileName, size: content.byteLength, link: options.links.file(meetingId, fileName) };
    },
    async list(meetingId) {
      const dir = folder(meetingId);
      return readdirSync(dir)
        .filter((n) => !n.endsWith(PARTIAL))
        .sort()
        .map((name) => ({ name, size: statSync(join(dir, name)).size, link: options.links.file(meetingId, name) }));
    },
    async read(meetingId, fileName) {
      const problems = paperFileNameProblems(fileName);
      if (problems.length) throw new ValidationError(problems, 'paper');
      if (fileName.endsWith(PARTIAL)) return undefined;
      try {
        // The name has no path separators and no leading dot (paperFileNameProblems), so it stays in the meeting's folder.
        return new Uint8Array(await readFile(join(pathOf(meetingId), fileName)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
        throw e;
      }
    },
  };
}
