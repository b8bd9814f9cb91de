import { paperLimitBodySchema } from '../../../core/services/paper-limit.service';
import { importBodySchema } from '../../../core/services/onboarding-import-report';
import { academyUpdateBodySchema, personCreateBodySchema, personUpdateBodySchema } from '../../../core/services/trust-admin.service';
import {
  addClosureBodySchema,
  importTermDatesBodySchema,
  removeClosureBodySchema,
  updateTermDatesBodySchema,
} from '../../../core/services/term-dates.service';
import { ok, type Route } from '../api-types';
import { refused } from '../error-responses';
import { createdOr200, DELIVERY_UNAVAILABLE } from '../route-responses';
import { deliveryQuery, modelBody } from '../route-queries';

/** The trust’s settings (trust admin and CEO): the improvement model, academies, people, imports, deliveries, term dates and closures. */
export const SETTINGS_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/model',
    operationId: 'getModel',
    summary: 'The trust’s improvement model',
    handler: async ({ session }) => ok(await session.model()),
  },
  {
    method: 'PUT',
    pattern: '/api/model',
    operationId: 'saveModel',
    summary: 'Save the improvement model (trust admin or CEO); refused naming each bad field',
    body: modelBody,
    handler: async ({ session, req }) => ok(await session.saveModel(req.body)),
  },
  {
    method: 'GET',
    pattern: '/api/admin/academies',
    operationId: 'listAdminAcademies',
    summary: 'Academies as the trust admin edits them',
    handler: async ({ session }) => ok(await session.adminAcademies()),
  },
  {
    method: 'PATCH',
    pattern: '/api/admin/academies/:id',
    operationId: 'updateAcademy',
    summary: 'Change an academy’s stage, Ofsted grade and the like',
    body: academyUpdateBodySchema,
    handler: async ({ session, params, req }) => ok({ academy: await session.updateAcademy(params.id!, req.body) }),
  },
  {
    method: 'GET',
    pattern: '/api/admin/people',
    operationId: 'listAdminPeople',
    summary: 'People as the trust admin edits them',
    handler: async ({ session }) => ok(await session.adminPeople()),
  },
  {
    method: 'POST',
    pattern: '/api/admin/people',
    operationId: 'createPerson',
    summary: 'Add a person (the same client key twice creates once)',
    body: personCreateBodySchema,
    creates: true,
    handler: async ({ session, req }) => {
      const { person, created } = await session.createPerson(req.body);
      return createdOr200(created, { person, created });
    },
  },
  {
    method: 'PATCH',
    pattern: '/api/admin/people/:id',
    operationId: 'updatePerson',
    summary: 'Change a person’s name, e-mail, job title or roles',
    body: personUpdateBodySchema,
    handler: async ({ session, params, req }) => ok({ person: await session.updatePerson(params.id!, req.body) }),
  },
  {
    method: 'POST',
    pattern: '/api/admin/import',
    operationId: 'importAcademiesAndPeople',
    summary: 'Check (dry run) or import academies and people from CSV',
    body: importBodySchema,
    handler: async ({ session, req }) => ok(await session.importCsv(req.body)),
  },
  {
    method: 'GET',
    pattern: '/api/admin/deliveries',
    operationId: 'listDeliveries',
    summary: 'Reminder deliveries that failed, were poisoned or could not reach someone',
    query: deliveryQuery,
    handler: async ({ session, req }) => {
      const deliveries = session.deliveries();
      return deliveries ? ok(await deliveries.list(req.query.status)) : DELIVERY_UNAVAILABLE;
    },
  },
  {
    method: 'POST',
    pattern: '/api/admin/deliveries/:key/retry',
    operationId: 'retryDelivery',
    summary: 'Send a failed or poisoned reminder again',
    handler: async ({ session, params }) => {
      const deliveries = session.deliveries();
      if (!deliveries) return DELIVERY_UNAVAILABLE;
      const out = await deliveries.retry(params.key!);
      if (!out.ok)
        return out.code === 'DELIVERY.NOT_FOUND'
          ? { status: 404, body: { error: { code: out.code, message: out.message } } }
          : refused(out.code, out.message);
      return ok({ delivery: out.delivery, requeued: out.requeued });
    },
  },
  // The trust's largest paper (issue 19): past 4 MB a paper goes to SharePoint in an upload session.
  {
    method: 'GET',
    pattern: '/api/paper-limit',
    operationId: 'getPaperLimit',
    summary: 'The largest paper a person may upload, in MB, and the most a trust may set',
    handler: async ({ session }) => ok(await session.paperLimit()),
  },
  {
    method: 'PUT',
    pattern: '/api/paper-limit',
    operationId: 'setPaperLimit',
    summary: 'Set the largest paper a person may upload (trust admin or CEO)',
    body: paperLimitBodySchema,
    handler: async ({ session, req }) => ok(await session.setPaperLimit(req.body)),
  },
  // Term dates and closures (issue 16): the trust admin or CEO edits them; a planned year re-plans, moving only what a change closes.
  {
    method: 'GET',
    pattern: '/api/term-dates',
    operationId: 'getTermDates',
    summary: 'Term dates of every year the app knows, and the closures (INSET days) the viewer may see',
    handler: async ({ session }) => ok(await session.termDates()),
  },
  {
    method: 'PUT',
    pattern: '/api/term-dates',
    operationId: 'updateTermDates',
    summary: 'Set one year’s six half terms (trust admin or CEO); a planned year is re-planned',
    body: updateTermDatesBodySchema,
    handler: async ({ session, req }) => ok(await session.updateTermDates(req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/term-dates/import',
    operationId: 'importTermDates',
    summary: 'Check (dry run) or import term dates from a local authority’s CSV: Academic year, Term, Starts, Ends',
    body: importTermDatesBodySchema,
    handler: async ({ session, req }) => ok(await session.importTermDates(req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/closures',
    operationId: 'addAcademyClosure',
    summary: 'Add an INSET day or other closure for one academy or the whole trust; its meetings move',
    body: addClosureBodySchema,
    handler: async ({ session, req }) => ok(await session.addAcademyClosure(req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/closures/:id/remove',
    operationId: 'removeClosure',
    summary: 'Remove a closure; the year re-plans',
    body: removeClosureBodySchema,
    handler: async ({ session, params, req }) => ok(await session.removeClosure(params.id!, req.body)),
  },
];
