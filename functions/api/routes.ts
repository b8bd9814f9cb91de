import { z } from 'zod';
import type { Outcome } from '../../core/domain/outcome';
import { improvementModelSchema } from '../../core/domain/models/improvement-model.schema';
import {
  actionEditBodySchema,
  actionListQuerySchema,
  actionUpdateBodySchema,
  actionWithdrawBodySchema,
  newActionBodySchema,
} from '../../core/services/actions.service';
import { escalationMoveBodySchema } from '../../core/services/escalation.service';
import {
  interventionCreateBodySchema,
  interventionImpactBodySchema,
  interventionReviewBodySchema,
  interventionUpdateBodySchema,
} from '../../core/services/interventions.service';
import { kpiImportBodySchema } from '../../core/services/kpi-import.service';
import { kpiDataPointBodySchema, kpiReviewBodySchema, kpiTargetsBodySchema } from '../../core/services/kpis.service';
import {
  attendanceBodySchema,
  judgementBodySchema,
  notesApprovalBodySchema,
  notesBodySchema,
  paperSubmitBodySchema,
  tabApologiesBodySchema,
} from '../../core/services/meeting-record.service';
import { messageSettingsBodySchema } from '../../core/services/message-settings.service';
import { importBodySchema } from '../../core/services/onboarding-import-report';
import { extensionDecisionBodySchema, extensionRequestBodySchema } from '../../core/services/paper-extensions.service';
import { paperUploadBodySchema } from '../../core/services/paper-files.service';
import { moveMeetingBodySchema, planYearBodySchema } from '../../core/services/planner.service';
import { academyUpdateBodySchema, personCreateBodySchema, personUpdateBodySchema } from '../../core/services/trust-admin.service';
import { recordInspectionBodySchema, setSelfEvaluationBodySchema } from '../../core/services/inspections.service';
import { modelSaveBodySchema } from '../../core/services/trust-model.service';
import {
  addClosureBodySchema,
  importTermDatesBodySchema,
  removeClosureBodySchema,
  updateTermDatesBodySchema,
} from '../../core/services/term-dates.service';
import { ok, type ApiResponse, type Route } from './api-types';
import { refused } from './error-responses';
import { fileDownload } from './file-responses';
import { openApiDocument } from './openapi';

/*
 * The route table: each route names its method and path, its operation (`operationId`, `summary`)
 * and the zod schema its use case validates the body (or query) with, once. The OpenAPI document is
 * generated from this table, and a test checks the two agree. Add a route the same way.
 */

/** A use case's outcome as a response: 200 with the record, or 422 with the rule's reason. */
const saved = <T extends object>(outcome: Outcome<T, string>): ApiResponse => {
  if (!outcome.ok) return refused(outcome.code, outcome.message);
  const { ok: _ok, ...rest } = outcome;
  return ok(rest);
};

/** 201 when the request created the record, 200 when the same client key had already created it. */
const createdOr200 = (created: boolean, body: unknown): ApiResponse => ({ status: created ? 201 : 200, body });

/** A create's outcome: 201 (or 200 for a repeat of the same client key), or 422 with the rule's reason. */
const createdOrRefused = <T extends { created: boolean }>(outcome: Outcome<T, string>): ApiResponse => {
  if (!outcome.ok) return refused(outcome.code, outcome.message);
  const { ok: _ok, ...rest } = outcome;
  return createdOr200(outcome.created, rest);
};

const DELIVERY_UNAVAILABLE: ApiResponse = {
  status: 503,
  body: {
    error: { code: 'DELIVERY.UNAVAILABLE', message: 'Reminder deliveries are not recorded on this host (no queue storage is running).' },
  },
};

const cursorQuery = z.object({
  cursor: z.string().optional().meta({ title: 'Cursor', description: 'From the previous page’s `nextCursor`.' }),
});
const yearQuery = z.object({
  year: z.string().optional().meta({ title: 'Academic year', description: 'e.g. 2026/27; the current year when absent.' }),
});
const deliveryQuery = z.object({
  status: z
    .string()
    .optional()
    .meta({ title: 'Status', description: 'poisoned, failed, no-conversation or sent; several comma-separated.' }),
});
const modelBody = modelSaveBodySchema.extend({ model: improvementModelSchema });

/** Every JSON route the tab and bot use. Handlers translate between HTTP and the session; rules live in core. */
export const API_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This API described as OpenAPI 3.1, generated from the route table',
    handler: async () => ok(openApiDocument(API_ROUTES)),
  },
  {
    method: 'GET',
    pattern: '/api/me',
    operationId: 'getMe',
    summary: 'The signed-in person and what they may do',
    handler: async ({ session }) => ok(session.me()),
  },
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
    pattern: '/api/academies/:id/actions',
    operationId: 'listAcademyActions',
    summary: 'An academy’s actions, a page at a time',
    query: cursorQuery,
    handler: async ({ session, params, req }) => ok(await session.academyActions(params.id!, req.query.cursor)),
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
    pattern: '/api/kpis',
    operationId: 'getTrustKpis',
    summary: 'KPI data points averaged across the academies the viewer may see',
    handler: async ({ session }) => ok(await session.kpis()),
  },
  {
    method: 'GET',
    pattern: '/api/planner',
    operationId: 'getPlanner',
    summary: 'The year planner: half terms, bank holidays, meetings and each chair’s load',
    query: yearQuery,
    handler: async ({ session, req }) => ok(await session.planner(req.query.year)),
  },
  {
    method: 'POST',
    pattern: '/api/planner/plan',
    operationId: 'planYear',
    summary: 'Plan or re-plan a year of meetings',
    body: planYearBodySchema,
    handler: async ({ session, req }) => ok(await session.planYear(req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/move',
    operationId: 'moveMeeting',
    summary: 'Move a meeting to another day (a clash or a non-working day is refused with the reason)',
    body: moveMeetingBodySchema,
    handler: async ({ session, params, req }) => {
      const outcome = await session.moveMeeting(params.id!, req.body);
      return outcome.ok ? ok({ meeting: outcome.meeting }) : refused(outcome.code, outcome.message);
    },
  },
  {
    method: 'GET',
    pattern: '/api/meetings/:id',
    operationId: 'getMeeting',
    summary: 'A meeting: agenda, carried-forward actions, papers, attendance, judgements, notes, actions raised',
    handler: async ({ session, params }) => ok(await session.meeting(params.id!)),
  },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/judgements',
    operationId: 'recordJudgement',
    summary: 'Record evidence and an indicative grade for an inspection area',
    body: judgementBodySchema,
    handler: async ({ session, params, req }) => saved(await session.recordJudgement(params.id!, req.body)),
  },
  {
    method: 'PUT',
    pattern: '/api/meetings/:id/notes',
    operationId: 'writeNotes',
    summary: 'Write the notes and send them for approval',
    body: notesBodySchema,
    handler: async ({ session, params, req }) => saved(await session.writeNotes(params.id!, req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/notes/approval',
    operationId: 'approveNotes',
    summary: 'Approve the notes or ask for changes',
    body: notesApprovalBodySchema,
    handler: async ({ session, params, req }) => saved(await session.approveNotes(params.id!, req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/papers/:requirementId/submit',
    operationId: 'submitPaper',
    summary: 'Mark a paper as in, with a link',
    body: paperSubmitBodySchema,
    handler: async ({ session, params, req }) => saved(await session.submitPaper(params.id!, params.requirementId!, req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/papers/:requirementId/extension',
    operationId: 'requestPaperExtension',
    summary: 'Ask the chair for more time on a paper',
    body: extensionRequestBodySchema,
    handler: async ({ session, params, req }) => saved(await session.requestExtension(params.id!, params.requirementId!, req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/papers/:requirementId/extension/decision',
    operationId: 'decidePaperExtension',
    summary: 'Grant or decline more time on a paper (the chair)',
    body: extensionDecisionBodySchema,
    handler: async ({ session, params, req }) => saved(await session.decideExtension(params.id!, params.requirementId!, req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/attendance',
    operationId: 'recordAttendance',
    summary: 'Mark someone as attended or absent',
    body: attendanceBodySchema,
    handler: async ({ session, params, req }) => saved(await session.recordAttendance(params.id!, req.body)),
  },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/apologies',
    operationId: 'recordApologies',
    summary: 'Send apologies, with a reason and a named substitute',
    body: tabApologiesBodySchema,
    handler: async ({ session, params, req }) => saved(await session.recordApologies(params.id!, req.body)),
  },
  {
    method: 'GET',
    pattern: '/api/meetings/:id/kpi-drops',
    operationId: 'listMeetingKpiDrops',
    summary: 'The KPI drops on a meeting’s agenda, and those it reviewed',
    handler: async ({ session, params }) => ok(await session.meetingKpiDrops(params.id!)),
  },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/kpi-reviews',
    operationId: 'reviewKpiDrop',
    summary: 'Record the review of a KPI drop in the meeting: what was found, and the actions raised',
    body: kpiReviewBodySchema,
    handler: async ({ session, params, req }) => saved(await session.reviewKpiDrop(params.id!, req.body)),
  },
  {
    method: 'GET',
    pattern: '/api/my-work',
    operationId: 'getMyWork',
    summary: 'My actions, papers I owe, approvals waiting for me, my next meetings',
    handler: async ({ session }) => ok(await session.myWork()),
  },
  // My private calendar feed: whether it is live; a reset makes a new link (shown once) and the old one stops working.
  {
    method: 'GET',
    pattern: '/api/my-work/calendar-feed',
    operationId: 'getMyCalendarFeed',
    summary: 'Whether my private calendar feed is live',
    handler: async ({ session }) => ok(await session.feedLinkForMe()),
  },
  {
    method: 'POST',
    pattern: '/api/my-work/calendar-feed/reset',
    operationId: 'resetMyCalendarFeed',
    summary: 'Make a new calendar feed link (shown once); the old one stops working',
    handler: async ({ session }) => ok(await session.resetMyFeedLink()),
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
  {
    method: 'GET',
    pattern: '/api/academies/:id/improvement',
    operationId: 'getAcademyImprovement',
    summary: 'An academy’s KPIs against target, interventions and escalation ladder, with what the viewer may do',
    handler: async ({ session, params }) => ok(await session.academyImprovement(params.id!)),
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
  // The kinds of Teams message the signed-in person gets, and turning some off (My work).
  {
    method: 'GET',
    pattern: '/api/me/messages',
    operationId: 'getMessageSettings',
    summary: 'The kinds of Teams message I get',
    handler: async ({ session }) => ok(await session.messageSettings()),
  },
  {
    method: 'PUT',
    pattern: '/api/me/messages',
    operationId: 'saveMessageSettings',
    summary: 'Turn kinds of Teams message off or back on',
    body: messageSettingsBodySchema,
    handler: async ({ session, req }) => ok(await session.saveMessageSettings(req.body)),
  },
  {
    method: 'GET',
    pattern: '/api/history/:kind/:id',
    operationId: 'getRecordHistory',
    summary: 'A record’s audit trail: who changed which fields from what to what, newest first',
    query: cursorQuery,
    handler: async ({ session, params, req }) => ok(await session.history(params.kind!, params.id!, req.query.cursor)),
  },
  {
    method: 'GET',
    pattern: '/api/meetings/:id/papers/folder',
    operationId: 'getPapersFolder',
    summary: 'The meeting’s papers folder and its files',
    handler: async ({ session, params }) => ok(await session.papersFolder(params.id!)),
  },
  // A paper for someone who may see its meeting, as a download that can never run in the app's origin.
  {
    method: 'GET',
    pattern: '/api/meetings/:id/papers/files/:name',
    operationId: 'downloadPaper',
    summary: 'A paper as a download',
    file: true,
    handler: async ({ session, params }) => fileDownload(await session.paperFile(params.id!, params.name!)),
  },
  {
    method: 'POST',
    pattern: '/api/meetings/:id/papers/:requirementId/file',
    operationId: 'uploadPaper',
    summary: 'Upload a paper into the meeting’s folder; it is marked in',
    body: paperUploadBodySchema,
    creates: true,
    handler: async ({ session, params, req }) => {
      const out = await session.uploadPaper(params.id!, params.requirementId!, req.body);
      return out.ok ? { status: 201, body: { meeting: out.meeting, file: out.file } } : refused(out.code, out.message);
    },
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
