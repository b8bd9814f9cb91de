import { ValidationError } from '../../domain/errors';
import { paperFileNameProblems } from '../../domain/paper-file-name';
import { megabytes, PAPER_LIMIT_CEILING_MB, type PaperFile, type PaperFiles } from '../../ports/paper-files.port';
import { FileUpload, LargeFileUploadTask, type LargeFileUploadSession } from '@microsoft/microsoft-graph-client';
import type { GraphClient } from '../graph/graph-client';
import { sdkClientOver } from '../graph/sdk-client';
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

/** The largest paper this adapter can take: upload sessions go further, but this is Graph's simple-upload size (driveitem-put-content.md, 250 MB). */
export const LARGEST_PAPER_BYTES = 250 * 1024 * 1024;
/**
 * Past this a paper goes by upload session rather than one PUT: Graph takes simple uploads up to
 * 250 MB, but a session resumes a broken transfer where it stopped instead of sending it all again.
 */
export const DEFAULT_SIMPLE_UPLOAD_BYTES = 4 * 1024 * 1024;
/** Upload session fragments are multiples of 320 KiB, at most 60 MiB (driveitem-createuploadsession.md); 10 MiB each. */
export const UPLOAD_FRAGMENT_BYTES = 32 * 320 * 1024;

export interface SharePointPaperFilesOptions {
  client: GraphClient;
  siteUrl: string;
  /** The most this adapter takes for one paper: the port's ceiling unless given, at most 250 MB (the service applies the trust's own limit). */
  maxBytes?: number;
  simpleUploadBytes?: number;
  fragmentBytes?: number;
}

/**
 * Papers in the site's Papers library, one folder per meeting named by its id (made by
 * provisioning, or here on first use). Small files use the simple upload (driveitem-put-content.md);
 * larger ones an upload session (driveitem-createuploadsession.md), up to the trust's limit (the
 * port's `PAPER_LIMIT_CEILING_MB`, or `maxBytes`; the papers service applies the trust's own limit first).
 */
export function createSharePointPaperFiles(options: SharePointPaperFilesOptions): PaperFiles {
  const { client } = options;
  const maxBytes = Math.min(options.maxBytes ?? megabytes(PAPER_LIMIT_CEILING_MB), LARGEST_PAPER_BYTES);
  const simpleBytes = options.simpleUploadBytes ?? DEFAULT_SIMPLE_UPLOAD_BYTES;
  const fragment = options.fragmentBytes ?? UPLOAD_FRAGMENT_BYTES;
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
    if (paperFileNameProblems(meetingId).length > 0)
      throw new ValidationError([{ field: 'meetingId', message: 'not a meeting id' }], 'paper');
    const d = await drive(signal);
    const byPath = await client.send('GET', `/drives/${d}/root:/${encodeURIComponent(meetingId)}`, { signal });
    if (byPath.status === 200) return byPath.body as DriveItem;
    try {
      // conflictBehavior "fail": two callers racing both end with the one folder (driveitem-post-children.md).
      return await client.call<DriveItem>('POST', `/drives/${d}/items/root/children`, {
        body: { name: meetingId, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
        signal,
      });
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
      if (content.byteLength > maxBytes)
        problems.push({
          field: 'content',
          message: `the file is over ${Math.floor(maxBytes / 1024 / 1024)} MB, the trust's limit; put it in the meeting's folder directly`,
        });
      if (problems.length) throw new ValidationError(problems, 'paper');
      const f = await folder(meetingId, o?.signal);
      const d = await drive(o?.signal);
      const at = `/drives/${d}/items/${f.id}:/${encodeURIComponent(fileName)}:`;
      if (content.byteLength > simpleBytes) return asPaper(await uploadInSession(client, at, fileName, content, fragment, o?.signal));
      // PUT replaces a file of the same name, so a retried upload leaves one file.
      const item = await client.call<DriveItem>('PUT', `${at}/content`, {
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

/**
 * An upload session (driveitem-createuploadsession.md) sent by the Graph SDK's `LargeFileUploadTask`
 * over the project's own client (graph/sdk-client.ts: the SDK's custom middleware chain, so retries,
 * the throttle gate, tokens and timeouts are the app's). The session is created here, marked safe
 * to repeat (creating it twice leaves one file); its upload URL is pre-authenticated, so no token
 * goes to it (behaviors/bearer-token.ts). Fragments are `fragment` bytes, a multiple of 320 KiB:
 * the SDK's default, 5 MiB, is not one. A fragment that had landed before its answer was lost gets
 * 416; the task then asks the session where to go on (`resume`). A session that expired or was
 * lost (404) is started again once.
 */
async function uploadInSession(
  client: GraphClient,
  at: string,
  fileName: string,
  content: Uint8Array,
  fragment: number,
  signal?: AbortSignal,
): Promise<DriveItem> {
  let lastStatus = 0;
  const sdk = sdkClientOver(client, { ...(signal ? { signal } : {}), onStatus: (status) => (lastStatus = status) });
  for (let sessions = 0; ; sessions++) {
    const created = await client.call<{ uploadUrl: string; expirationDateTime?: string }>('POST', `${at}/createUploadSession`, {
      body: { item: { '@microsoft.graph.conflictBehavior': 'replace' } },
      idempotent: true,
      signal,
    });
    const session: LargeFileUploadSession = {
      url: created.uploadUrl,
      expiry: new Date(created.expirationDateTime ?? Date.now() + 3_600_000),
      isCancelled: false,
    };
    const task = new LargeFileUploadTask(sdk, new FileUpload(content, fileName, content.byteLength), session, { rangeSize: fragment });
    for (let resumes = 0; ; resumes++) {
      try {
        const done = resumes === 0 ? await task.upload() : await task.resume();
        if (!done) throw new Error('the upload session was cancelled');
        return (done as { responseBody: unknown }).responseBody as DriveItem;
      } catch (e) {
        const status = (e as { statusCode?: number }).statusCode ?? lastStatus;
        if (status === 416 && resumes < 5) continue;
        if (status === 404 && sessions === 0) break;
        throw e;
      }
    }
  }
}
