import { z } from 'zod';
import type { Route } from './api-types';

/*
 * The API described as OpenAPI 3.1, generated from the route table and the zod schemas the use
 * cases validate with. zod 4's own `z.toJSONSchema` writes JSON Schema draft 2020-12, which is the
 * schema dialect OpenAPI 3.1 uses (OpenAPI 3.1.0 §4.8.24), so no converter library sits between the
 * validation and the document. `io: 'input'` describes what a caller sends (a field with a default
 * is optional to send); refinements a schema cannot express are left out, and the 400 says them.
 */

type JsonSchema = Record<string, unknown>;

/** A schema as the document embeds it: without the `$schema` line each standalone schema carries. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

/** "/api/academies/:id" → "/api/academies/{id}", and the names of its path parameters. */
export function openApiPath(pattern: string): { path: string; params: string[] } {
  const params: string[] = [];
  const path = pattern.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_m, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path, params };
}

const PROBLEM: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable and namespaced, e.g. INPUT.INVALID, ACTION.DUE_IN_HOLIDAYS' },
        message: { type: 'string', description: 'A sentence the person can act on' },
        problems: {
          type: 'array',
          description: 'For a 400: each bad field, by its key path (where the tab shows the message) and its label as a person reads it',
          items: {
            type: 'object',
            required: ['field', 'message'],
            properties: { field: { type: 'string' }, label: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

const problem = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The responses an operation may give: its success, and the failures its shape allows. */
function responsesOf(route: Route, body: JsonSchema | undefined) {
  const json = { 'application/json': { schema: { type: 'object' } } };
  const out: Record<string, unknown> = {
    '200': route.file
      ? {
          description: 'The file, as an attachment',
          content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
        }
      : { description: route.creates ? 'Already created by an earlier request with the same client key' : 'OK', content: json },
  };
  if (route.creates) out['201'] = { description: 'Created', content: json };
  if (route.body || route.query) out['400'] = problem('A field is missing or wrong: each is named by its key and its label');
  if (route.fileBody) {
    out['413'] = problem('The file is over the most the app takes in one request');
  }
  out['401'] = problem('Not signed in');
  out['403'] = problem('The viewer’s roles do not allow it');
  out['404'] = problem('No such record, or not one the viewer may see');
  const properties = (body?.properties ?? {}) as Record<string, unknown>;
  if ('version' in properties || JSON.stringify(body ?? {}).includes('"version"'))
    out['409'] = problem('Someone else changed the record since it was read: reload, then try again');
  if (route.method !== 'GET') out['422'] = problem('A rule of the trust’s model refused it; the message says why and what to do');
  return out;
}

/** The OpenAPI 3.1 document of these routes: one operation per route, each with its `operationId`. */
export function buildOpenApiDocument(routes: readonly Route[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const { path, params } = openApiPath(route.pattern);
    const body = route.body ? jsonSchemaOf(route.body) : undefined;
    const query = route.query ? jsonSchemaOf(route.query) : undefined;
    const queryProps = (query?.properties ?? {}) as Record<string, JsonSchema>;
    const requiredQuery = new Set((query?.required as string[] | undefined) ?? []);
    const parameters = [
      ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries(queryProps).map(([name, schema]) => ({
        name,
        in: 'query',
        required: requiredQuery.has(name),
        ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
        schema,
      })),
    ];
    (paths[path] ??= {})[route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.pattern.split('/')[2] ?? 'api'],
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
      ...(route.fileBody
        ? {
            requestBody: {
              required: true,
              content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
            },
          }
        : {}),
      responses: responsesOf(route, body),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Trust school improvement API',
      version: '1',
      description:
        'The JSON API behind the Teams tab and bot: every request runs as the signed-in person (Teams SSO), is checked against their roles, and every write is audited.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ teamsSso: [] }],
    components: {
      securitySchemes: {
        teamsSso: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'The Teams SSO token from authentication.getAuthToken (locally, the dev identity).',
        },
      },
      schemas: { Problem: PROBLEM },
    },
    paths,
  };
}

let cached: { routes: readonly Route[]; doc: ReturnType<typeof buildOpenApiDocument> } | undefined;

/** The document for a route table, built once: the routes never change while the host runs. */
export function openApiDocument(routes: readonly Route[]) {
  if (cached?.routes !== routes) cached = { routes, doc: buildOpenApiDocument(routes) };
  return cached.doc;
}
