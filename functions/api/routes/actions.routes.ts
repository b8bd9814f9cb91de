import {
  actionEditBodySchema,
  actionListQuerySchema,
  actionUpdateBodySchema,
  actionWithdrawBodySchema,
  newActionBodySchema,
} from '../../../core/services/actions.service';
import { ok, type Route } from '../api-types';
import { refused } from '../error-responses';
import { saved, createdOrRefused } from '../route-responses';
import { cursorQuery } from '../route-queries';

/** Actions: raised, listed, moved on with a progress note, edited, withdrawn. */
export const ACTION_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/academies/:id/actions',
    operationId: 'listAcademyActions',
    summary: 'An academy’s actions, a page at a time',
    query: cursorQuery,
    handler: async ({ session, params, req }) => ok(await session.academyActions(params.id!, req.query.cursor)),
  },
  {
    method: 'GET',
    pattern: '/api/actions',
    operationId: 'listActions',
    summary:
      'Actions with what the viewer may do to each: an academy’s, a meeting’s academy’s, or my own (with the default due date of a new one)',
    query: actionListQuerySchema,
    handler: async ({ session, req }) => ok(await session.actionsWithCan(req.query)),
  },
  {
    method: 'POST',
    pattern: '/api/actions',
    operationId: 'createAction',
    summary: 'Raise an action (the same client key twice creates it once; a due date in the holidays needs keepHolidayDate)',
    body: newActionBodySchema,
    creates: true,
    handler: async ({ session, req }) => createdOrRefused(await session.createAction(req.body)),
  },
  {
    method: 'GET',
    pattern: '/api/actions/:id',
    operationId: 'getAction',
    summary: 'One action',
    handler: async ({ session, params }) => ok(await session.action(params.id!)),
  },
  {
    method: 'PATCH',
    pattern: '/api/actions/:id',
    operationId: 'updateActionProgress',
    summary: 'Move an action on (open, in progress, done) with a progress note: its owner, the chair or the trust team',
    body: actionUpdateBodySchema,
    handler: async ({ session, params, req }) => {
      const outcome = await session.updateAction(params.id!, req.body);
      return outcome.ok ? ok({ action: outcome.action }) : refused(outcome.code, outcome.message);
    },
  },
  {
    method: 'PATCH',
    pattern: '/api/actions/:id/details',
    operationId: 'editAction',
    summary: 'Change an action’s text, owner or due date: whoever raised it, the chair or the trust team',
    body: actionEditBodySchema,
    handler: async ({ session, params, req }) => saved(await session.editAction(params.id!, req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/actions/:id/withdrawal',
    operationId: 'withdrawAction',
    summary: 'Withdraw an action raised by mistake, with the reason: whoever raised it within a day, or the trust administrator',
    body: actionWithdrawBodySchema,
    handler: async ({ session, params, req }) => saved(await session.withdrawAction(params.id!, req.body)),
  },
];
