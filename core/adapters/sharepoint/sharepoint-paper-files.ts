import { ValidationError } from '../../domain/errors';
import { paperFileNameProblems } from '../../domain/paper-file-name';
import { MAX_PAPER_BYTES, type PaperFile, type PaperFiles } from '../../ports/paper-files.port';
import type { GraphClient } from '../graph/graph-client';
import { isGraphStatus } from '../graph/graph-error';
import { PAPERS_LIBRARY } from './record-lists';
import { listsByName, resolveSiteId } from './site-lists';

interface DriveItem {
  id: string;
  name: string;
  size?: number;
  webUrl: string;
  folder?: object;
}

/**
 * Papers in the site's Papers library, one folder per meeting named by its id (made by
 * provisioning, or here on first use). Uploads use the simple upload (driveitem-put-content.md),
 * so a file larger than our 4 MB limit is refused with a pointer to the folder.
 */
export function createSharePointPaperFiles(options: { client: GraphClient; siteUrl: string }): PaperFiles {
  const { client } = options;
  let driveId: Promise<string> | undefined;
  const drive = (signal?: AbortSignal) =>
    (driveId ??= (async () => {
      const siteId = await resolveSiteId(client, options.siteUrl, signal);
      const library = (await listsByName(client, siteId, signal)).get(PAPERS_LIBRARY.displayName);
      if (!library) throw new Error(`The site has no "${PAPERS_LIBRARY.displayName}" library; run npm run provision`);
      return (await client.call<{ id: string }>('GET', `/sites/${siteId}/lists/${library.id}/drive`, { signal })).id;
    })().catch((e: unknown) => {
      driveId = undefined; // try again next time rather than caching a failure
      throw e;
    }));

  const folder = async (meetingId: string, signal?: AbortSignal): Promise<DriveItem> => {
    if (paperFileNameProblems(meetingId).length > 0) throw new ValidationError([{ field: 'meetingId', message: 'not a meeting id' }], 'paper');
    const d = await drive(signal);
    const byPath = await client.send('GET', `/drives/${d}/root:/${encodeURIComponent(meetingId)}`, { signal });
    if (byPath.status === 200) return byPath.body as DriveItem;
    try {
      // conflictBehavior "fail": two callers racing both end with the one folder (driveitem-post-children.md).
      return await client.call<DriveItem>('POST', `/drives/${d}/items/root/children`, { body: { name: meetingId, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' }, signal });
    } catch (e) {
      if (!isGraphStatus(e, 409)) throw e;
      return client.call<DriveItem>('GET', `/drives/${d}/root:/${encodeURIComponent(meetingId)}`, { signal });
    }
  };
  const asPaper = (i: DriveItem): PaperFile => ({ name: i.name, size: i.size ?? 0, link: i.webUrl });

  return {
    async folderLink(meetingId, o) {
      return (await folder(meetingId, o?.signal)).webUrl;
    },
    async upload(meetingId, fileName, content, o) {
      const problems = paperFileNameProblems(fileName);
      if (content.byteLength > MAX_PAPER_BYTES) problems.push({ field: 'content', message: `the file is over ${MAX_PAPER_BYTES / 1024 / 1024} MB; put it in the meeting's folder directly` });
      if (problems.length) throw new ValidationError(problems, 'paper');
      const f = await folder(meetingId, o?.signal);
      const d = await drive(o?.signal);
      // PUT replaces a file of the same name, so a retried upload leaves one file.
      const item = await client.call<DriveItem>('PUT', `/drives/${d}/items/${f.id}:/${encodeURIComponent(fileName)}:/content`, {
        body: content,
        headers: { 'Content-Type': 'application/octet-stream' },
        idempotent: true,
        signal: o?.signal,
      });
      return asPaper(item);
    },
    async list(meetingId, o) {
      const f = await folder(meetingId, o?.signal);
      const d = await drive(o?.signal);
      const out: PaperFile[] = [];
      let path: string | undefined = `/drives/${d}/items/${f.id}/children`;
      while (path) {
        const page: { value?: DriveItem[]; '@odata.nextLink'?: string } = await client.call('GET', path, { signal: o?.signal });
        out.push(...(page.value ?? []).filter((i) => !i.folder).map(asPaper));
        path = page['@odata.nextLink'] ? client.relative(page['@odata.nextLink']) : undefined;
      }
      return out.sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}
