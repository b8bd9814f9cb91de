import { GRADE_LABELS, type Grade, type OfstedGrade } from './grades';
import type { ImprovementModel, RagLevel } from './models/improvement-model.schema';
import { formatLongDate } from './london-time';
import { countOf } from './outcome';

export type RagConfig = ImprovementModel['rag'];

/** What an academy's RAG is worked out from. */
export interface RagSignals {
  ofstedGrade: OfstedGrade;
  selfEvaluatedGrade?: Grade;
  overdueActions: number;
  kpiDropsAwaitingReview: number;
  overduePapers: number;
  /** 1 = the first rung of the ladder. */
  escalationStep: number;
  /** The step's label and the ladder's length, to say "Formal action plan (escalation step 3 of 4)". */
  escalationLabel?: string;
  escalationSteps?: number;
  supportSpendPercent?: number;
  /** Intervention reviews whose agreed date has passed without one, the earliest first (title and the date it was due). */
  missedInterventionReviews?: readonly { title: string; due: string }[];
}

export type RagReasonCode =
  | 'RAG.OFSTED_GRADE'
  | 'RAG.SELF_EVALUATION'
  | 'RAG.OVERDUE_ACTIONS'
  | 'RAG.KPI_DROPS'
  | 'RAG.OVERDUE_PAPERS'
  | 'RAG.ESCALATION'
  | 'RAG.SUPPORT_SPEND'
  | 'RAG.MISSED_INTERVENTION_REVIEW'
  | 'RAG.NO_CONCERNS';

/**
 * Where a flag is resolved, in the tab's terms but free of its paths: a page (an academy or a
 * meeting), the part of it to open, and who is expected to act. Every host turns it into a link.
 */
export interface RagFix {
  page: 'academy' | 'meeting';
  /** The academy's or meeting's id. */
  id: string;
  /** The part of the page: "action-<id>", "actions", "kpi-drops", "intervention-<id>", "papers", "escalation", "support". */
  anchor: string;
  /** What the link says: "Review the KPI drop at the AIM on Thu 4 Feb 2027". */
  label: string;
  /** The person expected to resolve it, where there is one (the action's owner, the meeting's chair). */
  personId?: string;
}

export interface RagReason {
  level: RagLevel;
  code: RagReasonCode;
  /** Plain English a CEO reads on the dashboard: "3 actions overdue". */
  text: string;
  /** Where the person responsible resolves it (added by `academyStatus`). */
  fix?: RagFix;
}

export interface RagStatus {
  level: RagLevel;
  reasons: RagReason[];
}

const RANK: Record<RagLevel, number> = { green: 0, amber: 1, red: 2 };

/** Worst of two levels. */
export const worseOf = (a: RagLevel, b: RagLevel): RagLevel => (RANK[a] >= RANK[b] ? a : b);

/** The level a count reaches against the trust's thresholds; nothing counted is never a concern. */
function levelFor(value: number, t: { amber: number; red: number }): RagLevel {
  if (value <= 0) return 'green';
  if (value >= t.red) return 'red';
  return value >= t.amber ? 'amber' : 'green';
}

/**
 * An academy's RAG status with the reasons for it, from the trust's thresholds. The level is the
 * worst reason's; a green academy says why it is green.
 */
export function ragStatus(signals: RagSignals, rag: RagConfig): RagStatus {
  const reasons: RagReason[] = [];
  const add = (level: RagLevel | undefined, code: RagReasonCode, text: string) => {
    if (level && level !== 'green') reasons.push({ level, code, text });
  };

  add(rag.ofstedGrade[signals.ofstedGrade], 'RAG.OFSTED_GRADE', `Ofsted: ${GRADE_LABELS[signals.ofstedGrade]}`);
  if (signals.selfEvaluatedGrade)
    add(
      rag.selfEvaluatedGrade[signals.selfEvaluatedGrade],
      'RAG.SELF_EVALUATION',
      `Self-evaluation: ${GRADE_LABELS[signals.selfEvaluatedGrade]}`,
    );
  add(levelFor(signals.overdueActions, rag.overdueActions), 'RAG.OVERDUE_ACTIONS', `${countOf(signals.overdueActions, 'action')} overdue`);
  add(
    levelFor(signals.kpiDropsAwaitingReview, rag.kpiDropsAwaitingReview),
    'RAG.KPI_DROPS',
    `${countOf(signals.kpiDropsAwaitingReview, 'KPI drop')} awaiting review`,
  );
  add(levelFor(signals.overduePapers, rag.overduePapers), 'RAG.OVERDUE_PAPERS', `${countOf(signals.overduePapers, 'paper')} overdue`);
  const stepOf = signals.escalationSteps ? ` of ${signals.escalationSteps}` : '';
  add(
    levelFor(signals.escalationStep, rag.escalationStep),
    'RAG.ESCALATION',
    signals.escalationLabel
      ? `${signals.escalationLabel} (escalation step ${signals.escalationStep}${stepOf})`
      : `Escalation step ${signals.escalationStep}${stepOf}`,
  );
  if (signals.supportSpendPercent !== undefined) {
    add(
      levelFor(signals.supportSpendPercent, rag.supportSpendPercent),
      'RAG.SUPPORT_SPEND',
      `Support spend at ${signals.supportSpendPercent}% of the improvement budget`,
    );
  }

  const missed = signals.missedInterventionReviews ?? [];
  if (missed.length > 0) {
    const first = missed[0]!;
    add(
      levelFor(missed.length, rag.missedInterventionReviews),
      'RAG.MISSED_INTERVENTION_REVIEW',
      missed.length === 1
        ? `Intervention review missed: “${first.title}” was due ${formatLongDate(first.due)}`
        : `${countOf(missed.length, 'intervention review')} missed, the first “${first.title}” due ${formatLongDate(first.due)}`,
    );
  }

  if (reasons.length === 0) {
    const grade = signals.ofstedGrade === 'not-inspected' ? 'not yet inspected' : `Ofsted ${GRADE_LABELS[signals.ofstedGrade]}`;
    return {
      level: 'green',
      reasons: [
        {
          level: 'green',
          code: 'RAG.NO_CONCERNS',
          text: `No concerns: ${grade}, no overdue actions or papers, no KPI drops awaiting review`,
        },
      ],
    };
  }
  // Worst first, keeping the order above within a level.
  const sorted = reasons
    .map((r, i) => ({ r, i }))
    .sort((a, b) => RANK[b.r.level] - RANK[a.r.level] || a.i - b.i)
    .map((x) => x.r);
  return { level: sorted[0]!.level, reasons: sorted };
}
