import type { Phase } from './academy';
import { isActionLive } from './action-item';
import { isActionOverdue } from './carry-forward';
import { currentStep } from './escalation-ladder';
import { GRADE_LABELS, type OfstedGrade } from './grades';
import { isReviewOverdue } from './intervention-reviews';
import { dropsAwaitingReview } from './kpi-drops';
import type { LocalDate } from './local-date';
import type { Meeting } from './meeting';
import type { ImprovementModel, RagLevel } from './models/improvement-model.schema';
import { isPaperIn, isPaperOverdue, papersState, type PapersState } from './paper-deadlines';
import type { Person } from './people';
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
  const overdueActions = openActions.filter((a) => isActionOverdue(a, today)).length;
  const drops = dropsAwaitingReview(own(inputs.kpiDataPoints)).length;
  const overduePapers = meetings.reduce((n, m) => n + m.papers.filter((p) => isPaperOverdue(p, m, today)).length, 0);

  const rag = ragStatus(
    {
      ofstedGrade: academy.ofstedGrade,
      ...(academy.selfEvaluatedGrade ? { selfEvaluatedGrade: academy.selfEvaluatedGrade } : {}),
      overdueActions,
      kpiDropsAwaitingReview: drops,
      overduePapers,
      escalationStep: ladder.number,
      escalationLabel: ladder.label,
      escalationSteps: ladder.of,
      ...(support.spendPercent !== undefined ? { supportSpendPercent: support.spendPercent } : {}),
    },
    model.rag,
  );

  const next = nextMeetingOf(meetings, today);
  const nextKind = next && model.meetingKinds.find((k) => k.id === next.kind);
  return {
    academyId: academy.id,
    name: academy.name,
    phase: academy.phase,
    stage: { id: academy.supportStage, label: stage?.label ?? academy.supportStage },
    ...(academy.riskBand ? { riskBand: academy.riskBand } : {}),
    ofsted: { grade: academy.ofstedGrade, label: GRADE_LABELS[academy.ofstedGrade], ...(academy.ofstedDate ? { date: academy.ofstedDate } : {}) },
    inOfstedWindow: academy.inOfstedWindow,
    sponsored: academy.sponsored,
    rag: rag.level,
    reasons: rag.reasons,
    ...(next
      ? {
          nextMeeting: {
            id: next.id,
            kind: next.kind,
            abbreviation: nextKind?.abbreviation ?? next.kind,
            date: next.date,
            startsAt: next.startsAt,
            chairId: next.chairId,
            papers: { required: next.papers.length, in: next.papers.filter(isPaperIn).length, overdue: next.papers.filter((p) => isPaperOverdue(p, next, today)).length },
            papersState: papersState(next, today),
          },
        }
      : {}),
    actions: { open: openActions.length, overdue: overdueActions },
    kpiDropsAwaitingReview: drops,
    interventions: { active: interventions.filter((i) => i.status === 'active').length, reviewsOverdue: interventions.filter((i) => isReviewOverdue(i, today)).length },
    escalation: { step: ladder.number, of: ladder.of, stepId: ladder.stepId, label: ladder.label, ...(ladder.since ? { since: ladder.since } : {}) },
    supportDays: support,
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
