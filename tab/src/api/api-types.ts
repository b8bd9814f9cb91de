/**
 * The shapes the tab reads, taken from the services that produce them (type-only imports: no
 * server code reaches the bundle).
 */
import type { getAcademyDetail } from '../../../core/services/academy-detail.service';
import type { getTrustDashboard } from '../../../core/services/academy-status.service';
import type { getMeetingView } from '../../../core/services/meeting.service';
import type { getMyWork } from '../../../core/services/my-work.service';
import type { getPlanner } from '../../../core/services/planner.service';
import type { getTrustKpis, trustKpiSchools } from '../../../core/services/trust-kpis.service';
import type { getAcademyImprovement } from '../../../core/services/academy-improvement.service';
import type { getAcademySupport } from '../../../core/services/academy-support.service';
import type { listActionsWithCan } from '../../../core/services/actions.service';
import type { moveEscalationStep } from '../../../core/services/escalation.service';
import type { interventionView } from '../../../core/services/interventions.service';
import type { importKpiDataPoints } from '../../../core/services/kpi-import.service';
import type { meetingKpiDrops } from '../../../core/services/kpi-drop-reviews.service';
import type { ImprovementModel } from '../../../core/domain/models/improvement-model.schema';
import type { ViewerCan } from '../../../core/domain/viewer-can';
import type { academyAdminItem, personAdminItem } from '../../../core/services/mappers/admin.mapper';
import type { academyListItem, personListItem } from '../../../core/services/mappers/people-and-academies.mapper';

export type { AcademyStatus } from '../../../core/domain/academy-status';
export type { ActionItem } from '../../../core/domain/action-item';
export type { Grade, OfstedGrade } from '../../../core/domain/grades';
export type { Meeting, MeetingPaper } from '../../../core/domain/meeting';
export type { ImprovementModel };

type Data<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type Dashboard = Data<typeof getTrustDashboard>;
export type AcademyDetail = Data<typeof getAcademyDetail>;
export type MeetingView = Data<typeof getMeetingView>;
export type MyWork = Data<typeof getMyWork>;
export type Planner = Data<typeof getPlanner>;
export type TrustKpis = Data<typeof getTrustKpis>;
export type PersonItem = ReturnType<typeof personListItem>;
/** The signed-in person, with what they may do (the server's `can` flags). */
export type Me = PersonItem & { can: ViewerCan; today: string };
export type AcademyItem = ReturnType<typeof academyListItem>;
export type AcademyAdminItem = ReturnType<typeof academyAdminItem>;
export type PersonAdminItem = ReturnType<typeof personAdminItem>;
export type Stored<T> = T & { version: string };

// Closing the loop (issue 15): what the academy, meeting, side panel, My work and dashboard act on.
export type { RagFix, RagReason } from '../../../core/domain/rag-status';
export type { ActionCan } from '../../../core/domain/action-changes';
export type AcademyImprovement = Data<typeof getAcademyImprovement>;
export type ActionList = Data<typeof listActionsWithCan>;
export type ActionWithCan = ActionList['items'][number];
export type MeetingKpiDrops = Data<typeof meetingKpiDrops>;
export type KpiDropView = MeetingKpiDrops['toReview'][number];
export type KpiSchools = Data<typeof trustKpiSchools>;
export type KpiImportReport = Data<typeof importKpiDataPoints>;
export type InterventionView = ReturnType<typeof interventionView>;
export type KpiTargetView = AcademyImprovement['kpis']['targets'][number];
export type LadderView = AcademyImprovement['ladder'];
/** A ladder move's answer (preview or saved), without the outcome's `ok`. */
export type EscalationMove = Omit<Extract<Data<typeof moveEscalationStep>, { ok: true }>, 'ok'>;

// Support days and budgets (issue 16, part 1).
export type AcademySupport = Data<typeof getAcademySupport>;

// The board pack (issue 17): the Word documents generated for the board, as listed.
export type BoardPackList = { items: import('../../../core/services/mappers/board-pack.mapper').BoardPackListItem[] };
export type BoardPackItem = BoardPackList['items'][number];
