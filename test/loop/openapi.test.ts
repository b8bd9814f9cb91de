import Ajv2020 from 'ajv/dist/2020';
import { actionUpdateBodySchema, newActionBodySchema } from '../../core/services/actions.service';
import { kpiImportBodySchema } from '../../core/services/kpi-import.service';
import { buildOpenApiDocument, jsonSchemaOf, openApiPath } from '../../functions/api/openapi';
import { API_ROUTES } from '../../functions/api/routes';
import { startLocalStack, type RunningStack } from '../e2e/local-stack';

/** The OpenAPI document and the route table agree: every route is an operation, and every operation a route. */
const doc = buildOpenApiDocument(API_ROUTES);
type Operation = {
  operationId: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: { 'application/json': { schema: Record<string, unknown> } } };
  responses: Record<string, unknown>;
};
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op: op as Operation })),
);

let stack: RunningStack;
beforeAll(async () => {
  stack = await startLocalStack('2026-11-23T10:00:00Z');
});
afterAll(async () => stack?.stop());

describe('GET /api/openapi.json', () => {
  it('is served as OpenAPI 3.1 to a signed-in person, and not to anyone else', async () => {
    const res = await stack.call('GET', '/api/openapi.json', { as: 'head-oakfield' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ openapi: '3.1.0', jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema' });
    expect(Object.keys(res.body.paths).length).toBe(Object.keys(doc.paths).length);
    expect((await stack.call('GET', '/api/openapi.json')).status).toBe(401);
  });

  it('has an operation for every route and a route for every operation, each with a unique operationId', () => {
    const routes = API_ROUTES.map((r) => `${r.method} ${openApiPath(r.pattern).path} ${r.operationId}`).sort();
    expect(operations.map((o) => `${o.method} ${o.path} ${o.op.operationId}`).sort()).toEqual(routes);
    const ids = API_ROUTES.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z][A-Za-z0-9]+$/.test(id))).toEqual([]);
  });

  it('names the operations of closing the loop as agreed', () => {
    const ids = new Set(API_ROUTES.map((r) => r.operationId));
    for (const id of [
      'updateActionProgress',
      'editAction',
      'withdrawAction',
      'setKpiTargets',
      'recordKpiDataPoint',
      'importKpiDataPoints',
      'reviewKpiDrop',
      'moveEscalationStep',
      'createIntervention',
      'updateIntervention',
      'recordInterventionReview',
      'judgeInterventionImpact',
      'generateBoardPack',
      'listBoardPacks',
      'bookSupportDay',
      'cancelSupportDay',
      'setImprovementBudget',
      'recordMonitoringVisit',
      'submitMonitoringVisit',
      'setAcademyArrangements',
      'previewAcademyArrangements',
      'agreeMeetingFocus',
    ]) {
      expect([id, ids.has(id)]).toEqual([id, true]);
    }
  });

  it('declares every path parameter, and describes each body with the schema its use case validates with', () => {
    for (const r of API_ROUTES) {
      const { path, params } = openApiPath(r.pattern);
      const op = (doc.paths[path] as Record<string, Operation>)[r.method.toLowerCase()]!;
      expect([r.operationId, (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name)]).toEqual([r.operationId, params]);
      if (r.body) expect(op.requestBody!.content['application/json'].schema).toEqual(jsonSchemaOf(r.body));
      // A file sent as itself: raw bytes, described as OpenAPI 3.1 describes binary (a string of that media type), not as JSON.
      else if (r.fileBody)
        expect([r.operationId, op.requestBody]).toEqual([
          r.operationId,
          {
            required: true,
            content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
          },
        ]);
      else expect([r.operationId, op.requestBody]).toEqual([r.operationId, undefined]);
    }
    // The route table holds the use case's own schema objects, not copies.
    expect(API_ROUTES.find((r) => r.operationId === 'updateActionProgress')!.body).toBe(actionUpdateBodySchema);
    expect(API_ROUTES.find((r) => r.operationId === 'createAction')!.body).toBe(newActionBodySchema);
    expect(API_ROUTES.find((r) => r.operationId === 'importKpiDataPoints')!.body).toBe(kpiImportBodySchema);
  });

  it('describes every body and query with a valid JSON Schema 2020-12 (OpenAPI 3.1’s dialect) that accepts a good request', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    for (const r of API_ROUTES) {
      for (const schema of [r.body, r.query])
        if (schema) expect([r.operationId, ajv.validateSchema(jsonSchemaOf(schema))]).toEqual([r.operationId, true]);
    }
    const progress = ajv.compile(jsonSchemaOf(actionUpdateBodySchema));
    expect(progress({ status: 'done', note: 'Shared with governors', version: '3' })).toBe(true);
    expect(progress({ status: 'finished', version: '3' })).toBe(false);
  });

  it('titles fields as a person reads them, and says which requests answer 409 on a stale version', () => {
    const op = (doc.paths['/api/actions/{id}'] as Record<string, Operation>).patch!;
    const schema = op.requestBody!.content['application/json'].schema as { properties: Record<string, { title?: string }> };
    expect(schema.properties.note!.title).toBe('Progress note');
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '422']);
    expect(Object.keys((doc.paths['/api/dashboard'] as Record<string, Operation>).get!.responses).sort()).toEqual([
      '200',
      '401',
      '403',
      '404',
    ]);
  });

  it('rejects an empty body on every write route that takes one with a 400 naming only fields the document describes', async () => {
    const mismatched: string[] = [];
    for (const r of API_ROUTES.filter((x) => x.body && x.method !== 'GET')) {
      const path = r.pattern.replace(/:([A-Za-z]+)/g, 'x');
      const res = await stack.call(r.method, path.replace('/api/academies/x', '/api/academies/oakfield'), { as: 'ceo', body: {} });
      if (res.status !== 400) continue; // a 404 for the made-up id, or a 403 checked before the body
      const schema = jsonSchemaOf(r.body!) as {
        properties?: Record<string, unknown>;
        oneOf?: { properties: Record<string, unknown> }[];
        anyOf?: { properties: Record<string, unknown> }[];
      };
      const known = new Set([
        ...Object.keys(schema.properties ?? {}),
        ...[...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].flatMap((o) => Object.keys(o.properties ?? {})),
      ]);
      for (const p of res.body.error.problems as { field: string }[])
        if (p.field && !known.has(p.field.split('.')[0]!)) mismatched.push(`${r.operationId}: ${p.field}`);
    }
    expect(mismatched).toEqual([]);
  });
});
