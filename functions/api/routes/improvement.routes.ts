import { escalationMoveBodySchema } from '../../../core/services/escalation.service';
import {
  interventionCreateBodySchema,
  interventionImpactBodySchema,
  interventionReviewBodySchema,
  interventionUpdateBodySchema,
} from '../../../core/services/interventions.service';
import { kpiImportBodySchema } from '../../../core/services/kpi-import.service';
import { kpiDataPointBodySchema, kpiTargetsBodySchema } from '../../../core/services/kpis.service';
import { ok, type Route } from '../api-types';
import { saved, createdOrRefused } from '../route-responses';

/** KPIs, the escalation ladder and interventions. */
export const IMPROVEMENT_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/kpis',
    operationId: 'getTrustKpis',
    summary: 'KPI data points averaged across the academies the viewer may see',
    handler: async ({ session }) => ok(await session.kpis()),
  },
  {
    method: 'PUT',
    pattern: '/api/academies/:id/kpi-targets',
    operationId: 'setKpiTargets',
    summary: 'Record the KPI targets agreed at the meeting the model names (revisions keep their history)',
    body: kpiTargetsBodySchema,
    handler: async ({ session, params, req }) => saved(await session.setKpiTargets(params.id!, req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/academies/:id/kpi-data-points',
    operationId: 'recordKpiDataPoint',
    summary: 'Enter (or correct) one KPI’s value at a data point; below target flags a drop',
    body: kpiDataPointBodySchema,
    handler: async ({ session, params, req }) => saved(await session.recordKpiDataPoint(params.id!, req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/kpi-data-points/import',
    operationId: 'importKpiDataPoints',
    summary:
      'One data point for the whole trust from a CSV or Excel file: a dry run shows each row’s result; bad rows are reported by row, column and value while good ones import',
    body: kpiImportBodySchema,
    handler: async ({ session, req }) => ok(await session.importKpiDataPoints(req.body)),
  },
  {
    method: 'GET',
    pattern: '/api/kpis/schools',
    operationId: 'getKpiSchools',
    summary: 'Each school’s KPI values against its own target, per measure and data point',
    handler: async ({ session }) => ok(await session.kpiSchools()),
  },
  {
    method: 'POST',
    pattern: '/api/academies/:id/escalation',
    operationId: 'moveEscalationStep',
    summary:
      'Move an academy one step up or down the escalation ladder, with the reason; preview first lists the meetings added, moved or dropped',
    body: escalationMoveBodySchema,
    handler: async ({ session, params, req }) => saved(await session.moveEscalationStep(params.id!, req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/academies/:id/interventions',
    operationId: 'createIntervention',
    summary:
      'Agree an intervention: kind, targets, time limit, success criteria, review dates, and who supports it when the kind needs one',
    body: interventionCreateBodySchema,
    creates: true,
    handler: async ({ session, params, req }) => createdOrRefused(await session.createIntervention(params.id!, req.body)),
  },
  {
    method: 'GET',
    pattern: '/api/interventions/:id',
    operationId: 'getIntervention',
    summary: 'One intervention with its reviews and impact',
    handler: async ({ session, params }) => ok(await session.intervention(params.id!)),
  },
  {
    method: 'PATCH',
    pattern: '/api/interventions/:id',
    operationId: 'updateIntervention',
    summary: 'End an intervention early, or extend it, with the reason',
    body: interventionUpdateBodySchema,
    handler: async ({ session, params, req }) => saved(await session.updateIntervention(params.id!, req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/interventions/:id/reviews',
    operationId: 'recordInterventionReview',
    summary: 'Record a review: what it found, and progress against each success criterion',
    body: interventionReviewBodySchema,
    handler: async ({ session, params, req }) => saved(await session.recordInterventionReview(params.id!, req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/interventions/:id/impact',
    operationId: 'judgeInterventionImpact',
    summary: 'Judge impact on outcomes for pupils, not on tasks done',
    body: interventionImpactBodySchema,
    handler: async ({ session, params, req }) => saved(await session.judgeInterventionImpact(params.id!, req.body)),
  },
];
