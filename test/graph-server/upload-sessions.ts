import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { childNamed, driveItemJson } from './drive-routes';
import { badRequest, graphError, json, notFound, type RouteResponse } from './graph-errors';
import type { DriveItemState, GraphState } from './graph-state';

/** An upload in progress: where the file goes and the bytes received so far. */
export type UploadSessions = Map<string, { driveId: string; parentId: string; name: string; received: Buffer[]; nextByte: number }>;

/** Fragments are multiples of 320 KiB, at most 60 MiB, except the last (driveitem-createuploadsession.md). */
const FRAGMENT_UNIT = 320 * 1024;
const MAX_FRAGMENT = 60 * 1024 * 1024;

/**
 * PUT {uploadUrl} with `Content-Range: bytes a-b/total`: 202 with the next expected range until the
 * last byte arrives, then 201 with the file. A range other than the next expected one is a 416.
 */
export function routeUploadSession(
  state: GraphState,
  uploads: UploadSessions,
  id: string,
  method: string,
  headers: IncomingHttpHeaders,
  body: unknown,
  _root: string,
): RouteResponse {
  const upload = uploads.get(id.split('?')[0] ?? id);
  if (!upload) return notFound('upload session');
  if (method === 'DELETE') {
    uploads.delete(id);
    return { status: 204 };
  }
  if (method === 'GET') return json(200, { nextExpectedRanges: [`${upload.nextByte}-`] });
  if (method !== 'PUT') return badRequest('an upload URL takes PUT');
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(headers['content-range'] ?? ''));
  const content = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  if (!range) return badRequest('Content-Range is required');
  const [from, to, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
  if (from !== upload.nextByte || to - from + 1 !== content.length)
    return graphError(416, 'invalidRange', `expected bytes from ${upload.nextByte}`);
  const last = to + 1 === total;
  if (content.length > MAX_FRAGMENT || (!last && content.length % FRAGMENT_UNIT !== 0))
    return badRequest('a fragment is a multiple of 320 KiB and at most 60 MiB');
  upload.received.push(content);
  upload.nextByte = to + 1;
  if (!last)
    return json(202, { expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(), nextExpectedRanges: [`${upload.nextByte}-`] });
  uploads.delete(id);
  const drive = state.drives.get(upload.driveId)!;
  const whole = Buffer.concat(upload.received);
  const existing = childNamed(drive, upload.parentId, upload.name);
  const file: DriveItemState = existing ?? { id: randomUUID(), name: upload.name, parentId: upload.parentId, folder: false, size: 0 };
  file.content = whole;
  file.size = whole.length;
  drive.set(file.id, file);
  return json(existing ? 200 : 201, driveItemJson(upload.driveId, drive, file));
}
