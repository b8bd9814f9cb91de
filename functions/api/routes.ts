import { ok, type Route } from './api-types';
import { openApiDocument } from './openapi';
import { TRUST_ROUTES } from './routes/trust.routes';
import { ACADEMY_ROUTES } from './routes/academies.routes';
import { MEETING_ROUTES } from './routes/meetings.routes';
import { ACTION_ROUTES } from './routes/actions.routes';
import { IMPROVEMENT_ROUTES } from './routes/improvement.routes';
import { MY_ROUTES } from './routes/me.routes';
import { SETTINGS_ROUTES } from './routes/settings.routes';
import { BOARD_PACK_ROUTES } from './routes/board-pack.routes';
import { SUPPORT_ROUTES } from './routes/support.routes';
import { ARRANGEMENT_ROUTES } from './routes/arrangements.routes';
import { MONITORING_ROUTES } from './routes/monitoring.routes';

/*
 * The route table: each route names its method and path, its operation (`operationId`, `summary`)
 * and the zod schema its use case validates the body (or query) with, once. The OpenAPI document is
 * generated from this table, and a test checks the two agree. Add a route the same way.
 */

/** Every JSON route the tab and bot use, by concern. Handlers translate between HTTP and the session; rules live in core. */
export const API_ROUTES: readonly Route[] = [
  // The API's own description, generated from this very table.
  {
    method: 'GET',
    pattern: '/api/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This API described as OpenAPI 3.1, generated from the route table',
    handler: async () => ok(openApiDocument(API_ROUTES)),
  },
  ...TRUST_ROUTES,
  ...ACADEMY_ROUTES,
  ...MEETING_ROUTES,
  ...ACTION_ROUTES,
  ...IMPROVEMENT_ROUTES,
  ...SUPPORT_ROUTES,
  ...MONITORING_ROUTES,
  ...MY_ROUTES,
  ...SETTINGS_ROUTES,
  ...BOARD_PACK_ROUTES,
  ...ARRANGEMENT_ROUTES,
];
