import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { childNamed, driveItemJson } from './drive-routes';
import { badRequest, graphError, json, notFound, type RouteResponse } from './graph-errors';
import type { DriveItemState, GraphState } from './graph-state';

/** An upload in progress: where the file goes and the bytes received so far. */
export type UploadSessions = Map<
  string,
  {
    driveId: string;
    parentId: string;
    name: string;
    received: Buffer[];
    nextByte: number;
    /** The file's size, fixed by the first fragment's Content-Range. */
    total?: number;
    /** Epoch ms (the server's clock): past it the session is gone (404); each fragment renews it. */
    expiresAt: number;
    lifeMs: number;
  }
>;

/** Fragments are multiples of 320 KiB, at most 60 MiB, except the last (driveitem-createuploadsession.md). */
const FRAGMENT_UNIT = 320 * 1024;
const MAX_FRAGMENT = 60 * 1024 * 1024;

/**
 * PUT {uploadUrl} with `Content-Range: bytes a-b/total`: 202 with the next expected range until the
 * last byte arrives, then 201 with the file (driveitem-createuploadsession.md). As strict as Graph:
 * a range other than the next expected one, or a total that changes, is a 416; a fragment that is
 * not a multiple of 320 KiB (except the last) or over 60 MiB is a 400; past its expiry the session
 * is gone (404), and GET on it says where to go on.
 */
export function routeUploadSession(
  state: GraphState,
  uploads: UploadSessions,
  id: string,
  method: string,
  headers: IncomingHttpHeaders,
  body: unknown,
  _root: string,
  now: () => number = Date.now,
): RouteResponse {
  const key = id.split('?')[0] ?? id;
  const upload = uploads.get(key);
  if (!upload) return notFound('upload session');
  if (now() > upload.expiresAt) {
    uploads.delete(key);
    return graphError(404, 'itemNotFound', 'The upload session has expired.');
  }
  if (method === 'DELETE') {
    uploads.delete(key);
    return { status: 204 };
  }
  if (method === 'GET')
    return json(200, { expirationDateTime: new Date(upload.expiresAt).toISOString(), nextExpectedRanges: [`${upload.nextByte}-`] });
  if (method !== 'PUT') return badRequest('an upload URL takes PUT');
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(headers['content-range'] ?? ''));
  const content = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  if (!range) return badRequest('Content-Range is required');
  const [from, to, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
  if (from !== upload.nextByte || to < from || to - from + 1 !== content.length || to >= total || (upload.total ?? total) !== total)
    return graphError(416, 'invalidRange', `expected bytes from ${upload.nextByte} of ${upload.total ?? total}`);
  const last = to + 1 === total;
  if (content.length > MAX_FRAGMENT || (!last && content.length % FRAGMENT_UNIT !== 0))
    return badRequest('a fragment is a multiple of 320 KiB and at most 60 MiB');
  upload.received.push(content);
  upload.nextByte = to + 1;
  upload.total = total;
  upload.expiresAt = now() + upload.lifeMs;
  if (!last)
    return json(202, { expirationDateTime: new Date(upload.expiresAt).toISOString(), nextExpectedRanges: [`${upload.nextByte}-`] });
  uploads.delete(key);
  const drive = state.drives.get(upload.driveId)!;
  const whole = Buffer.concat(upload.received);
  const existing = childNamed(drive, upload.parentId, upload.name);
  const file: DriveItemState = existing ?? { id: randomUUID(), name: upload.name, parentId: upload.parentId, folder: false, size: 0 };
  file.content = whole;
  file.size = whole.length;
  drive.set(file.id, file);
  return json(existing ? 200 : 201, driveItemJson(upload.driveId, drive, file));
}
