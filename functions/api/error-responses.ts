import { isConflictError, isEmailTakenError, isForbiddenError, isNotFoundError, isValidationError } from '../../core/domain/errors';
import type { ApiResponse } from './api-types';

const body = (code: string, message: string, extra: Record<string, unknown> = {}) => ({ error: { code, message, ...extra } });

/** Maps a failure to an HTTP status and a sentence a person can act on; anything unknown is a 500 without internals. */
export function errorResponse(e: unknown, correlationId?: string): ApiResponse {
  if (isValidationError(e)) return { status: 400, body: body(e.code, e.message, { problems: e.problems }) };
  if (isForbiddenError(e)) return { status: 403, body: body(e.code, e.message) };
  if (isNotFoundError(e)) return { status: 404, body: body(e.code, e.message) };
  if (isEmailTakenError(e)) return { status: 409, body: body(e.code, e.message, { problems: e.problems }) };
  if (isConflictError(e)) return { status: 409, body: body(e.code, e.message) };
  return { status: 500, body: body('SERVER.ERROR', `Something went wrong on our side; nothing was changed. Quote ${correlationId ?? 'the time'} if you report it.`) };
}

export const unauthorised = (message: string): ApiResponse => ({ status: 401, body: body('AUTH.REQUIRED', message) });
export const notFoundRoute = (method: string, path: string): ApiResponse => ({ status: 404, body: body('ROUTE.NOT_FOUND', `No ${method} ${path}`) });

/** A business rule said no (e.g. moving a meeting onto a bank holiday): 422 with its code and reason. */
export const refused = (code: string, message: string): ApiResponse => ({ status: 422, body: body(code, message) });
