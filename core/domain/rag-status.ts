import { GRADE_LABELS, type Grade, type OfstedGrade } from './grades';
import type { ImprovementModel, RagLevel } from './models/improvement-model.schema';
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
}

export type RagReasonCode =
  | 'RAG.OFSTED_GRADE'
  | 'RAG.SELF_EVALUATION'
  | 'RAG.OVERDUE_ACTIONS'
  | 'RAG.KPI_DROPS'
  | 'RAG.OVERDUE_PAPERS'
  | 'RAG.ESCALATION'
  | 'RAG.SUPPORT_SPEND'
  | 'RAG.NO_CONCERNS';

export interface RagReason {
  level: RagLevel;
  code: RagReasonCode;
  /** Plain English a CEO reads on the dashboard: "3 actions overdue". */
  text: string;
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
  if (signals.selfEvaluatedGrade) add(rag.selfEvaluatedGrade[signals.selfEvaluatedGrade], 'RAG.SELF_EVALUATION', `Self-evaluation: ${GRADE_LABELS[signals.selfEvaluatedGrade]}`);
  add(levelFor(signals.overdueActions, rag.overdueActions), 'RAG.OVERDUE_ACTIONS', `${countOf(signals.overdueActions, 'action')} overdue`);
  add(levelFor(signals.kpiDropsAwaitingReview, rag.kpiDropsAwaitingReview), 'RAG.KPI_DROPS', `${countOf(signals.kpiDropsAwaitingReview, 'KPI drop')} awaiting review`);
  add(levelFor(signals.overduePapers, rag.overduePapers), 'RAG.OVERDUE_PAPERS', `${countOf(signals.overduePapers, 'paper')} overdue`);
  const stepOf = signals.escalationSteps ? ` of ${signals.escalationSteps}` : '';
  add(
    levelFor(signals.escalationStep, rag.escalationStep),
    'RAG.ESCALATION',
    signals.escalationLabel ? `${signals.escalationLabel} (escalation step ${signals.escalationStep}${stepOf})` : `Escalation step ${signals.escalationStep}${stepOf}`,
  );
  if (signals.supportSpendPercent !== undefined) {
    add(levelFor(signals.supportSpendPercent, rag.supportSpendPercent), 'RAG.SUPPORT_SPEND', `Support spend at ${signals.supportSpendPercent}% of the improvement budget`);
  }

  if (reasons.length === 0) {
    const grade = signals.ofstedGrade === 'not-inspected' ? 'not yet inspected' : `Ofsted ${GRADE_LABELS[signals.ofstedGrade]}`;
    return { level: 'green', reasons: [{ level: 'green', code: 'RAG.NO_CONCERNS', text: `No concerns: ${grade}, no overdue actions or papers, no KPI drops awaiting review` }] };
  }
  // Worst first, keeping the order above within a level.
  const sorted = reasons.map((r, i) => ({ r, i })).sort((a, b) => RANK[b.r.level] - RANK[a.r.level] || a.i - b.i).map((x) => x.r);
  return { level: sorted[0]!.level, reasons: sorted };
}
