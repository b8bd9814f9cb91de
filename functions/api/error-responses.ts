import {
  isConflictError,
  isEmailTakenError,
  isForbiddenError,
  isNotFoundError,
  isServiceBusyError,
  isValidationError,
} from '../../core/domain/errors';
import { PAPER_LIMIT_CEILING_MB } from '../../core/domain/paper-limits';
import type { ApiResponse } from './api-types';

const body = (code: string, message: string, extra: Record<string, unknown> = {}) => ({ error: { code, message, ...extra } });

/** Maps a failure to an HTTP status and a sentence a person can act on; anything unknown is a 500 without internals. */
export function errorResponse(e: unknown, correlationId?: string): ApiResponse {
  if (isValidationError(e)) return { status: 400, body: body(e.code, e.message, { problems: e.problems }) };
  if (isForbiddenError(e)) return { status: 403, body: body(e.code, e.message) };
  if (isNotFoundError(e)) return { status: 404, body: body(e.code, e.message) };
  if (isEmailTakenError(e)) return { status: 409, body: body(e.code, e.message, { problems: e.problems }) };
  if (isConflictError(e)) return { status: 409, body: body(e.code, e.message) };
  // SharePoint throttled us for longer than a person should wait: say so, and when to try again (RFC 9110 Retry-After).
  if (isServiceBusyError(e))
    return {
      status: 503,
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(e.retryAfterSeconds))) },
      body: body(e.code, e.message, { retryAfterSeconds: e.retryAfterSeconds }),
    };
  return {
    status: 500,
    body: body(
      'SERVER.ERROR',
      `Something went wrong on our side; nothing was changed. Quote ${correlationId ?? 'the time'} if you report it.`,
    ),
  };
}

export const unauthorised = (message: string): ApiResponse => ({ status: 401, body: body('AUTH.REQUIRED', message) });
export const notFoundRoute = (method: string, path: string): ApiResponse => ({
  status: 404,
  body: body('ROUTE.NOT_FOUND', `No ${method} ${path}`),
});

/** A business rule said no (e.g. moving a meeting onto a bank holiday): 422 with its code and reason. */
export const refused = (code: string, message: string): ApiResponse => ({ status: 422, body: body(code, message) });

/** Any status with the API's problem shape, `{ error: { code, message } }`. */
export const problem = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): ApiResponse => ({
  status,
  body: body(code, message, extra),
});

/** The request body limit both hosts apply: a 4 MB paper arrives base64-encoded in JSON. */
export const MAX_BODY_MB = 6;

/** A paper sent as the file itself (`application/octet-stream`): an Azure Functions HTTP request is at most 100 MB. */
export const MAX_FILE_BODY_MB = PAPER_LIMIT_CEILING_MB;

export const fileTooLarge = (): ApiResponse =>
  problem(
    413,
    'INPUT.TOO_LARGE',
    `The file is over ${MAX_FILE_BODY_MB} MB, the most the app takes; put it in the meeting’s folder directly.`,
  );

export const bodyTooLarge = (): ApiResponse =>
  problem(
    413,
    'INPUT.TOO_LARGE',
    `The request body is over ${MAX_BODY_MB} MB; send a paper over 4 MB as the file itself (PUT …/file, application/octet-stream).`,
  );
export const unsupportedEncoding = (what: string): ApiResponse =>
  problem(415, 'INPUT.UNSUPPORTED_ENCODING', `The request body's ${what} is not supported: send JSON (UTF-8), plain or gzip-compressed.`);
export const notJson = (): ApiResponse =>
  problem(400, 'INPUT.INVALID', 'The request body is not valid JSON', { problems: [{ field: '', message: 'not valid JSON' }] });
export const unreadableBody = (): ApiResponse =>
  problem(400, 'INPUT.UNREADABLE', 'The request body could not be read (a compressed body that is not really gzip?)', {
    problems: [{ field: '', message: 'unreadable body' }],
  });
export const assetNotFound = (path: string): ApiResponse => problem(404, 'ASSET.NOT_FOUND', `No file ${path.slice(0, 200)}`);

/**
 * A failure outside the API's routes (the body parser, a static file, anything thrown in a host) as
 * the same problem shape: a 4xx says what was wrong with the request, anything else is a 500 with
 * the correlation id and never a stack trace or a path on the server.
 */
export function hostErrorResponse(err: unknown, path: string, correlationId?: string): ApiResponse {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    status?: unknown;
    statusCode?: unknown;
    type?: unknown;
    limit?: unknown;
  };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
  const type = typeof e.type === 'string' ? e.type : '';
  // The body parsers say which limit was passed: a file's (application/octet-stream) is larger than JSON's.
  if (status === 413) return typeof e.limit === 'number' && e.limit > MAX_BODY_MB * 1024 * 1024 ? fileTooLarge() : bodyTooLarge();
  if (status === 415) return unsupportedEncoding(type === 'charset.unsupported' ? 'character set' : 'content encoding');
  if (type === 'entity.parse.failed') return notJson();
  if (status === 404) return assetNotFound(path);
  if (status === 400) return unreadableBody();
  if (status >= 400 && status < 500) return problem(status, 'REQUEST.INVALID', 'The request could not be handled as sent.');
  return errorResponse(undefined, correlationId);
}
