import { randomUUID } from 'node:crypto';
import { badRequest, graphError, json, notFound, type RouteResponse } from './graph-errors';
import type { DriveItemState, GraphState } from './graph-state';
import type { RouteRequest } from './list-routes';
import type { UploadSessions } from './upload-sessions';

export interface DriveRouteOptions {
  /** The largest simple upload; larger files need an upload session (driveitem-put-content.md: 250 MB). */
  simpleUploadLimit: number;
  uploads: UploadSessions;
  /** Where upload URLs point (outside /v1.0: they carry no bearer token). */
  uploadRoot: string;
  /** The server's clock, and how long an upload session lives without a fragment (Graph renews it on each one). */
  now?: () => number;
  uploadSessionMs?: number;
}

/** `/drives/{id}/…`: items by path, children, folders (driveitem-post-children.md), simple upload (driveitem-put-content.md), upload sessions (driveitem-createuploadsession.md). */
export function routeDrives(
  state: GraphState,
  req: RouteRequest,
  options: DriveRouteOptions = { simpleUploadLimit: 250 * 1024 * 1024, uploads: new Map(), uploadRoot: '' },
): RouteResponse {
  const driveId = req.segments[1];
  const drive = driveId === undefined ? undefined : state.drives.get(driveId);
  if (!drive || driveId === undefined) return notFound('drive');
  const rest = req.rawPath.split('/').slice(3).map(decodeURIComponent).join('/');
  const itemUrl = (i: DriveItemState) => json(200, driveItemJson(driveId, drive, i));

  // GET /drives/{id}/root:/{path}  (":" may close the path)
  const byPath = /^root:\/(.+?):?$/.exec(rest);
  if (byPath && req.method === 'GET') {
    const found = resolvePath(drive, byPath[1]!);
    return found ? itemUrl(found) : notFound('item');
  }
  // PUT /drives/{id}/items/{parent-id}:/{name}:/content
  const upload = /^items\/([^:]+):\/(.+):\/content$/.exec(rest);
  if (upload && req.method === 'PUT') {
    const parent = drive.get(upload[1]!);
    if (!parent?.folder) return notFound('parent folder');
    const name = upload[2]!;
    const content = Buffer.isBuffer(req.body)
      ? req.body
      : Buffer.from(typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? ''));
    if (content.length > options.simpleUploadLimit)
      return graphError(413, 'requestTooLarge', `A simple upload takes at most ${options.simpleUploadLimit} bytes; use an upload session.`);
    const existing = childNamed(drive, parent.id, name);
    const file: DriveItemState = existing ?? { id: randomUUID(), name, parentId: parent.id, folder: false, size: 0 };
    file.content = content;
    file.size = content.length;
    drive.set(file.id, file);
    return { ...itemUrl(file), status: existing ? 200 : 201 };
  }
  // POST /drives/{id}/items/{parent-id}:/{name}:/createUploadSession
  const session = /^items\/([^:]+):\/(.+):\/createUploadSession$/.exec(rest);
  if (session && req.method === 'POST') {
    const parent = drive.get(session[1]!);
    if (!parent?.folder) return notFound('parent folder');
    const id = randomUUID();
    const lifeMs = options.uploadSessionMs ?? 3_600_000;
    const expiresAt = (options.now ?? Date.now)() + lifeMs;
    options.uploads.set(id, { driveId, parentId: parent.id, name: session[2]!, received: [], nextByte: 0, expiresAt, lifeMs });
    return json(200, {
      uploadUrl: `${options.uploadRoot}/${id}`,
      expirationDateTime: new Date(expiresAt).toISOString(),
      nextExpectedRanges: ['0-'],
    });
  }
  const children = /^items\/([^/]+)\/children$/.exec(rest);
  if (children) {
    const parent = drive.get(children[1]!);
    if (!parent?.folder) return notFound('folder');
    if (req.method === 'GET')
      return json(200, { value: [...drive.values()].filter((i) => i.parentId === parent.id).map((i) => driveItemJson(driveId, drive, i)) });
    if (req.method === 'POST') {
      const b = req.body as { name?: string; folder?: object; '@microsoft.graph.conflictBehavior'?: string };
      if (!b?.name || !b.folder) return badRequest('a folder needs a name and a folder facet');
      const existing = childNamed(drive, parent.id, b.name);
      if (existing && (b['@microsoft.graph.conflictBehavior'] ?? 'fail') === 'fail')
        return graphError(409, 'nameAlreadyExists', `An item named ${b.name} already exists`);
      if (existing && b['@microsoft.graph.conflictBehavior'] === 'replace') return itemUrl(existing);
      const folder: DriveItemState = {
        id: randomUUID(),
        name: existing ? `${b.name} 1` : b.name,
        parentId: parent.id,
        folder: true,
        size: 0,
      };
      drive.set(folder.id, folder);
      return { ...itemUrl(folder), status: 201 };
    }
  }
  const one = /^items\/([^/:]+)$/.exec(rest);
  if (one && req.method === 'GET') {
    const item = drive.get(one[1]!);
    return item ? itemUrl(item) : notFound('item');
  }
  return badRequest(`unsupported drive request ${req.method} ${rest}`);
}

export const childNamed = (drive: Map<string, DriveItemState>, parentId: string, name: string) =>
  [...drive.values()].find((i) => i.parentId === parentId && i.name.toLowerCase() === name.toLowerCase());

function resolvePath(drive: Map<string, DriveItemState>, path: string): DriveItemState | undefined {
  let current = drive.get('root');
  for (const part of path.split('/').filter(Boolean)) {
    if (!current) return undefined;
    current = childNamed(drive, current.id, part);
  }
  return current;
}

function pathOf(drive: Map<string, DriveItemState>, item: DriveItemState): string {
  const parts: string[] = [];
  for (let i: DriveItemState | undefined = item; i && i.parentId !== null; i = drive.get(i.parentId)) parts.unshift(i.name);
  return parts.join('/');
}

export function driveItemJson(driveId: string, drive: Map<string, DriveItemState>, item: DriveItemState): Record<string, unknown> {
  return {
    id: item.id,
    name: item.name,
    size: item.size,
    webUrl: `https://example.invalid/drives/${driveId}/${encodeURI(pathOf(drive, item))}`,
    parentReference: { driveId, id: item.parentId },
    ...(item.folder
      ? { folder: { childCount: [...drive.values()].filter((c) => c.parentId === item.id).length } }
      : { file: { mimeType: 'application/octet-stream' } }),
  };
}
