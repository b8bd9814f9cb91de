import { randomUUID } from 'node:crypto';

/** A response the routes give back before it is written to the wire (or into a `$batch`). */
export interface RouteResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Graph's error body (concepts/errors.md): `{"error":{"code","message","innerError":{"request-id","date"}}}`. */
export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): RouteResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: { error: { code, message, innerError: { 'request-id': randomUUID(), date: new Date().toISOString() } } },
  };
}

export const notFound = (what: string): RouteResponse => graphError(404, 'itemNotFound', `${what} was not found`);
export const badRequest = (message: string): RouteResponse => graphError(400, 'invalidRequest', message);
export const json = (status: number, body: unknown, headers: Record<string, string> = {}): RouteResponse => ({
  status,
  headers: { 'Content-Type': 'application/json', ...headers },
  body,
});
