import type { ActionItem } from './action-item';
import type { Intervention } from './intervention';
import type { KpiDataPoint } from './kpi';
import { nextReviewFor } from './kpi-drops';
import type { LocalDate } from './local-date';
import { formatLongDate } from './london-time';
import type { Meeting, MeetingPaper } from './meeting';
import type { ImprovementModel } from './models/improvement-model.schema';
import type { RagFix, RagReason, RagReasonCode } from './rag-status';

/** What an academy's flags were worked out from, for finding where each is resolved. */
export interface FlagSources {
  academyId: string;
  model: ImprovementModel;
  meetings: readonly Meeting[];
  overdueActions: readonly ActionItem[];
  dropsAwaitingReview: readonly KpiDataPoint[];
  overduePapers: readonly { meeting: Meeting; paper: MeetingPaper }[];
  missedReviews: readonly { intervention: Pick<Intervention, 'id' | 'title' | 'leadId'>; due: LocalDate }[];
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * Every flag leads to its fix: the overdue action for its owner, the drop to review at the meeting
 * that reviews it (for its chair), the late paper on its meeting, the missed intervention review
 * for its lead. Counts of several lead to the list they are in.
 */
export function flagFixes(src: FlagSources): Partial<Record<RagReasonCode, RagFix>> {
  const academy = (anchor: string, label: string, personId?: string): RagFix => ({
    page: 'academy',
    id: src.academyId,
    anchor,
    label,
    ...(personId ? { personId } : {}),
  });
  const kindName = (m: Pick<Meeting, 'kind'>) => src.model.meetingKinds.find((k) => k.id === m.kind)?.abbreviation ?? m.kind;
  const fixes: Partial<Record<RagReasonCode, RagFix>> = {};

  const actions = [...src.overdueActions].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
  if (actions.length === 1)
    fixes['RAG.OVERDUE_ACTIONS'] = academy(
      `action-${actions[0]!.id}`,
      `Update the overdue action “${actions[0]!.text}”`,
      actions[0]!.ownerId,
    );
  else if (actions.length > 1) {
    const owners = new Set(actions.map((a) => a.ownerId));
    fixes['RAG.OVERDUE_ACTIONS'] = academy('actions', 'Update the overdue actions', owners.size === 1 ? actions[0]!.ownerId : undefined);
  }

  const drops = src.dropsAwaitingReview;
  if (drops.length > 0) {
    const reviewing = drops
      .map((d) => nextReviewFor(d, src.meetings, src.model))
      .filter((m): m is Meeting => m !== undefined)
      .sort((a, b) => a.date.localeCompare(b.date))[0];
    fixes['RAG.KPI_DROPS'] = reviewing
      ? {
          page: 'meeting',
          id: reviewing.id,
          anchor: 'kpi-drops',
          label: `Review the KPI ${plural(drops.length, 'drop', 'drops')} at the ${kindName(reviewing)} on ${formatLongDate(reviewing.date)}`,
          personId: reviewing.chairId,
        }
      : academy('kpis', `No meeting that reviews KPI drops is planned: plan one to review the ${plural(drops.length, 'drop', 'drops')}`);
  }

  const late = [...src.overduePapers].sort((a, b) => a.paper.dueDate.localeCompare(b.paper.dueDate))[0];
  if (late) {
    const label =
      src.overduePapers.length === 1
        ? `Send the ${late.paper.title} for the ${kindName(late.meeting)} on ${formatLongDate(late.meeting.date)}`
        : `Chase the late papers, starting with the ${kindName(late.meeting)} on ${formatLongDate(late.meeting.date)}`;
    fixes['RAG.OVERDUE_PAPERS'] = {
      page: 'meeting',
      id: late.meeting.id,
      anchor: 'papers',
      label,
      ...(late.paper.ownerId ? { personId: late.paper.ownerId } : {}),
    };
  }

  const missed = [...src.missedReviews].sort((a, b) => a.due.localeCompare(b.due))[0];
  if (missed)
    fixes['RAG.MISSED_INTERVENTION_REVIEW'] = academy(
      `intervention-${missed.intervention.id}`,
      `Record the review of “${missed.intervention.title}”`,
      missed.intervention.leadId,
    );

  fixes['RAG.ESCALATION'] = academy('escalation', 'See the escalation ladder and its history');
  fixes['RAG.SUPPORT_SPEND'] = academy('support', 'See support days and spend');
  // An inspection or self-evaluation grade is not cleared in the app; the support planned for it is.
  fixes['RAG.OFSTED_GRADE'] = academy('interventions', 'See the interventions supporting the academy');
  fixes['RAG.SELF_EVALUATION'] = academy('interventions', 'See the interventions supporting the academy');
  return fixes;
}

/** The reasons with their fixes attached (a green academy's "no concerns" has none). */
export const withFixes = (reasons: readonly RagReason[], fixes: Partial<Record<RagReasonCode, RagFix>>): RagReason[] =>
  reasons.map((r) => {
    const fix = fixes[r.code];
    return fix ? { ...r, fix } : r;
  });
