import { arrangementsBodySchema } from '../../../core/services/arrangements.service';
import { agreeFocusBodySchema } from '../../../core/services/meeting-focus.service';
import { ok, type Route } from '../api-types';
import { saved } from '../route-responses';
import { yearQuery } from '../route-queries';

/** Each academy's arrangements for the year, and each meeting's focus with the areas covered (issue 16, parts 3 and 4). */
export const ARRANGEMENT_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/academies/:id/arrangements',
    operationId: 'getAcademyArrangements',
    summary: 'An academy’s arrangements for the year: what it asked for, meetings agreed with it, its self-evaluated grade and why',
    handler: async ({ session, params }) => ok(await session.arrangements(params.id!)),
  },
  {
    method: 'POST',
    pattern: '/api/academies/:id/arrangements/preview',
    operationId: 'previewAcademyArrangements',
    summary: 'What new arrangements would change, and the meetings the rest of the year would gain, move or lose; nothing is written',
    body: arrangementsBodySchema,
    handler: async ({ session, params, req }) => ok(await session.previewArrangements(params.id!, req.body)),
  },
  {
    method: 'PUT',
    pattern: '/api/academies/:id/arrangements',
    operationId: 'setAcademyArrangements',
    summary: 'Set an academy’s arrangements with a reason (the trust team); the rest of the year is re-planned',
    body: arrangementsBodySchema,
    handler: async ({ session, params, req }) => ok(await session.setArrangements(params.id!, req.body)),
  },
  {
    method: 'GET',
    pattern: '/api/meetings/:id/focus',
    operationId: 'getMeetingFocus',
    summary: 'A meeting’s focus, the areas the school is looked at under, and the academy’s coverage of them',
    handler: async ({ session, params }) => ok(await session.meetingFocus(params.id!)),
  },
  {
    method: 'PUT',
    pattern: '/api/meetings/:id/focus',
    operationId: 'agreeMeetingFocus',
    summary: 'Agree or change a planned meeting’s focus (its chair with the head)',
    body: agreeFocusBodySchema,
    handler: async ({ session, params, req }) => saved(await session.agreeMeetingFocus(params.id!, req.body)),
  },
  {
    method: 'GET',
    pattern: '/api/planner/coverage',
    operationId: 'getFocusCoverage',
    summary: 'Which areas each academy’s meetings cover, with a warning where the plan leaves one uncovered',
    query: yearQuery,
    handler: async ({ session, req }) => ok(await session.focusCoverage(req.query.year)),
  },
];
