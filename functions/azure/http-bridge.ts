import { gunzipSync, inflateSync } from 'node:zlib';
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { ApiRequest, ApiResponse } from '../api/api-types';
import { takesFileBody } from '../api/file-bodies';
import {
  bodyTooLarge,
  fileTooLarge,
  MAX_BODY_MB,
  MAX_FILE_BODY_MB,
  notJson,
  problem,
  unreadableBody,
  unsupportedEncoding,
} from '../api/error-responses';
import { withSecurityHeaders, type ResponseKind, type SecurityHeaderOptions } from '../security/security-headers';
import type { HostRequest, HostResponse } from '../../bot/hosting/botbuilder-host';

/** The API's request size limit, as on the local host: a 4 MB paper arrives base64-encoded in JSON. */
export const MAX_BODY_BYTES = MAX_BODY_MB * 1024 * 1024;

const headersOf = (req: HttpRequest): Record<string, string | undefined> => {
  const out: Record<string, string | undefined> = {};
  req.headers.forEach((value, key) => (out[key.toLowerCase()] = value));
  return out;
};

type Body = { ok: true; value: unknown } | { ok: false; response: ApiResponse };

/**
 * The body's bytes with its `Content-Encoding` undone, as the local host's body parser does (gzip and
 * deflate), never past the size limit (zlib's `maxOutputLength`, so a "zip bomb" stops at 6 MB).
 */
function decoded(raw: Buffer, encoding: string): Buffer | ApiResponse {
  const e = encoding.trim().toLowerCase();
  if (e === '' || e === 'identity') return raw;
  if (e !== 'gzip' && e !== 'deflate') return unsupportedEncoding('content encoding');
  try {
    return (e === 'gzip' ? gunzipSync : inflateSync)(raw, { maxOutputLength: MAX_BODY_BYTES });
  } catch (err) {
    return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? bodyTooLarge() : unreadableBody();
  }
}

const MAX_FILE_BODY_BYTES = MAX_FILE_BODY_MB * 1024 * 1024;

const isFileBody = (req: HttpRequest): boolean => /^application\/octet-stream\b/i.test(req.headers.get('content-type') ?? '');

/**
 * A paper sent as the file itself: its bytes, read as they arrive and refused (413) as soon as
 * they pass the most the app takes, rather than buffered whole first; not compressed (papers are
 * mostly zipped Office files or PDFs already).
 */
async function fileBody(req: HttpRequest): Promise<Body> {
  if (Number(req.headers.get('content-length') ?? '0') > MAX_FILE_BODY_BYTES) return { ok: false, response: fileTooLarge() };
  const encoding = (req.headers.get('content-encoding') ?? '').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity') return { ok: false, response: unsupportedEncoding('content encoding') };
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = (req.body as ReadableStream<Uint8Array> | null)?.getReader();
  for (;;) {
    const next: { done: boolean; value?: Uint8Array } = reader ? await reader.read() : { done: true };
    if (next.done || !next.value) break;
    total += next.value.byteLength;
    if (total > MAX_FILE_BODY_BYTES) {
      await reader?.cancel();
      return { ok: false, response: fileTooLarge() };
    }
    chunks.push(next.value);
  }
  return { ok: true, value: Buffer.concat(chunks) };
}

/** The body as JSON, refused in the API's problem shape (never a crash) when it is too big, oddly encoded or not JSON. */
async function jsonBody(req: HttpRequest): Promise<Body> {
  if (req.method === 'GET' || req.method === 'HEAD') return { ok: true, value: undefined };
  if (isFileBody(req) && takesFileBody(req.method, new URL(req.url).pathname)) return fileBody(req);
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) return { ok: false, response: bodyTooLarge() };
  const charset = /charset=([^;]+)/i
    .exec(req.headers.get('content-type') ?? '')?.[1]
    ?.trim()
    .replace(/"/g, '')
    .toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') return { ok: false, response: unsupportedEncoding('character set') };
  const raw = Buffer.from(await req.arrayBuffer());
  if (raw.byteLength > MAX_BODY_BYTES) return { ok: false, response: bodyTooLarge() };
  const bytes = decoded(raw, req.headers.get('content-encoding') ?? '');
  if (!Buffer.isBuffer(bytes)) return { ok: false, response: bytes };
  const text = bytes.toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: notJson() };
  }
}

/** An Azure Functions HTTP request as the API takes it (the same shape the local Express host builds). */
export async function apiRequestFrom(
  req: HttpRequest,
  correlationId: string,
): Promise<{ ok: true; request: ApiRequest } | { ok: false; response: ApiResponse }> {
  const body = await jsonBody(req);
  if (!body.ok) return body;
  const url = new URL(req.url);
  const query: Record<string, string | undefined> = {};
  url.searchParams.forEach((value, key) => (query[key] = value));
  return {
    ok: true,
    request: { method: req.method.toUpperCase(), path: url.pathname, query, headers: headersOf(req), body: body.value, correlationId },
  };
}

/** An API answer as the Functions host sends it: JSON, or a file's bytes; with the security headers of `kind`. */
export const httpResponseFrom = (
  res: ApiResponse,
  correlationId: string,
  security: SecurityHeaderOptions,
  kind: ResponseKind = 'api',
): HttpResponseInit => {
  if (res.body instanceof Uint8Array)
    return {
      status: res.status,
      body: res.body,
      headers: withSecurityHeaders(kind, security, { 'x-correlation-id': correlationId, ...(res.headers ?? {}) }),
    };
  return {
    status: res.status,
    jsonBody: res.body,
    headers: withSecurityHeaders(kind, security, {
      'content-type': 'application/json; charset=utf-8',
      'x-correlation-id': correlationId,
      ...(res.headers ?? {}),
    }),
  };
};

/** A botbuilder answer that is an error as text (its 401 says "Unauthorized Access…") in the API's problem shape. */
export function botProblem(status: number, sent: unknown): ApiResponse | undefined {
  if (status < 400) return undefined;
  if (typeof sent === 'object' && sent !== null && 'error' in sent) return { status, body: sent }; // already the problem shape (botbuilder-host)
  const message =
    typeof sent === 'string' && sent.trim() !== '' && sent.length < 300 && !sent.includes('\n')
      ? sent
      : status === 401
        ? 'A Bot Framework token is required'
        : 'The activity could not be handled';
  return problem(status, status === 401 ? 'AUTH.BOT_TOKEN_REQUIRED' : status === 400 ? 'INPUT.INVALID' : 'BOT.ERROR', message);
}

/**
 * Runs the bot's `/api/messages` handler (botbuilder's CloudAdapter, which expects Node-style
 * req/res) on a Functions request and collects what it answered; an error is JSON like the API's.
 */
export async function botExchange(
  handle: (req: HostRequest, res: HostResponse) => Promise<void>,
  req: HttpRequest,
  security: SecurityHeaderOptions,
  parsed?: Body,
): Promise<HttpResponseInit> {
  const body = parsed ?? (await jsonBody(req));
  if (!body.ok) return { status: body.response.status, jsonBody: body.response.body, headers: withSecurityHeaders('api', security) };
  let status = 200;
  const headers: Record<string, string> = {};
  let sent: unknown;
  const res: HostResponse = {
    status(code: number) {
      status = code;
      return res;
    },
    header(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
      return res;
    },
    send(b?: unknown) {
      sent = b;
      return res;
    },
    end(...args: unknown[]) {
      if (args[0] !== undefined && typeof args[0] !== 'function') sent = args[0];
      return res;
    },
  };
  await handle({ body: body.value, headers: headersOf(req), method: req.method }, res);
  const failed = botProblem(status, sent);
  if (failed)
    return {
      status,
      jsonBody: failed.body,
      headers: withSecurityHeaders('api', security, { 'content-type': 'application/json; charset=utf-8' }),
    };
  if (sent === undefined) return { status, headers: withSecurityHeaders('api', security, headers) };
  if (typeof sent === 'string' || Buffer.isBuffer(sent))
    return { status, headers: withSecurityHeaders('api', security, headers), body: sent };
  return {
    status,
    headers: withSecurityHeaders('api', security, { 'content-type': 'application/json; charset=utf-8', ...headers }),
    jsonBody: sent,
  };
}

/** The bot activity's body, parsed once (the rate limit reads its sender before botbuilder sees it). */
export const botBody = (req: HttpRequest): Promise<Body> => jsonBody(req);
