import { checkImprovementModel } from '../../core/domain/models/parse-model';
import { ForbiddenError, ValidationError } from '../../core/domain/errors';
import { canAdministerTrust, seesWholeTrust, visibleAcademyIds } from '../../core/domain/permissions';
import { getAcademyStatus, getTrustDashboard } from '../../core/services/academy-status.service';
import { createAction, getAction, listAcademyActions, updateAction } from '../../core/services/actions.service';
import { getMeetingView } from '../../core/services/meeting.service';
import { getMyWork } from '../../core/services/my-work.service';
import { getPlanner, moveMeetingTo, planAcademicYear } from '../../core/services/planner.service';
import { loadTrust } from '../../core/services/service-context';
import { allPages, collect } from '../../core/ports/record-store.port';
import { ok, type Route } from './api-types';
import { refused } from './error-responses';
import { academyListItem, personListItem } from './response-mappers';
import { academyAdminItem, personAdminItem } from './admin-mappers';
import { getAcademyDetail } from '../../core/services/academy-detail.service';
import { getTrustKpis } from '../../core/services/trust-kpis.service';
import { approveMeetingNotes, recordMeetingApologies, recordMeetingAttendance, recordMeetingJudgement, submitMeetingPaper, writeMeetingNotes } from '../../core/services/meeting-record.service';
import { decidePaperExtension, requestPaperExtension } from '../../core/services/paper-extensions.service';
import { createPerson, updateAcademy, updatePerson } from '../../core/services/trust-admin.service';
import type { Outcome } from '../../core/domain/outcome';
import type { ApiResponse } from './api-types';
import { DELIVERY_ROUTES } from './delivery-routes';
import { IMPORT_ROUTES } from './import-routes';

/** A use case's outcome as a response: 200 with the record, or 422 with the rule's reason. */
const saved = <T extends object>(outcome: Outcome<T, string>): ApiResponse => {
  if (!outcome.ok) return refused(outcome.code, outcome.message);
  const { ok: _ok, ...rest } = outcome;
  return ok(rest);
};

const requireAdmin = (viewer: Parameters<typeof canAdministerTrust>[0]): void => {
  if (!canAdministerTrust(viewer)) throw new ForbiddenError('Only the trust administrator or the CEO can see the trust settings.');
};

/** Every JSON route the tab and bot use. Handlers translate; rules live in core. */
export const API_ROUTES: readonly Route[] = [
  { method: 'GET', pattern: '/api/me', handler: async ({ viewer }) => ok(personListItem(viewer)) },
  {
    method: 'GET',
    pattern: '/api/dashboard',
    handler: async ({ deps, viewer }) => ok(await getTrustDashboard(deps, viewer)),
  },
  {
    method: 'GET',
    pattern: '/api/academies',
    handler: async ({ deps, viewer }) => {
      const all = await collect(allPages((p) => deps.store.academies.list({}, p)));
      const visible = new Set(visibleAcademyIds(viewer, all.map((a) => a.id)));
      return ok({ academies: all.filter((a) => visible.has(a.id)).map(academyListItem) });
    },
  },
  { method: 'GET', pattern: '/api/academies/:id', handler: async ({ deps, viewer, params }) => ok(await getAcademyStatus(deps, viewer, params.id!)) },
  {
    method: 'GET',
    pattern: '/api/academies/:id/actions',
    handler: async ({ deps, viewer, params, req }) => ok(await listAcademyActions(deps, viewer, params.id!, req.query.cursor)),
  },
  {
    method: 'GET',
    pattern: '/api/people',
    handler: async ({ deps, viewer }) => {
      const people = await collect(allPages((p) => deps.store.people.list({}, p)));
      const mine = new Set(viewer.roles.map((r) => r.academyId).filter(Boolean));
      // A head sees the trust's staff and the people of their own academy, not other schools' governors.
      const visible = seesWholeTrust(viewer) ? people : people.filter((p) => p.roles.some((r) => r.academyId === undefined || mine.has(r.academyId)));
      return ok({ people: visible.map(personListItem) });
    },
  },
  { method: 'GET', pattern: '/api/planner', handler: async ({ deps, viewer, req }) => ok(await getPlanner(deps, viewer, req.query.year)) },
  { method: 'POST', pattern: '/api/planner/plan', handler: async ({ deps, viewer, req }) => ok(await planAcademicYear(deps, viewer, req.body)) },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/move',
    handler: async ({ deps, viewer, params, req }) => {
      const outcome = await moveMeetingTo(deps, viewer, params.id!, req.body);
      return outcome.ok ? ok({ meeting: outcome.meeting }) : refused(outcome.code, outcome.message);
    },
  },
  { method: 'GET', pattern: '/api/academies/:id/detail', handler: async ({ deps, viewer, params }) => ok(await getAcademyDetail(deps, viewer, params.id!)) },
  { method: 'GET', pattern: '/api/kpis', handler: async ({ deps, viewer }) => ok(await getTrustKpis(deps, viewer)) },
  { method: 'POST', pattern: '/api/meetings/:id/judgements', handler: async ({ deps, viewer, params, req }) => saved(await recordMeetingJudgement(deps, viewer, params.id!, req.body)) },
  { method: 'PUT', pattern: '/api/meetings/:id/notes', handler: async ({ deps, viewer, params, req }) => saved(await writeMeetingNotes(deps, viewer, params.id!, req.body)) },
  { method: 'POST', pattern: '/api/meetings/:id/notes/approval', handler: async ({ deps, viewer, params, req }) => saved(await approveMeetingNotes(deps, viewer, params.id!, req.body)) },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/papers/:requirementId/submit',
    handler: async ({ deps, viewer, params, req }) => saved(await submitMeetingPaper(deps, viewer, params.id!, params.requirementId!, req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/papers/:requirementId/extension',
    handler: async ({ deps, viewer, params, req }) => saved(await requestPaperExtension(deps, viewer, params.id!, params.requirementId!, req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/papers/:requirementId/extension/decision',
    handler: async ({ deps, viewer, params, req }) => saved(await decidePaperExtension(deps, viewer, params.id!, params.requirementId!, req.body)),
  },
  { method: 'POST', pattern: '/api/meetings/:id/attendance', handler: async ({ deps, viewer, params, req }) => saved(await recordMeetingAttendance(deps, viewer, params.id!, req.body)) },
  { method: 'POST', pattern: '/api/meetings/:id/apologies', handler: async ({ deps, viewer, params, req }) => saved(await recordMeetingApologies(deps, viewer, params.id!, req.body)) },
  {
    method: 'GET',
    pattern: '/api/admin/academies',
    handler: async ({ deps, viewer }) => {
      requireAdmin(viewer);
      return ok({ academies: (await collect(allPages((p) => deps.store.academies.list({}, p)))).map(academyAdminItem) });
    },
  },
  { method: 'PATCH', pattern: '/api/admin/academies/:id', handler: async ({ deps, viewer, params, req }) => ok({ academy: academyAdminItem(await updateAcademy(deps, viewer, params.id!, req.body)) }) },
  {
    method: 'GET',
    pattern: '/api/admin/people',
    handler: async ({ deps, viewer }) => {
      requireAdmin(viewer);
      return ok({ people: (await collect(allPages((p) => deps.store.people.list({}, p)))).map(personAdminItem) });
    },
  },
  {
    method: 'POST',
    pattern: '/api/admin/people',
    handler: async ({ deps, viewer, req }) => {
      const { person, created } = await createPerson(deps, viewer, req.body);
      return { status: created ? 201 : 200, body: { person: personAdminItem(person), created } };
    },
  },
  { method: 'PATCH', pattern: '/api/admin/people/:id', handler: async ({ deps, viewer, params, req }) => ok({ person: personAdminItem(await updatePerson(deps, viewer, params.id!, req.body)) }) },
  { method: 'GET', pattern: '/api/meetings/:id', handler: async ({ deps, viewer, params }) => ok(await getMeetingView(deps, viewer, params.id!)) },
  { method: 'GET', pattern: '/api/my-work', handler: async ({ deps, viewer }) => ok(await getMyWork(deps, viewer)) },
  {
    method: 'POST',
    pattern: '/api/actions',
    handler: async ({ deps, viewer, req }) => {
      const { action, created } = await createAction(deps, viewer, req.body);
      return { status: created ? 201 : 200, body: { action, created } };
    },
  },
  { method: 'GET', pattern: '/api/actions/:id', handler: async ({ deps, viewer, params }) => ok(await getAction(deps, viewer, params.id!)) },
  {
    method: 'PATCH',
    pattern: '/api/actions/:id',
    handler: async ({ deps, viewer, params, req }) => {
      const outcome = await updateAction(deps, viewer, params.id!, req.body);
      return outcome.ok ? ok({ action: outcome.action }) : refused(outcome.code, outcome.message);
    },
  },
  {
    method: 'GET',
    pattern: '/api/model',
    handler: async ({ deps }) => {
      const trust = await loadTrust(deps);
      return ok({ model: trust.model, version: trust.settings.version });
    },
  },
  {
    method: 'PUT',
    pattern: '/api/model',
    handler: async ({ deps, viewer, req }) => {
      if (!canAdministerTrust(viewer)) throw new ForbiddenError('Only the trust administrator or the CEO can change the improvement model.');
      const body = (req.body ?? {}) as { model?: unknown; version?: unknown };
      if (typeof body.version !== 'string') throw new ValidationError([{ field: 'version', message: 'send the version you edited' }], 'model');
      const check = checkImprovementModel(body.model);
      if (!check.ok) throw new ValidationError(check.problems.map((p) => ({ ...p, field: p.field ? `model.${p.field}` : 'model' })), 'improvement model');
      const trust = await loadTrust(deps);
      const saved = await deps.store.trust.save({ ...trust.settings, model: check.model, version: body.version });
      return ok({ model: saved.model, version: saved.version });
    },
  },
  ...DELIVERY_ROUTES,
  ...IMPORT_ROUTES,
];
