import { NotFoundError } from '../domain/errors';
import type { Meeting } from '../domain/meeting';
import type { Person } from '../domain/people';
import { viewerCan, type ViewerCan } from '../domain/viewer-can';
import type { AuditLog } from '../ports/audit-log.port';
import type { PaperFiles } from '../ports/paper-files.port';
import type { Stored } from '../ports/record-store.port';
import { getAcademyDetail } from './academy-detail.service';
import { getAcademyStatus, getTrustDashboard } from './academy-status.service';
import { createAction, getAction, listAcademyActions, updateAction } from './actions.service';
import { auditedStore } from './audited-store';
import { nextMeetings, overdueAtAcademy, papersMissingThisWeek } from './chat-answers.service';
import { deliveriesForAdmin, type DeliveryAdmin } from './delivery/delivery-admin.service';
import { academiesForAdmin, academiesForViewer, academyNames, listVisibleAcademies, nameDirectory, peopleForAdmin, peopleForViewer } from './directory.service';
import { recordHistory } from './history.service';
import { actionView } from './mappers/action.mapper';
import { personListItem } from './mappers/people-and-academies.mapper';
import { meetingRecordView, type MeetingRecordView } from './mappers/meeting-record.mapper';
import { actionForCards, meetingForCards } from './meeting-cards.service';
import { approveMeetingNotes, recordMeetingApologies, recordMeetingAttendance, recordMeetingJudgement, submitMeetingPaper, writeMeetingNotes } from './meeting-record.service';
import { getMeetingView } from './meeting.service';
import { getMyWork } from './my-work.service';
import { importCsvForAdmin } from './onboarding-import-report';
import { decidePaperExtension, requestPaperExtension, sendMeetingApologies } from './paper-extensions.service';
import { paperFolderLink, uploadPaper } from './paper-files.service';
import { getPlanner, moveMeetingTo, planAcademicYear } from './planner.service';
import { loadTrust, type ServiceDeps } from './service-context';
import { createPerson, updateAcademy, updatePerson } from './trust-admin.service';
import { getImprovementModel, saveImprovementModel } from './trust-model.service';
import { getTrustKpis } from './trust-kpis.service';

/** What the services need from the world; hosts build this once at start-up. */
export interface SessionDeps extends ServiceDeps {
  /** Every write a session makes is recorded here against its viewer. */
  audit: { log: AuditLog; newId: () => string };
  /** The meeting papers folders (local folder or SharePoint library), where the host has them. */
  papers?: PaperFiles;
  /** The reminder delivery ledger and queue, where the host runs them. */
  deliveries?: DeliveryAdmin;
}

/**
 * The one door to the records: everything one person does in one request or bot turn. The store
 * inside is wrapped with the audit log for that person, so every write is audited whichever host
 * made it; each use case is bound to the viewer; `can` says what the viewer may do, computed once.
 */
export function openSession(deps: SessionDeps, viewer: Person) {
  const scoped: ServiceDeps = { ...deps, store: auditedStore(deps.store, deps.audit.log, viewer.id, deps.clock, deps.audit.newId) };
  const can: ViewerCan = viewerCan(viewer);
  const papers = (meetingId: string) => {
    if (!deps.papers) throw new NotFoundError('papers folder', meetingId);
    return deps.papers;
  };
  /** A write's outcome with its meeting as this viewer may see it (a governor's apologies never echo draft notes). */
  const viewed = async <T extends { ok: boolean }>(outcome: T): Promise<T extends { ok: true; meeting: unknown } ? Omit<T, 'meeting'> & { meeting: MeetingRecordView } : T> => {
    const m = (outcome as { meeting?: Stored<Meeting> }).meeting;
    if (!outcome.ok || !m) return outcome as never;
    const { model } = await loadTrust(scoped);
    return { ...outcome, meeting: meetingRecordView(viewer, m, model.meetingKinds.find((k) => k.id === m.kind)) } as never;
  };
  return {
    viewer,
    can,
    me: () => ({ ...personListItem(viewer), can }),

    // The trust and its academies.
    dashboard: () => getTrustDashboard(scoped, viewer),
    kpis: () => getTrustKpis(scoped, viewer),
    academies: () => academiesForViewer(scoped, viewer),
    /** The academies the viewer may see, as records, for chat's academy matcher. */
    visibleAcademies: () => listVisibleAcademies(scoped, viewer),
    /** Every academy's id and name (public), so chat can recognise a school the viewer may not see. */
    academyNames: () => academyNames(scoped),
    academyStatus: (academyId: string) => getAcademyStatus(scoped, viewer, academyId),
    academyDetail: (academyId: string) => getAcademyDetail(scoped, viewer, academyId),
    people: () => peopleForViewer(scoped, viewer),
    names: () => nameDirectory(scoped, viewer),

    // The year's meetings.
    planner: (year?: string) => getPlanner(scoped, viewer, year),
    planYear: (body: unknown) => planAcademicYear(scoped, viewer, body),
    moveMeeting: async (meetingId: string, body: unknown) => viewed(await moveMeetingTo(scoped, viewer, meetingId, body)),
    meeting: (meetingId: string) => getMeetingView(scoped, viewer, meetingId),
    meetingForCards: (meetingId: string) => meetingForCards(scoped, viewer, meetingId),
    recordJudgement: async (meetingId: string, body: unknown) => viewed(await recordMeetingJudgement(scoped, viewer, meetingId, body)),
    writeNotes: async (meetingId: string, body: unknown) => viewed(await writeMeetingNotes(scoped, viewer, meetingId, body)),
    approveNotes: async (meetingId: string, body: unknown) => viewed(await approveMeetingNotes(scoped, viewer, meetingId, body)),
    recordAttendance: async (meetingId: string, body: unknown) => viewed(await recordMeetingAttendance(scoped, viewer, meetingId, body)),
    /** Apologies from the tab: one's own, or the chair's for someone on the list. */
    recordApologies: async (meetingId: string, body: unknown) => viewed(await recordMeetingApologies(scoped, viewer, meetingId, body)),
    /** Apologies from a card: always one's own. */
    sendApologies: async (meetingId: string, body: unknown) => viewed(await sendMeetingApologies(scoped, viewer, meetingId, body)),

    // Papers.
    submitPaper: async (meetingId: string, requirementId: string, body: unknown) => viewed(await submitMeetingPaper(scoped, viewer, meetingId, requirementId, body)),
    requestExtension: async (meetingId: string, requirementId: string, body: unknown) => viewed(await requestPaperExtension(scoped, viewer, meetingId, requirementId, body)),
    decideExtension: async (meetingId: string, requirementId: string, body: unknown) => viewed(await decidePaperExtension(scoped, viewer, meetingId, requirementId, body)),
    papersFolder: (meetingId: string) => paperFolderLink(scoped, papers(meetingId), viewer, meetingId),
    uploadPaper: async (meetingId: string, requirementId: string, body: unknown) => viewed(await uploadPaper(scoped, papers(meetingId), viewer, meetingId, requirementId, body)),
    hasPapersFolders: () => deps.papers !== undefined,

    // Actions.
    myWork: () => getMyWork(scoped, viewer),
    createAction: async (body: unknown) => {
      const { action, created } = await createAction(scoped, viewer, body);
      return { action: actionView(action), created };
    },
    action: async (actionId: string) => actionView(await getAction(scoped, viewer, actionId)),
    actionForCards: (actionId: string) => actionForCards(scoped, viewer, actionId),
    academyActions: async (academyId: string, cursor?: string) => {
      const page = await listAcademyActions(scoped, viewer, academyId, cursor);
      return { ...page, items: page.items.map(actionView) };
    },
    updateAction: async (actionId: string, body: unknown) => {
      const outcome = await updateAction(scoped, viewer, actionId, body);
      return outcome.ok ? { ok: true as const, action: actionView(outcome.action) } : outcome;
    },

    // What chat answers.
    overdueAt: (academyId: string) => overdueAtAcademy(scoped, viewer, academyId),
    papersMissingThisWeek: () => papersMissingThisWeek(scoped, viewer),
    nextMeetings: (academyId?: string) => nextMeetings(scoped, viewer, academyId),

    // The trust's settings (trust admin and CEO).
    model: () => getImprovementModel(scoped),
    saveModel: (body: unknown) => saveImprovementModel(scoped, viewer, body),
    adminAcademies: () => academiesForAdmin(scoped, viewer),
    updateAcademy: (academyId: string, body: unknown) => updateAcademy(scoped, viewer, academyId, body),
    adminPeople: () => peopleForAdmin(scoped, viewer),
    createPerson: (body: unknown) => createPerson(scoped, viewer, body),
    updatePerson: (personId: string, body: unknown) => updatePerson(scoped, viewer, personId, body),
    importCsv: (body: unknown) => importCsvForAdmin(scoped, viewer, body),
    deliveries: () => deliveriesForAdmin({ ...scoped, deliveries: deps.deliveries }, viewer),
    history: (kind: string, recordId: string, cursor?: string) => recordHistory(scoped, deps.audit.log, viewer, kind, recordId, cursor),
  };
}

export type Session = ReturnType<typeof openSession>;
