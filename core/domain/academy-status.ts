import type { StaleMark } from './stale-mark';
import type { Phase } from './academy';
import { isActionLive } from './action-item';
import { isActionOverdue } from './carry-forward';
import { currentStep } from './escalation-ladder';
import type { OfstedGrade } from './grades';
import { missedReviews } from './intervention-reviews';
import { inspectionStatus, ragGrades, withInspectionReasons, type InspectionStatus } from './inspection-status';
import { dropsAwaitingReview } from './kpi-drops';
import type { LocalDate } from './local-date';
import type { Meeting } from './meeting';
import type { ImprovementModel, RagLevel } from './models/improvement-model.schema';
import { isPaperIn, isPaperOverdue, papersState, type PapersState } from './paper-deadlines';
import type { Person } from './people';
import { flagFixes, withFixes } from './rag-fixes';
import { ragStatus, type RagReason } from './rag-status';
import type { SchoolCalendar } from './school-year/school-calendar';
import { supportDayUsage, type SupportDayUsage } from './support-day-usage';
import type { AcademyStatusInputs } from '../ports/record-store.port';

/** One academy's position, as the CEO asks the bot for it and the trust dashboard shows it. */
export interface AcademyStatus {
  academyId: string;
  name: string;
  phase: Phase;
  stage: { id: string; label: string };
  riskBand?: 'low' | 'medium' | 'high';
  ofsted: { grade: OfstedGrade; label: string; date?: LocalDate };
  inOfstedWindow: boolean;
  sponsored: boolean;
  rag: RagLevel;
  reasons: RagReason[];
  nextMeeting?: {
    id: string;
    kind: string;
    abbreviation: string;
    date: LocalDate;
    startsAt: string;
    chairId: string;
    papers: { required: number; in: number; overdue: number };
    papersState: PapersState;
  };
  actions: { open: number; overdue: number };
  kpiDropsAwaitingReview: number;
  interventions: { active: number; reviewsOverdue: number };
  escalation: { step: number; of: number; stepId: string; label: string; since?: string };
  supportDays: SupportDayUsage;
  /** The latest inspection (a report card area by area), the academy's own view beside it (core/domain/inspection-status.ts). */
  inspection?: InspectionStatus['inspection'];
  selfEvaluation?: InspectionStatus['selfEvaluation'];
  /** Why the academy gets the meetings it gets: "3 iAIMs a year because its report card … has leadership and governance at needs attention". */
  // Optional in the type only so statuses built by hand (card fixtures) stay valid; `academyStatus` always sets it.
  cadence?: InspectionStatus['cadence'];
  /** Some of this row is the last good value: SharePoint did not answer just now (the tab says when it was last updated). */
  stale?: StaleMark;
}

export interface StatusContext {
  model: ImprovementModel;
  calendar: SchoolCalendar;
  today: LocalDate;
  people?: readonly Person[];
}

/** The academy's next meeting still to happen (today's included), earliest first. */
function nextMeetingOf(meetings: readonly Meeting[], today: LocalDate): Meeting | undefined {
  return meetings
    .filter((m) => m.status === 'planned' && m.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date) || a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id))[0];
}

/** An academy's status for the year: RAG with reasons, next meeting and its papers, actions, KPI drops, interventions, escalation and support days. */
export function academyStatus(inputs: AcademyStatusInputs, ctx: StatusContext): AcademyStatus {
  const { academy } = inputs;
  const { model, today } = ctx;
  const own = <T extends { academyId: string }>(xs: readonly T[]): T[] => xs.filter((x) => x.academyId === academy.id);
  const meetings = own(inputs.meetings);
  const actions = own(inputs.actions);
  const interventions = own(inputs.interventions);

  const stage = model.stages.find((s) => s.id === academy.supportStage);
  const ladder = currentStep(own(inputs.escalations), model);
  const support = supportDayUsage(academy, inputs.supportDays, meetings, model);
  const openActions = actions.filter(isActionLive);
  const overdue = openActions.filter((a) => isActionOverdue(a, today));
  const overdueActions = overdue.length;
  const awaiting = dropsAwaitingReview(own(inputs.kpiDataPoints));
  const drops = awaiting.length;
  const latePapers = meetings.flatMap((m) => m.papers.filter((p) => isPaperOverdue(p, m, today)).map((paper) => ({ meeting: m, paper })));
  const overduePapers = latePapers.length;
  const missed = missedReviews(interventions, today);

  const inspection = inspectionStatus(academy, model);
  const rag = withInspectionReasons(
    ragStatus(
      {
        ...ragGrades(academy),
        overdueActions,
        kpiDropsAwaitingReview: drops,
        overduePapers,
        escalationStep: ladder.number,
        escalationLabel: ladder.label,
        escalationSteps: ladder.of,
        ...(support.spendPercent !== undefined ? { supportSpendPercent: support.spendPercent } : {}),
        missedInterventionReviews: missed.map((x) => ({ title: x.intervention.title, due: x.due })),
      },
      model.rag,
    ),
    academy,
    model,
  );
  const fixes = flagFixes({
    academyId: academy.id,
    model,
    meetings,
    overdueActions: overdue,
    dropsAwaitingReview: awaiting,
    overduePapers: latePapers,
    missedReviews: missed,
  });

  const next = nextMeetingOf(meetings, today);
  const nextKind = next && model.meetingKinds.find((k) => k.id === next.kind);
  return {
    academyId: academy.id,
    name: academy.name,
    phase: academy.phase,
    stage: { id: academy.supportStage, label: stage?.label ?? academy.supportStage },
    ...(academy.riskBand ? { riskBand: academy.riskBand } : {}),
    ofsted: inspection.ofsted,
    inOfstedWindow: academy.inOfstedWindow,
    sponsored: academy.sponsored,
    rag: rag.level,
    reasons: withFixes(rag.reasons, fixes),
    ...(next
      ? {
          nextMeeting: {
            id: next.id,
            kind: next.kind,
            abbreviation: nextKind?.abbreviation ?? next.kind,
            date: next.date,
            startsAt: next.startsAt,
            chairId: next.chairId,
            papers: {
              required: next.papers.length,
              in: next.papers.filter(isPaperIn).length,
              overdue: next.papers.filter((p) => isPaperOverdue(p, next, today)).length,
            },
            papersState: papersState(next, today),
          },
        }
      : {}),
    actions: { open: openActions.length, overdue: overdueActions },
    kpiDropsAwaitingReview: drops,
    interventions: { active: interventions.filter((i) => i.status === 'active').length, reviewsOverdue: missed.length },
    escalation: {
      step: ladder.number,
      of: ladder.of,
      stepId: ladder.stepId,
      label: ladder.label,
      ...(ladder.since ? { since: ladder.since } : {}),
    },
    supportDays: support,
    ...(inspection.inspection ? { inspection: inspection.inspection } : {}),
    ...(inspection.selfEvaluation ? { selfEvaluation: inspection.selfEvaluation } : {}),
    cadence: inspection.cadence,
    ...(inputs.stale ? { stale: { since: inputs.stale.since, lists: [...inputs.stale.lists] } } : {}),
  };
}

export interface TrustDashboard {
  academies: AcademyStatus[];
  counts: Record<RagLevel, number>;
}

const RAG_ORDER: Record<RagLevel, number> = { red: 0, amber: 1, green: 2 };

/** Every academy worst first (red, amber, green, then by name), with how many are at each level: the board's dashboard. */
export function trustDashboard(statuses: readonly AcademyStatus[]): TrustDashboard {
  const academies = [...statuses].sort((a, b) => RAG_ORDER[a.rag] - RAG_ORDER[b.rag] || a.name.localeCompare(b.name, 'en-GB'));
  const counts: Record<RagLevel, number> = { red: 0, amber: 0, green: 0 };
  for (const s of academies) counts[s.rag]++;
  return { academies, counts };
}
