import type { Academy } from './academy';
import { cadenceReasons, type CadenceReason } from './cadence';
import { GRADE_LABELS, type OfstedGrade } from './grades';
import {
  inspectionView,
  latestGrade,
  latestInspection,
  latestReportCard,
  matchInWords,
  reportCardRag,
  reportCardSummary,
  ruleMatch,
  UNDATED,
  type InspectionView,
} from './inspections';
import type { LocalDate } from './local-date';
import type { ImprovementModel, RagLevel } from './models/improvement-model.schema';
import type { RagReason, RagStatus } from './rag-status';
import { compareSelfEvaluation, type SelfEvaluationComparison } from './self-evaluation';

/**
 * What an academy's status says about inspection: the latest inspection of either kind, the
 * academy's own view beside its report card, why it has the meetings it has, and the RAG reasons a
 * report card gives. Kept apart from `academy-status.ts`, which only adds these to its answer.
 */

export interface InspectionStatus {
  /** The line the dashboard and the bot have always shown: the grade, or the report card's summary. */
  ofsted: { grade: OfstedGrade; label: string; date?: LocalDate };
  /** The latest inspection, area by area when it is a report card. */
  inspection?: InspectionView;
  /** The academy's own view beside its latest report card. */
  selfEvaluation?: SelfEvaluationComparison;
  /** Why the academy gets the meetings it gets, one line per meeting kind. */
  cadence: CadenceReason[];
}

export function inspectionStatus(academy: Academy, model: ImprovementModel): InspectionStatus {
  const latest = latestInspection(academy);
  const ofsted =
    latest?.kind === 'report-card'
      ? { grade: academy.ofstedGrade, label: reportCardSummary(latest), date: latest.date }
      : {
          grade: academy.ofstedGrade,
          label: GRADE_LABELS[academy.ofstedGrade],
          ...(academy.ofstedDate ? { date: academy.ofstedDate } : latest && latest.date !== UNDATED ? { date: latest.date } : {}),
        };
  return {
    ofsted,
    ...(latest ? { inspection: inspectionView(latest) } : {}),
    ...(academy.selfEvaluation ? { selfEvaluation: compareSelfEvaluation(academy.selfEvaluation, latestReportCard(academy)) } : {}),
    cadence: cadenceReasons(model, academy),
  };
}

/** The single-word grades the RAG reads: none once a report card is the latest, and the old self-evaluated grade only until a per-area one is set. */
export function ragGrades(academy: Academy): { ofstedGrade: OfstedGrade; selfEvaluatedGrade?: NonNullable<Academy['selfEvaluatedGrade']> } {
  const ofstedGrade = latestGrade(academy) ?? 'not-inspected';
  return {
    ofstedGrade,
    ...(academy.selfEvaluatedGrade && !academy.selfEvaluation ? { selfEvaluatedGrade: academy.selfEvaluatedGrade } : {}),
  };
}

const RANK: Record<RagLevel, number> = { green: 0, amber: 1, red: 2 };

/**
 * Adds what a report card and a per-area self-evaluation say to a RAG worked out from the rest
 * (`ragStatus` reads single-word grades only). A report card with nothing below the trust's reading
 * adds nothing; a green academy's "no concerns" then names its report card rather than "not yet inspected".
 */
export function withInspectionReasons(rag: RagStatus, academy: Academy, model: ImprovementModel): RagStatus {
  const card = latestInspection(academy)?.kind === 'report-card' ? latestReportCard(academy) : undefined;
  const extra: RagReason[] = [];
  const byCard = card && reportCardRag(card, model.reportCards.belowGood);
  if (byCard) extra.push({ level: byCard.level, code: 'RAG.OFSTED_GRADE', text: byCard.text });
  const bySelf = academy.selfEvaluation && ruleMatch(model.reportCards.belowGood, academy.selfEvaluation);
  if (bySelf) extra.push({ level: 'amber', code: 'RAG.SELF_EVALUATION', text: `Self-evaluation: ${matchInWords(bySelf)}` });
  if (extra.length === 0) {
    if (!card || rag.level !== 'green') return rag;
    // The green reason was written as if never inspected (ragStatus saw no single-word grade): name the card instead.
    const named = reportCardSummary(card)
      .replace(/^Report card: /, 'report card with ')
      .replace('; safeguarding', ', safeguarding');
    return {
      ...rag,
      reasons: rag.reasons.map((r) => (r.code === 'RAG.NO_CONCERNS' ? { ...r, text: r.text.replace('not yet inspected', named) } : r)),
    };
  }
  const reasons = [...extra, ...rag.reasons.filter((r) => r.code !== 'RAG.NO_CONCERNS')]
    .map((r, i) => ({ r, i }))
    .sort((a, b) => RANK[b.r.level] - RANK[a.r.level] || a.i - b.i)
    .map((x) => x.r);
  return { level: reasons[0]!.level, reasons };
}
