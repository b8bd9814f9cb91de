import type { ZodObject, ZodType } from 'zod';
import type { Person } from '../../core/domain/people';
import type { Session } from '../../core/services/session';

/** A request as any host (the local Express host, an Azure Function) hands it to the API. */
export interface ApiRequest {
  method: string;
  /** Path without the query string, e.g. "/api/academies/oak". */
  path: string;
  query: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
  body: unknown;
  correlationId?: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Who is calling: the SSO token's person in production, the dev identity locally; undefined = not signed in. */
export type Identify = (req: ApiRequest) => Promise<Person | undefined>;

/** One request as a route sees it: the signed-in person's session, the path's parameters, the request. */
export interface ApiContext {
  session: Session;
  params: Record<string, string>;
  req: ApiRequest;
}

export type RouteHandler = (ctx: ApiContext) => Promise<ApiResponse>;

/** 200 with a JSON body. */
export const ok = (body: unknown): ApiResponse => ({ status: 200, body });

/**
 * One route of the API, and everything the OpenAPI document (`GET /api/openapi.json`) says about it,
 * named once here: the document is generated from this table, so it cannot drift from the routes.
 */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** e.g. "/api/academies/:id" */
  pattern: string;
  /** The operation's name in the document: unique, lower camel case ("updateActionProgress"). */
  operationId: string;
  /** One line a person reads in the document. */
  summary: string;
  /** The zod schema the use case validates the JSON body with (the same object), when the route takes a body. */
  body?: ZodType;
  /** The query string's parameters, when the route reads any. */
  query?: ZodObject;
  /** Answers 201 when the request created the record, 200 when the same client key had already. */
  creates?: boolean;
  /** Answers a file (a paper download), not JSON. */
  file?: boolean;
  /** Takes a file as the request body (`application/octet-stream`, read as bytes by both hosts), not JSON. */
  fileBody?: boolean;
  handler: RouteHandler;
}
