import {
  bookSupportDayBodySchema,
  cancelSupportDayBodySchema,
  improvementBudgetBodySchema,
} from '../../../core/services/support-days.service';
import { ok, type Route } from '../api-types';
import { createdOrRefused, saved } from '../route-responses';

/** Support days and improvement budgets (issue 16, part 1): booked, cancelled, budgeted; who may is decided in core. */
export const SUPPORT_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/academies/:id/support',
    operationId: 'getAcademySupport',
    summary: 'An academy’s support days used and left, spend against its improvement budget, income earned, and what the viewer may book',
    handler: async ({ session, params }) => ok(await session.supportDays(params.id!)),
  },
  {
    method: 'POST',
    pattern: '/api/academies/:id/support-days',
    operationId: 'bookSupportDay',
    summary:
      'Book core, development or optional days on a school day, within the model’s allowances (a development day is recharged at the day rate, halves allowed)',
    body: bookSupportDayBodySchema,
    creates: true,
    handler: async ({ session, params, req }) => createdOrRefused(await session.bookSupportDay(params.id!, req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/support-days/:id/cancellation',
    operationId: 'cancelSupportDay',
    summary: 'Cancel a support day before it is given: whoever may book its kind at the academy',
    body: cancelSupportDayBodySchema,
    handler: async ({ session, params, req }) => saved(await session.cancelSupportDay(params.id!, req.body)),
  },
  {
    method: 'PUT',
    pattern: '/api/academies/:id/improvement-budget',
    operationId: 'setImprovementBudget',
    summary: 'Record the academy’s improvement budget for the year, as agreed: the trust’s improvement team',
    body: improvementBudgetBodySchema,
    handler: async ({ session, params, req }) => saved(await session.setImprovementBudget(params.id!, req.body)),
  },
];
