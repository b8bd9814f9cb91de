import { recordInspectionBodySchema, setSelfEvaluationBodySchema } from '../../../core/services/inspections.service';
import { ok, type Route } from '../api-types';
import { saved } from '../route-responses';

/** One academy: its status and detail, its inspections and self-evaluation, its improvement overview. */
export const ACADEMY_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/academies/:id',
    operationId: 'getAcademyStatus',
    summary: 'One academy’s status',
    handler: async ({ session, params }) => ok(await session.academyStatus(params.id!)),
  },
  {
    method: 'GET',
    pattern: '/api/academies/:id/detail',
    operationId: 'getAcademyDetail',
    summary: 'The academy page: status, meetings, actions, KPIs, interventions, escalation and support days',
    handler: async ({ session, params }) => ok(await session.academyDetail(params.id!)),
  },
  {
    method: 'GET',
    pattern: '/api/academies/:id/improvement',
    operationId: 'getAcademyImprovement',
    summary: 'An academy’s KPIs against target, interventions and escalation ladder, with what the viewer may do',
    handler: async ({ session, params }) => ok(await session.academyImprovement(params.id!)),
  },
  // Ofsted inspections: single-word grades and report cards, and the academy's own view beside them (issue 17).
  {
    method: 'GET',
    pattern: '/api/academies/:id/inspections',
    operationId: 'getInspections',
    summary:
      'An academy’s inspection history (grades and report cards), its self-evaluation beside its latest report card, and why it has the meetings it has',
    handler: async ({ session, params }) => ok(await session.inspections(params.id!)),
  },
  {
    method: 'POST',
    pattern: '/api/academies/:id/inspections',
    operationId: 'recordInspection',
    summary: 'Record an Ofsted inspection: a single-word grade before 10 November 2025, a report card since',
    body: recordInspectionBodySchema,
    handler: async ({ session, params, req }) => saved(await session.recordInspection(params.id!, req.body)),
  },
  {
    method: 'PUT',
    pattern: '/api/academies/:id/self-evaluation',
    operationId: 'setSelfEvaluation',
    summary: 'Set the academy’s self-evaluation, area by area on the report card’s scale, at the meeting the model names',
    body: setSelfEvaluationBodySchema,
    handler: async ({ session, params, req }) => saved(await session.setSelfEvaluation(params.id!, req.body)),
  },
];
