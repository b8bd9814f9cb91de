import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { ApiRequest, ApiResponse } from '../api/api-types';
import type { HostRequest, HostResponse } from '../../bot/hosting/botbuilder-host';

/** The API's request size limit, as on the local host: a 4 MB paper arrives base64-encoded in JSON. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

const headersOf = (req: HttpRequest): Record<string, string | undefined> => {
  const out: Record<string, string | undefined> = {};
  req.headers.forEach((value, key) => (out[key.toLowerCase()] = value));
  return out;
};

type Body = { ok: true; value: unknown } | { ok: false; response: ApiResponse };

const refuse = (message: string, status = 400): Body => ({ ok: false, response: { status, body: { error: { code: 'INPUT.INVALID', message, problems: [{ field: '', message }] } } } });

/** The body as JSON, refused with a 400 (not a crash) when it is not JSON or too big. */
async function jsonBody(req: HttpRequest): Promise<Body> {
  if (req.method === 'GET' || req.method === 'HEAD') return { ok: true, value: undefined };
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) return refuse('The request body is too large', 413);
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return refuse('The request body is too large', 413);
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return refuse('The request body is not valid JSON');
  }
}

/** An Azure Functions HTTP request as the API takes it (the same shape the local Express host builds). */
export async function apiRequestFrom(req: HttpRequest, correlationId: string): Promise<{ ok: true; request: ApiRequest } | { ok: false; response: ApiResponse }> {
  const body = await jsonBody(req);
  if (!body.ok) return body;
  const url = new URL(req.url);
  const query: Record<string, string | undefined> = {};
  url.searchParams.forEach((value, key) => (query[key] = value));
  return { ok: true, request: { method: req.method.toUpperCase(), path: url.pathname, query, headers: headersOf(req), body: body.value, correlationId } };
}

export const httpResponseFrom = (res: ApiResponse, correlationId: string): HttpResponseInit => ({
  status: res.status,
  jsonBody: res.body,
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-correlation-id': correlationId, ...(res.headers ?? {}) },
});

/**
 * Runs the bot's `/api/messages` handler (botbuilder's CloudAdapter, which expects Node-style
 * req/res) on a Functions request and collects what it answered.
 */
export async function botExchange(handle: (req: HostRequest, res: HostResponse) => Promise<void>, req: HttpRequest): Promise<HttpResponseInit> {
  const body = await jsonBody(req);
  if (!body.ok) return { status: body.response.status, jsonBody: body.response.body };
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
  if (sent === undefined) return { status, headers };
  if (typeof sent === 'string' || Buffer.isBuffer(sent)) return { status, headers, body: sent };
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, jsonBody: sent };
}
