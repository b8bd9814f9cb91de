import { ok, type Route } from '../api-types';
import { cursorQuery } from '../route-queries';

/** The trust as a whole: the dashboard, academies and people one may see, a record’s history. */
export const TRUST_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/dashboard',
    operationId: 'getDashboard',
    summary:
      'Every academy the viewer may see: RAG with reasons (each linking to its fix), next meeting, actions, KPI drops, escalation, support',
    handler: async ({ session }) => ok(await session.dashboard()),
  },
  {
    method: 'GET',
    pattern: '/api/academies',
    operationId: 'listAcademies',
    summary: 'The academies the viewer may see',
    handler: async ({ session }) => ok(await session.academies()),
  },
  {
    method: 'GET',
    pattern: '/api/people',
    operationId: 'listPeople',
    summary: 'The people the viewer may see',
    handler: async ({ session }) => ok(await session.people()),
  },
  {
    method: 'GET',
    pattern: '/api/history/:kind/:id',
    operationId: 'getRecordHistory',
    summary: 'A record’s audit trail: who changed which fields from what to what, newest first',
    query: cursorQuery,
    handler: async ({ session, params, req }) => ok(await session.history(params.kind!, params.id!, req.query.cursor)),
  },
];
