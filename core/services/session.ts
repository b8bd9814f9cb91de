import { NotFoundError } from '../domain/errors';
import { londonDateOf } from '../domain/london-time';
import { messagesFor, type Change, type EventMessage } from '../domain/notifications';
import type { Meeting } from '../domain/meeting';
import type { Person } from '../domain/people';
import { viewerCan, type ViewerCan } from '../domain/viewer-can';
import type { AuditLog } from '../ports/audit-log.port';
import type { PaperFiles } from '../ports/paper-files.port';
import { type Stored } from '../ports/record-store.port';
import { getAcademyDetail } from './academy-detail.service';
import { getAcademyStatus, getTrustDashboard } from './academy-status.service';
import {
  createAction,
  editAction,
  getAction,
  listAcademyActions,
  listActionsWithCan,
  updateAction,
  withdrawActionFor,
} from './actions.service';
import { getAcademyImprovement } from './academy-improvement.service';
import { moveEscalationStep } from './escalation.service';
import { createIntervention, getIntervention, judgeInterventionImpact, recordReview, updateIntervention } from './interventions.service';
import { importKpiDataPoints } from './kpi-import.service';
import { meetingKpiDrops, reviewKpiDrop } from './kpi-drop-reviews.service';
import { recordKpiDataPoint, setKpiTargets } from './kpis.service';
import { auditedStore } from './audited-store';
import {
  academyPeople,
  academyProgress,
  academySupport,
  chatVocabulary,
  overdueAcrossTrust,
  overdueAtAcademy,
} from './chat-answers.service';
import {
  lastHeldMeeting,
  meetingPapers,
  nextMeetings,
  papersMissing,
  papersMissingThisWeek,
  type NextMeetingsQuery,
} from './chat-meeting-answers.service';
import { deliveriesForAdmin, type DeliveryAdmin } from './delivery/delivery-admin.service';
import {
  academiesForAdmin,
  academiesForViewer,
  academyNames,
  listVisibleAcademies,
  nameDirectory,
  peopleForAdmin,
  peopleForViewer,
} from './directory.service';
import { recordHistory } from './history.service';
import { actionView } from './mappers/action.mapper';
import { personListItem } from './mappers/people-and-academies.mapper';
import { meetingRecordView, type MeetingRecordView } from './mappers/meeting-record.mapper';
import { actionForCards, meetingForCards } from './meeting-cards.service';
import {
  approveMeetingNotes,
  recordMeetingApologies,
  recordMeetingAttendance,
  recordMeetingJudgement,
  submitMeetingPaper,
  writeMeetingNotes,
} from './meeting-record.service';
import { getMeetingView } from './meeting.service';
import { myMessageSettings, saveMyMessageSettings } from './message-settings.service';
import { getMyWork } from './my-work.service';
import {
  getMonitoringVisit,
  listAcademyVisits,
  listMeetingVisits,
  recordMonitoringVisit,
  submitMonitoringVisit,
} from './monitoring-visits.service';
import { importCsvForAdmin } from './onboarding-import-report';
import { decidePaperExtension, requestPaperExtension, sendMeetingApologies } from './paper-extensions.service';
import { paperFolderLink, readPaperFile, uploadPaper, uploadPaperFile } from './paper-files.service';
import { feedLinkForMe, resetMyFeedLink, type CalendarFeeds } from './calendar-feed.service';
import { personAdminItem } from './mappers/admin.mapper';
import { getPlanner, moveMeetingTo, planAcademicYear } from './planner.service';
import { loadTrust, type ServiceDeps } from './service-context';
import { createPerson, updateAcademy, updatePerson } from './trust-admin.service';
import { getImprovementModel, saveImprovementModel } from './trust-model.service';
import { addAcademyClosure, getTermDates, importTermDates, removeClosure, updateTermDates } from './term-dates.service';
import { paperLimit, setPaperLimit } from './paper-limit.service';
import { getInspections, recordInspection, setSelfEvaluation } from './inspections.service';
import { getAcademyArrangements, previewAcademyArrangements, setAcademyArrangements } from './arrangements.service';
import { agreeMeetingFocus, getFocusCoverage, getMeetingFocus } from './meeting-focus.service';
import { getTrustKpis, trustKpiSchools } from './trust-kpis.service';
import { generateBoardPack, listBoardPacks, readBoardPack, type BoardPackDeps } from './board-pack/board-packs.service';
import { getAcademySupport } from './academy-support.service';
import { bookSupportDay, cancelSupportDay, setImprovementBudget } from './support-days.service';

/** What the services need from the world; hosts build this once at start-up. */
export interface SessionDeps extends ServiceDeps {
  /** Every write a session makes is recorded here against its viewer. */
  audit: { log: AuditLog; newId: () => string };
  /** The meeting papers folders (local folder or SharePoint library), where the host has them. */
  papers?: PaperFiles;
  /** Private calendar feeds (the local host's `.ics` calendar); absent where meetings go straight into Outlook. */
  calendarFeeds?: CalendarFeeds;
  /** The reminder delivery ledger and queue, where the host runs them. */
  deliveries?: DeliveryAdmin;
  /** Where messages about a change go (the bot delivers them); set by `createTrustServices`. */
  publish?: (messages: EventMessage[]) => Promise<void>;
}

/**
 * The one door to the records: everything one person does in one request or bot turn. The store
 * inside is wrapped with the audit log for that person, so every write is audited whichever host
 * made it; each use case is bound to the viewer; `can` says what the viewer may do, computed once.
 */
/** Whose apologies the tab sent: the body's person (the chair recording them for someone), else the viewer's own. */
const apologiser = (meeting: Meeting, body: unknown, viewerId: string): string => {
  const named = (body as { personId?: unknown } | null)?.personId;
  return typeof named === 'string' && meeting.attendees.some((a) => a.personId === named) ? named : viewerId;
};

export function openSession(deps: SessionDeps, viewer: Person) {
  const scoped: ServiceDeps = { ...deps, store: auditedStore(deps.store, deps.audit.log, viewer.id, deps.clock, deps.audit.newId) };
  const can: ViewerCan = viewerCan(viewer);
  const boardPackDeps = (): BoardPackDeps => {
    if (!deps.papers) throw new NotFoundError('papers folder', 'board');
    return { ...scoped, audit: deps.audit, papers: deps.papers };
  };
  const papers = (meetingId: string) => {
    if (!deps.papers) throw new NotFoundError('papers folder', meetingId);
    return deps.papers;
  };
  /** Tells whoever a change concerns (a card in Teams), never the viewer themselves; a failure to tell never fails the write. */
  const publish = (change: Change): void => {
    const messages = messagesFor(change, viewer.id);
    if (messages.length && deps.publish)
      void deps.publish(messages).catch((e: unknown) => deps.logger?.warn({ err: e }, 'a message about a change could not be queued'));
  };
  /** Publishes the change an accepted write made; a refusal changes nothing and tells nobody. */
  const told = <T extends { ok: boolean }>(outcome: T, change: (ok: Extract<T, { ok: true }>) => Change | undefined): T => {
    if (outcome.ok) {
      const c = change(outcome as Extract<T, { ok: true }>);
      if (c) publish(c);
    }
    return outcome;
  };
  /** A write's outcome with its meeting as this viewer may see it (a governor's apologies never echo draft notes). */
  const viewed = async <T extends { ok: boolean }>(
    outcome: T,
  ): Promise<T extends { ok: true; meeting: unknown } ? Omit<T, 'meeting'> & { meeting: MeetingRecordView } : T> => {
    const m = (outcome as { meeting?: Stored<Meeting> }).meeting;
    if (!outcome.ok || !m) return outcome as never;
    const { model } = await loadTrust(scoped);
    return {
      ...outcome,
      meeting: meetingRecordView(
        viewer,
        m,
        model.meetingKinds.find((k) => k.id === m.kind),
      ),
    } as never;
  };
  return {
    viewer,
    can,
    /** Who is signed in, what they may do, and the trust's today (England), so the tab reckons dates by the server's clock. */
    me: () => ({ ...personListItem(viewer), can, today: londonDateOf(deps.clock.now()) }),

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
    // Ofsted: the inspection history (grades and report cards) and the academy's own view (issue 17).
    inspections: (academyId: string) => getInspections(scoped, viewer, academyId),
    recordInspection: (academyId: string, body: unknown) => recordInspection(scoped, viewer, academyId, body),
    setSelfEvaluation: (academyId: string, body: unknown) => setSelfEvaluation(scoped, viewer, academyId, body),
    // Each academy's arrangements for the year, and each meeting's focus (issue 16, parts 3 and 4).
    arrangements: (academyId: string) => getAcademyArrangements(scoped, viewer, academyId),
    previewArrangements: (academyId: string, body: unknown) => previewAcademyArrangements(scoped, viewer, academyId, body),
    setArrangements: (academyId: string, body: unknown) => setAcademyArrangements(scoped, viewer, academyId, body),
    meetingFocus: (meetingId: string) => getMeetingFocus(scoped, viewer, meetingId),
    agreeMeetingFocus: (meetingId: string, body: unknown) => agreeMeetingFocus(scoped, viewer, meetingId, body),
    focusCoverage: (year?: string) => getFocusCoverage(scoped, viewer, year),
    people: () => peopleForViewer(scoped, viewer),
    names: () => nameDirectory(scoped, viewer),

    // The year's meetings.
    planner: (year?: string) => getPlanner(scoped, viewer, year),
    planYear: (body: unknown) => planAcademicYear(scoped, viewer, body),
    moveMeeting: async (meetingId: string, body: unknown) => {
      const before = await scoped.store.meetings.get(meetingId);
      return viewed(
        told(await moveMeetingTo(scoped, viewer, meetingId, body), (o) =>
          before ? { kind: 'meeting-moved', before, meeting: o.meeting } : undefined,
        ),
      );
    },
    meeting: (meetingId: string) => getMeetingView(scoped, viewer, meetingId),
    meetingForCards: (meetingId: string) => meetingForCards(scoped, viewer, meetingId),
    recordJudgement: async (meetingId: string, body: unknown) => viewed(await recordMeetingJudgement(scoped, viewer, meetingId, body)),
    writeNotes: async (meetingId: string, body: unknown) =>
      viewed(told(await writeMeetingNotes(scoped, viewer, meetingId, body), (o) => ({ kind: 'notes-written', meeting: o.meeting }))),
    approveNotes: async (meetingId: string, body: unknown) =>
      viewed(
        told(await approveMeetingNotes(scoped, viewer, meetingId, body), (o) => ({
          kind: 'notes-approved',
          meeting: o.meeting,
          circulated: o.circulated,
        })),
      ),
    recordAttendance: async (meetingId: string, body: unknown) => viewed(await recordMeetingAttendance(scoped, viewer, meetingId, body)),
    /** Apologies from the tab: one's own, or the chair's for someone on the list. */
    recordApologies: async (meetingId: string, body: unknown) =>
      viewed(
        told(await recordMeetingApologies(scoped, viewer, meetingId, body), (o) => ({
          kind: 'apologies',
          meeting: o.meeting,
          personId: apologiser(o.meeting, body, viewer.id),
        })),
      ),
    /** Apologies from a card: always one's own. */
    sendApologies: async (meetingId: string, body: unknown) =>
      viewed(
        told(await sendMeetingApologies(scoped, viewer, meetingId, body), (o) => ({
          kind: 'apologies',
          meeting: o.meeting,
          personId: viewer.id,
        })),
      ),

    // Papers.
    submitPaper: async (meetingId: string, requirementId: string, body: unknown) =>
      viewed(await submitMeetingPaper(scoped, viewer, meetingId, requirementId, body)),
    requestExtension: async (meetingId: string, requirementId: string, body: unknown) =>
      viewed(
        told(await requestPaperExtension(scoped, viewer, meetingId, requirementId, body), (o) => ({
          kind: 'extension-requested',
          meeting: o.meeting,
          requirementId,
        })),
      ),
    decideExtension: async (meetingId: string, requirementId: string, body: unknown) =>
      viewed(
        told(await decidePaperExtension(scoped, viewer, meetingId, requirementId, body), (o) => ({
          kind: 'extension-decided',
          meeting: o.meeting,
          requirementId,
        })),
      ),
    papersFolder: (meetingId: string) => paperFolderLink(scoped, papers(meetingId), viewer, meetingId),
    uploadPaper: async (meetingId: string, requirementId: string, body: unknown) =>
      viewed(await uploadPaper(scoped, papers(meetingId), viewer, { meetingId, requirementId }, body)),
    /** The same, with the file as the request's bytes (up to the trust's paper limit) and its name and the version in `query`. */
    uploadPaperFile: async (meetingId: string, requirementId: string, query: unknown, content: Uint8Array | undefined) =>
      viewed(await uploadPaperFile(scoped, papers(meetingId), viewer, { meetingId, requirementId }, { query, content })),
    hasPapersFolders: () => deps.papers !== undefined,
    /** One paper's bytes, for someone who may see its meeting. */
    paperFile: (meetingId: string, fileName: string) => readPaperFile(scoped, papers(meetingId), viewer, meetingId, fileName),

    // Actions.
    myWork: () => getMyWork(scoped, viewer),
    /** My private calendar feed: whether it is live; the link itself only from a reset. */
    feedLinkForMe: () => feedLinkForMe(scoped, deps.calendarFeeds, viewer),
    resetMyFeedLink: () => resetMyFeedLink(scoped, deps.calendarFeeds, viewer),
    createAction: async (body: unknown) => {
      const outcome = await createAction(scoped, viewer, body);
      if (!outcome.ok) return outcome;
      const { action, created } = outcome;
      if (created) publish({ kind: 'action-created', action });
      return { ok: true as const, action: actionView(action), created };
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
    /** Actions with what the viewer may do to each: `{ academyId }`, `{ meetingId }` or `{ mine: 'true' }`. */
    actionsWithCan: (query: unknown) => listActionsWithCan(scoped, viewer, query),
    /** Text, owner or due date corrected; a new owner is told as if it were new to them. */
    editAction: async (actionId: string, body: unknown) => {
      const before = await scoped.store.actions.get(actionId);
      const outcome = await editAction(scoped, viewer, actionId, body);
      if (!outcome.ok) return outcome;
      if (before && before.ownerId !== outcome.action.ownerId) publish({ kind: 'action-created', action: outcome.action });
      return { ok: true as const, action: actionView(outcome.action) };
    },
    withdrawAction: (actionId: string, body: unknown) => withdrawActionFor(scoped, viewer, actionId, body),

    // Closing the loop: KPIs, escalation, interventions (issue 15).
    academyImprovement: (academyId: string) => getAcademyImprovement(scoped, viewer, academyId),
    kpiSchools: () => trustKpiSchools(scoped, viewer),
    setKpiTargets: (academyId: string, body: unknown) => setKpiTargets(scoped, viewer, academyId, body),
    recordKpiDataPoint: (academyId: string, body: unknown) => recordKpiDataPoint(scoped, viewer, academyId, body),
    importKpiDataPoints: (body: unknown) => importKpiDataPoints(scoped, viewer, body),
    meetingKpiDrops: (meetingId: string) => meetingKpiDrops(scoped, viewer, meetingId),
    reviewKpiDrop: async (meetingId: string, body: unknown) => {
      const outcome = await reviewKpiDrop(scoped, viewer, meetingId, body);
      if (outcome.ok) for (const action of outcome.actions) publish({ kind: 'action-created', action });
      return outcome;
    },
    moveEscalationStep: async (academyId: string, body: unknown) => {
      const outcome = await moveEscalationStep(scoped, viewer, academyId, body);
      if (outcome.ok && !outcome.preview && outcome.event) {
        const people = await scoped.store.people.list({}).toArray();
        const headsAndChairs = people
          .filter((p) => p.roles.some((r) => r.academyId === academyId && (r.role === 'head' || r.role === 'chair-lgb')))
          .map((p) => p.id);
        publish({ kind: 'escalation-moved', academyId, at: outcome.event.at, headsAndChairs });
      }
      return outcome;
    },
    intervention: (interventionId: string) => getIntervention(scoped, viewer, interventionId),
    createIntervention: (academyId: string, body: unknown) => createIntervention(scoped, viewer, academyId, body),
    updateIntervention: (interventionId: string, body: unknown) => updateIntervention(scoped, viewer, interventionId, body),
    recordInterventionReview: (interventionId: string, body: unknown) => recordReview(scoped, viewer, interventionId, body),
    judgeInterventionImpact: (interventionId: string, body: unknown) => judgeInterventionImpact(scoped, viewer, interventionId, body),

    // Support days and budgets (issue 16, part 1): who may do each is in core/domain/support-permissions.ts.
    supportDays: (academyId: string) => getAcademySupport(scoped, viewer, academyId),
    bookSupportDay: (academyId: string, body: unknown) => bookSupportDay(scoped, viewer, academyId, body),
    cancelSupportDay: (supportDayId: string, body: unknown) => cancelSupportDay(scoped, viewer, supportDayId, body),
    setImprovementBudget: (academyId: string, body: unknown) => setImprovementBudget(scoped, viewer, academyId, body),

    // QA and monitoring visits (issue 16): drafts while walking round a school, submitted later, cited at meetings.
    recordMonitoringVisit: (body: unknown) => recordMonitoringVisit(scoped, viewer, body),
    submitMonitoringVisit: (visitId: string, body: unknown) => submitMonitoringVisit(scoped, viewer, visitId, body),
    monitoringVisit: (visitId: string) => getMonitoringVisit(scoped, viewer, visitId),
    academyVisits: (academyId: string) => listAcademyVisits(scoped, viewer, academyId),
    meetingVisits: (meetingId: string) => listMeetingVisits(scoped, viewer, meetingId),

    // What chat answers.
    overdueAt: (academyId: string) => overdueAtAcademy(scoped, viewer, academyId),
    papersMissingThisWeek: () => papersMissingThisWeek(scoped, viewer),
    nextMeetings: (query?: NextMeetingsQuery) => nextMeetings(scoped, viewer, query),
    chatVocabulary: () => chatVocabulary(scoped, viewer),
    overdueAcrossTrust: (options?: { ownerId?: string }) => overdueAcrossTrust(scoped, viewer, options),
    papersMissing: (range?: { from?: string; to?: string; kind?: string }) => papersMissing(scoped, viewer, range),
    meetingPapers: (academyId: string, query?: { kind?: string; from?: string; to?: string }) =>
      meetingPapers(scoped, viewer, academyId, query),
    academyPeople: (academyId: string) => academyPeople(scoped, viewer, academyId),
    lastHeldMeeting: (academyId: string, kind?: string) => lastHeldMeeting(scoped, viewer, academyId, kind),
    academyProgress: (academyId: string, options?: { measures?: readonly string[] }) => academyProgress(scoped, viewer, academyId, options),
    academySupport: (academyId: string) => academySupport(scoped, viewer, academyId),

    // The trust's settings (trust admin and CEO).
    model: () => getImprovementModel(scoped),
    saveModel: (body: unknown) => saveImprovementModel(scoped, viewer, body),
    /** Term dates and closures (issue 16): everyone reads them; the trust admin and CEO change them, and the year re-plans. */
    /** The largest paper a person may upload (everyone reads it; the trust admin and CEO set it). */
    paperLimit: () => paperLimit(scoped, viewer),
    setPaperLimit: (body: unknown) => setPaperLimit(scoped, viewer, body),
    termDates: () => getTermDates(scoped, viewer),
    updateTermDates: (body: unknown) => updateTermDates(scoped, viewer, body),
    importTermDates: (body: unknown) => importTermDates(scoped, viewer, body),
    addAcademyClosure: (body: unknown) => addAcademyClosure(scoped, viewer, body),
    removeClosure: (closureId: string, body: unknown) => removeClosure(scoped, viewer, closureId, body),
    adminAcademies: () => academiesForAdmin(scoped, viewer),
    updateAcademy: (academyId: string, body: unknown) => updateAcademy(scoped, viewer, academyId, body),
    adminPeople: () => peopleForAdmin(scoped, viewer),
    createPerson: async (body: unknown) => {
      const { person, created } = await createPerson(scoped, viewer, body);
      return { person: personAdminItem(person), created };
    },
    updatePerson: async (personId: string, body: unknown) => personAdminItem(await updatePerson(scoped, viewer, personId, body)),
    importCsv: (body: unknown) => importCsvForAdmin(scoped, viewer, body),
    deliveries: () => deliveriesForAdmin({ ...scoped, deliveries: deps.deliveries }, viewer),
    messageSettings: () => myMessageSettings(scoped, viewer),
    saveMessageSettings: (body: unknown) => saveMyMessageSettings(scoped, viewer, body),
    history: (kind: string, recordId: string, cursor?: string) => recordHistory(scoped, deps.audit.log, viewer, kind, recordId, cursor),
    // The board pack (issue 17): generated into the board's papers folder, listed, downloaded; trust roles only.
    generateBoardPack: (body: unknown) => generateBoardPack(boardPackDeps(), viewer, body),
    boardPacks: () => listBoardPacks(boardPackDeps(), viewer),
    boardPackFile: (packId: string) => readBoardPack(boardPackDeps(), viewer, packId),
  };
}

export type Session = ReturnType<typeof openSession>;
