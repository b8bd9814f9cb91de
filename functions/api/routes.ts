import type { Outcome } from '../../core/domain/outcome';
import { ok, type ApiResponse, type Route } from './api-types';
import { refused } from './error-responses';

/** A use case's outcome as a response: 200 with the record, or 422 with the rule's reason. */
const saved = <T extends object>(outcome: Outcome<T, string>): ApiResponse => {
  if (!outcome.ok) return refused(outcome.code, outcome.message);
  const { ok: _ok, ...rest } = outcome;
  return ok(rest);
};

/** 201 when the request created the record, 200 when the same client key had already created it. */
const createdOr200 = (created: boolean, body: unknown): ApiResponse => ({ status: created ? 201 : 200, body });

const DELIVERY_UNAVAILABLE: ApiResponse = { status: 503, body: { error: { code: 'DELIVERY.UNAVAILABLE', message: 'Reminder deliveries are not recorded on this host (no queue storage is running).' } } };

/** Every JSON route the tab and bot use. Handlers translate between HTTP and the session; rules live in core. */
export const API_ROUTES: readonly Route[] = [
  { method: 'GET', pattern: '/api/me', handler: async ({ session }) => ok(session.me()) },
  { method: 'GET', pattern: '/api/dashboard', handler: async ({ session }) => ok(await session.dashboard()) },
  { method: 'GET', pattern: '/api/academies', handler: async ({ session }) => ok(await session.academies()) },
  { method: 'GET', pattern: '/api/academies/:id', handler: async ({ session, params }) => ok(await session.academyStatus(params.id!)) },
  { method: 'GET', pattern: '/api/academies/:id/detail', handler: async ({ session, params }) => ok(await session.academyDetail(params.id!)) },
  { method: 'GET', pattern: '/api/academies/:id/actions', handler: async ({ session, params, req }) => ok(await session.academyActions(params.id!, req.query.cursor)) },
  { method: 'GET', pattern: '/api/people', handler: async ({ session }) => ok(await session.people()) },
  { method: 'GET', pattern: '/api/kpis', handler: async ({ session }) => ok(await session.kpis()) },
  { method: 'GET', pattern: '/api/planner', handler: async ({ session, req }) => ok(await session.planner(req.query.year)) },
  { method: 'POST', pattern: '/api/planner/plan', handler: async ({ session, req }) => ok(await session.planYear(req.body)) },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/move',
    handler: async ({ session, params, req }) => {
      const outcome = await session.moveMeeting(params.id!, req.body);
      return outcome.ok ? ok({ meeting: outcome.meeting }) : refused(outcome.code, outcome.message);
    },
  },
  { method: 'GET', pattern: '/api/meetings/:id', handler: async ({ session, params }) => ok(await session.meeting(params.id!)) },
  { method: 'POST', pattern: '/api/meetings/:id/judgements', handler: async ({ session, params, req }) => saved(await session.recordJudgement(params.id!, req.body)) },
  { method: 'PUT', pattern: '/api/meetings/:id/notes', handler: async ({ session, params, req }) => saved(await session.writeNotes(params.id!, req.body)) },
  { method: 'POST', pattern: '/api/meetings/:id/notes/approval', handler: async ({ session, params, req }) => saved(await session.approveNotes(params.id!, req.body)) },
  { method: 'POST', pattern: '/api/meetings/:id/papers/:requirementId/submit', handler: async ({ session, params, req }) => saved(await session.submitPaper(params.id!, params.requirementId!, req.body)) },
  { method: 'POST', pattern: '/api/meetings/:id/papers/:requirementId/extension', handler: async ({ session, params, req }) => saved(await session.requestExtension(params.id!, params.requirementId!, req.body)) },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/papers/:requirementId/extension/decision',
    handler: async ({ session, params, req }) => saved(await session.decideExtension(params.id!, params.requirementId!, req.body)),
  },
  { method: 'POST', pattern: '/api/meetings/:id/attendance', handler: async ({ session, params, req }) => saved(await session.recordAttendance(params.id!, req.body)) },
  { method: 'POST', pattern: '/api/meetings/:id/apologies', handler: async ({ session, params, req }) => saved(await session.recordApologies(params.id!, req.body)) },
  { method: 'GET', pattern: '/api/my-work', handler: async ({ session }) => ok(await session.myWork()) },
  {
    method: 'POST',
    pattern: '/api/actions',
    handler: async ({ session, req }) => {
      const { action, created } = await session.createAction(req.body);
      return createdOr200(created, { action, created });
    },
  },
  { method: 'GET', pattern: '/api/actions/:id', handler: async ({ session, params }) => ok(await session.action(params.id!)) },
  {
    method: 'PATCH',
    pattern: '/api/actions/:id',
    handler: async ({ session, params, req }) => {
      const outcome = await session.updateAction(params.id!, req.body);
      return outcome.ok ? ok({ action: outcome.action }) : refused(outcome.code, outcome.message);
    },
  },
  { method: 'GET', pattern: '/api/model', handler: async ({ session }) => ok(await session.model()) },
  { method: 'PUT', pattern: '/api/model', handler: async ({ session, req }) => ok(await session.saveModel(req.body)) },
  { method: 'GET', pattern: '/api/admin/academies', handler: async ({ session }) => ok(await session.adminAcademies()) },
  { method: 'PATCH', pattern: '/api/admin/academies/:id', handler: async ({ session, params, req }) => ok({ academy: await session.updateAcademy(params.id!, req.body) }) },
  { method: 'GET', pattern: '/api/admin/people', handler: async ({ session }) => ok(await session.adminPeople()) },
  {
    method: 'POST',
    pattern: '/api/admin/people',
    handler: async ({ session, req }) => {
      const { person, created } = await session.createPerson(req.body);
      return createdOr200(created, { person, created });
    },
  },
  { method: 'PATCH', pattern: '/api/admin/people/:id', handler: async ({ session, params, req }) => ok({ person: await session.updatePerson(params.id!, req.body) }) },
  { method: 'POST', pattern: '/api/admin/import', handler: async ({ session, req }) => ok(await session.importCsv(req.body)) },
  {
    method: 'GET',
    pattern: '/api/admin/deliveries',
    handler: async ({ session, req }) => {
      const deliveries = session.deliveries();
      return deliveries ? ok(await deliveries.list(req.query.status)) : DELIVERY_UNAVAILABLE;
    },
  },
  {
    method: 'POST',
    pattern: '/api/admin/deliveries/:key/retry',
    handler: async ({ session, params }) => {
      const deliveries = session.deliveries();
      if (!deliveries) return DELIVERY_UNAVAILABLE;
      const out = await deliveries.retry(params.key!);
      if (!out.ok) return out.code === 'DELIVERY.NOT_FOUND' ? { status: 404, body: { error: { code: out.code, message: out.message } } } : refused(out.code, out.message);
      return ok({ delivery: out.delivery, requeued: out.requeued });
    },
  },
  { method: 'GET', pattern: '/api/history/:kind/:id', handler: async ({ session, params, req }) => ok(await session.history(params.kind!, params.id!, req.query.cursor)) },
  { method: 'GET', pattern: '/api/meetings/:id/papers/folder', handler: async ({ session, params }) => ok(await session.papersFolder(params.id!)) },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/papers/:requirementId/file',
    handler: async ({ session, params, req }) => {
      const out = await session.uploadPaper(params.id!, params.requirementId!, req.body);
      return out.ok ? { status: 201, body: { meeting: out.meeting, file: out.file } } : refused(out.code, out.message);
    },
  },
];
