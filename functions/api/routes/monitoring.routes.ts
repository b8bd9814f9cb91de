import { monitoringVisitBodySchema, submitVisitBodySchema } from '../../../core/services/monitoring-visits.service';
import { ok, type Route } from '../api-types';
import { createdOrRefused, saved } from '../route-responses';

/** QA and monitoring visits: the form saved as a draft, submitted later, listed for an academy and offered to its meetings. */
export const MONITORING_ROUTES: readonly Route[] = [
  {
    method: 'POST',
    pattern: '/api/monitoring-visits',
    operationId: 'recordMonitoringVisit',
    summary:
      'Save a monitoring visit’s form as a draft: a new one (the same client key twice creates it once), or the observer’s draft changed (visitId and version)',
    body: monitoringVisitBodySchema,
    creates: true,
    handler: async ({ session, req }) => createdOrRefused(await session.recordMonitoringVisit(req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/monitoring-visits/:id/submission',
    operationId: 'submitMonitoringVisit',
    summary: 'Submit the observer’s draft once the form is complete: focus, what went well and even better if',
    body: submitVisitBodySchema,
    handler: async ({ session, params, req }) => saved(await session.submitMonitoringVisit(params.id!, req.body)),
  },
  {
    method: 'GET',
    pattern: '/api/monitoring-visits/:id',
    operationId: 'getMonitoringVisit',
    summary: 'One monitoring visit: a submitted one, or the viewer’s own draft',
    handler: async ({ session, params }) => ok(await session.monitoringVisit(params.id!)),
  },
  {
    method: 'GET',
    pattern: '/api/academies/:id/monitoring-visits',
    operationId: 'listAcademyMonitoringVisits',
    summary: 'An academy’s monitoring visits, newest first: the submitted ones and the viewer’s own drafts',
    handler: async ({ session, params }) => ok(await session.academyVisits(params.id!)),
  },
  {
    method: 'GET',
    pattern: '/api/meetings/:id/monitoring-visits',
    operationId: 'listMeetingMonitoringVisits',
    summary: 'The submitted visits a meeting may cite as evidence for its judgements, those linked to it first',
    handler: async ({ session, params }) => ok(await session.meetingVisits(params.id!)),
  },
];
