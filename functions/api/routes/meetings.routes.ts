import { kpiReviewBodySchema } from '../../../core/services/kpi-drop-reviews.service';
import {
  attendanceBodySchema,
  judgementBodySchema,
  notesApprovalBodySchema,
  notesBodySchema,
  paperSubmitBodySchema,
  tabApologiesBodySchema,
} from '../../../core/services/meeting-record.service';
import { extensionDecisionBodySchema, extensionRequestBodySchema } from '../../../core/services/paper-extensions.service';
import { paperFileQuerySchema, paperUploadBodySchema } from '../../../core/services/paper-files.service';
import { moveMeetingBodySchema, planYearBodySchema } from '../../../core/services/planner.service';
import { ok, type Route } from '../api-types';
import { refused } from '../error-responses';
import { fileDownload } from '../file-responses';
import { saved } from '../route-responses';
import { yearQuery } from '../route-queries';

/** The year planner and one meeting: moving it, judgements, notes and their approval, papers and extensions, attendance and apologies, KPI drops reviewed there. */
export const MEETING_ROUTES: readonly Route[] = [
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
  {
    method: 'PUT',
    pattern: '/api/meetings/:id/papers/:requirementId/file',
    operationId: 'uploadPaperFile',
    summary: 'Upload a paper as the file itself (application/octet-stream, up to the trust’s limit); it is marked in',
    query: paperFileQuerySchema,
    fileBody: true,
    creates: true,
    handler: async ({ session, params, req }) => {
      const content = req.body instanceof Uint8Array ? req.body : undefined;
      const out = await session.uploadPaperFile(params.id!, params.requirementId!, req.query, content);
      return out.ok ? { status: 201, body: { meeting: out.meeting, file: out.file } } : refused(out.code, out.message);
    },
  },
];
