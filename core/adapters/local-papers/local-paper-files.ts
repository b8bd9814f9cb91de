import { mkdirSync, readdirSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError } from '../../domain/errors';
import { paperFileNameProblems } from '../../domain/paper-file-name';
import { MAX_PAPER_BYTES, type PaperFiles } from '../../ports/paper-files.port';

/** Papers in a local folder per meeting (`<dir>/<meetingId>/`), linked under `baseUrl` for the local host to serve. */
export function createLocalPaperFiles(options: { dir: string; baseUrl: string }): PaperFiles {
  const folder = (meetingId: string) => {
    if (paperFileNameProblems(meetingId).length > 0) throw new ValidationError([{ field: 'meetingId', message: 'not a meeting id' }], 'paper');
    const path = join(options.dir, meetingId);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const link = (meetingId: string, name?: string) => `${options.baseUrl}/${encodeURIComponent(meetingId)}/${name ? encodeURIComponent(name) : ''}`;
  return {
    async folderLink(meetingId) {
      folder(meetingId);
      return link(meetingId);
    },
    async upload(meetingId, fileName, content) {
      const problems = paperFileNameProblems(fileName);
      if (content.byteLength > MAX_PAPER_BYTES) problems.push({ field: 'content', message: `the file is over ${MAX_PAPER_BYTES / 1024 / 1024} MB; put it in the meeting's folder directly` });
      if (problems.length) throw new ValidationError(problems, 'paper');
      const path = join(folder(meetingId), fileName);
      writeFileSync(`${path}.uploading`, content);
      renameSync(`${path}.uploading`, path); // a half-written file never shows as the paper
      return { name: fileName, size: content.byteLength, link: link(meetingId, fileName) };
    },
    async list(meetingId) {
      const dir = folder(meetingId);
      return readdirSync(dir)
        .filter((n) => !n.endsWith('.uploading'))
        .sort()
        .map((name) => ({ name, size: statSync(join(dir, name)).size, link: link(meetingId, name) }));
    },
  };
}
