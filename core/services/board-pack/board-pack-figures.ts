import { academyStatus, trustDashboard, type AcademyStatus } from '../../domain/academy-status';
import { isActionLive } from '../../domain/action-item';
import { isActionOverdue } from '../../domain/carry-forward';
import { escalationHistory } from '../../domain/escalation-ladder';
import { areaLabelOf, focusCoverage, judgementGradeLabel } from '../../domain/judgements';
import { isBelowTarget } from '../../domain/kpi-drops';
import type { LocalDate } from '../../domain/local-date';
import type { RagLevel } from '../../domain/models/improvement-model.schema';
import type { Person } from '../../domain/people';
import { londonDateOf } from '../../domain/london-time';
import type { MonitoringForm } from '../../domain/monitoring-form';
import type { AcademyStatusInputs } from '../../ports/record-store.port';
import type { TrustContext } from '../service-context';
import type { PackTerm } from './board-pack-term';
import { kpiTargetFields } from '../mappers/kpi-target.mapper';

/**
 * The figures a board pack prints, gathered once from the same records and rules the dashboard and
 * the academy page answer from (`academyStatus`), so the pack and the API cannot disagree. Every
 * value is already in words (labels, names), so the renderer prints and never looks anything up.
 */

/** What the last pack said, so this one can say what changed: each academy's RAG then. */
export interface PackSnapshot {
  generatedAt: string;
  rag: Record<string, RagLevel>;
}

export interface KpiLine {
  measure: string;
  unit: 'percent' | 'score' | 'count';
  higherIsBetter: boolean;
  target: number;
  /** Every data point of the model's year, in order; `value` absent where none is recorded yet. */
  points: { number: number; label: string; value?: number; belowTarget: boolean }[];
}

export interface AcademyPageFigures {
  academyId: string;
  name: string;
  stage: string;
  status: AcademyStatus;
  kpis: KpiLine[];
  /** Judgements by area from this term's held meetings, oldest first. */
  judgements: { meeting: string; date: LocalDate; area: string; grade: string; evidence: string }[];
  interventions: {
    title: string;
    kind: string;
    status: string;
    start: LocalDate;
    end: LocalDate;
    impact: string;
    lastReview?: LocalDate;
  }[];
  escalationHistory: { at: string; step: string; direction: string; reason: string; by: string }[];
  supportDays: { date: LocalDate; kind: string; days: number; description: string; chargePence: number }[];
  /** Held meetings and submitted QA visits this term, and areas looked at this year out of the areas the academy has. */
  qa: { heldThisTerm: number; visitsThisTerm: number; areasCovered: number; areasTotal: number };
}

export interface BoardPackFigures {
  trustName: string;
  academicYear: string;
  today: LocalDate;
  term: PackTerm;
  generatedAt: string;
  counts: Record<RagLevel, number>;
  /** Academies whose RAG differs from the last pack's (or every academy, `from` absent, when there was none). */
  changes: { name: string; from?: RagLevel; to: RagLevel }[];
  previousPackAt?: string;
  overdueActions: { academy: string; text: string; owner: string; dueDate: LocalDate }[];
  support: { spendPence: number; budgetPence: number; developmentDays: number; coreUsed: number; allowance: number };
  /** Academies with a meeting held or a QA visit submitted this term, of all in the pack. */
  qa: { academiesSeenThisTerm: number; academiesVisitedThisTerm: number; academies: number };
  academies: AcademyPageFigures[];
}

const STATUS_WORDS: Record<string, string> = { planned: 'Planned', active: 'Active', completed: 'Completed', stopped: 'Stopped' };
const IMPACT_WORDS: Record<string, string> = { 'not-yet-evident': 'Not yet evident', some: 'Some impact', strong: 'Strong impact' };
const SUPPORT_KIND_WORDS: Record<string, string> = { core: 'Core', development: 'Development (recharged)', optional: 'Optional' };

const inTerm = (d: LocalDate, term: PackTerm): boolean => d >= term.start && d <= term.end;

function kpiLines(inputs: AcademyStatusInputs, ctx: TrustContext): KpiLine[] {
  const id = inputs.academy.id;
  return inputs.kpiTargets
    .filter((t) => t.academyId === id && t.academicYear === ctx.academicYear)
    .sort((a, b) => a.measure.localeCompare(b.measure, 'en-GB'))
    .map((t) => {
      const values = new Map(inputs.kpiDataPoints.filter((p) => p.kpiId === t.id).map((p) => [p.point, p.value]));
      return {
        ...kpiTargetFields(t),
        points: ctx.model.kpis.dataPoints.map((d) => {
          const value = values.get(d.number);
          return {
            number: d.number,
            label: d.label,
            ...(value !== undefined ? { value } : {}),
            belowTarget: value !== undefined && isBelowTarget(t, value),
          };
        }),
      };
    });
}

/** A QA or monitoring visit as the pack counts it (the record kept by monitoring-visits.service.ts). */
export type PackVisit = Pick<MonitoringForm, 'academyId' | 'startsAt' | 'status'>;

function academyPage(
  inputs: AcademyStatusInputs,
  ctx: TrustContext,
  term: PackTerm,
  nameOf: (id: string) => string,
  visits: readonly PackVisit[],
): AcademyPageFigures {
  const { academy } = inputs;
  const { model } = ctx;
  const status = academyStatus(inputs, { model, calendar: ctx.calendar, today: ctx.today });
  const own = <T extends { academyId: string }>(xs: readonly T[]): T[] => xs.filter((x) => x.academyId === academy.id);
  const meetings = own(inputs.meetings);
  const kinds = new Map(model.meetingKinds.map((k) => [k.id, k]));
  const heldThisTerm = meetings
    .filter((m) => m.status === 'held' && inTerm(m.date, term))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const coverage = focusCoverage(meetings, model, academy);
  const steps = new Map(model.escalation.steps.map((s) => [s.id, s.label]));
  const interventionKinds = new Map(model.interventionKinds.map((k) => [k.id, k.label]));
  return {
    academyId: academy.id,
    name: academy.name,
    stage: status.stage.label,
    status,
    kpis: kpiLines(inputs, ctx),
    judgements: heldThisTerm.flatMap((m) =>
      m.judgements.map((j) => ({
        meeting: kinds.get(m.kind)?.name ?? 'Meeting',
        date: m.date,
        area: areaLabelOf(model, j.area),
        grade: judgementGradeLabel(j),
        evidence: j.evidence,
      })),
    ),
    interventions: own(inputs.interventions)
      .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id))
      .map((i) => {
        const last = (i.reviews ?? [])
          .map((r) => r.on)
          .sort()
          .at(-1);
        return {
          title: i.title,
          kind: interventionKinds.get(i.kind) ?? 'Intervention',
          status: STATUS_WORDS[i.status] ?? 'Active',
          start: i.startDate,
          end: i.endDate,
          impact: i.impact ? `${IMPACT_WORDS[i.impact.judgement] ?? 'Judged'}: ${i.impact.outcomesForPupils}` : 'Not judged yet',
          ...(last ? { lastReview: last } : {}),
        };
      }),
    escalationHistory: escalationHistory(own(inputs.escalations)).map((e) => ({
      at: e.at,
      step: steps.get(e.stepId) ?? `Step ${e.step + 1}`,
      direction: e.direction === 'down' ? 'Down' : 'Up',
      reason: e.reason,
      by: nameOf(e.by),
    })),
    supportDays: own(inputs.supportDays)
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
      .map((d) => ({
        date: d.date,
        kind: SUPPORT_KIND_WORDS[d.kind] ?? 'Support',
        days: d.days,
        description: d.description,
        chargePence: d.chargePence,
      })),
    qa: {
      heldThisTerm: heldThisTerm.length,
      // Drafts are a visit still being written up; only a submitted one is the academy's record.
      visitsThisTerm: visits.filter((v) => v.academyId === academy.id && v.status === 'submitted' && inTerm(londonDateOf(v.startsAt), term))
        .length,
      areasCovered: coverage.areas.length - coverage.notYetCovered.length,
      areasTotal: coverage.areas.length,
    },
  };
}

/** Every figure of the pack for the academies in `inputs` (the caller has already limited them to what the viewer may see). */
export function boardPackFigures(input: {
  trust: TrustContext;
  term: PackTerm;
  inputs: readonly AcademyStatusInputs[];
  people: readonly Pick<Person, 'id' | 'name'>[];
  /** QA and monitoring visits at these academies (any term; the pack counts this term's). */
  visits?: readonly PackVisit[];
  previous?: PackSnapshot;
  generatedAt: string;
}): BoardPackFigures {
  const { trust, term } = input;
  const names = new Map(input.people.map((p) => [p.id, p.name]));
  const nameOf = (id: string): string => names.get(id) ?? (id.startsWith('system:') ? 'the app' : 'someone no longer in the trust');
  const pages = input.inputs.map((i) => academyPage(i, trust, term, nameOf, input.visits ?? []));
  const dashboard = trustDashboard(pages.map((p) => p.status));
  const order = new Map(dashboard.academies.map((a, i) => [a.academyId, i]));
  pages.sort((a, b) => order.get(a.academyId)! - order.get(b.academyId)!);
  const previous = input.previous;
  const overdueActions = input.inputs
    .flatMap((i) =>
      i.actions
        .filter((a) => a.academyId === i.academy.id && isActionLive(a) && isActionOverdue(a, trust.today))
        .map((a) => ({ academy: i.academy.name, text: a.text, owner: nameOf(a.ownerId), dueDate: a.dueDate })),
    )
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.academy.localeCompare(b.academy, 'en-GB'));
  const sum = (f: (s: AcademyStatus) => number) => pages.reduce((n, p) => n + f(p.status), 0);
  return {
    trustName: trust.settings.name,
    academicYear: trust.academicYear,
    today: trust.today,
    term,
    generatedAt: input.generatedAt,
    counts: dashboard.counts,
    changes: pages
      .filter((p) => previous?.rag[p.academyId] !== p.status.rag)
      .map((p) => {
        const from = previous?.rag[p.academyId];
        return { name: p.name, ...(from ? { from } : {}), to: p.status.rag };
      }),
    ...(previous ? { previousPackAt: previous.generatedAt } : {}),
    overdueActions,
    support: {
      spendPence: sum((s) => s.supportDays.spendPence),
      budgetPence: sum((s) => s.supportDays.budgetPence),
      developmentDays: sum((s) => s.supportDays.developmentDays),
      coreUsed: sum((s) => s.supportDays.coreUsed),
      allowance: sum((s) => s.supportDays.allowance),
    },
    qa: {
      academiesSeenThisTerm: pages.filter((p) => p.qa.heldThisTerm > 0).length,
      academiesVisitedThisTerm: pages.filter((p) => p.qa.visitsThisTerm > 0).length,
      academies: pages.length,
    },
    academies: pages,
  };
}

/** What the next pack compares against. */
export const snapshotOf = (f: BoardPackFigures): PackSnapshot => ({
  generatedAt: f.generatedAt,
  rag: Object.fromEntries(f.academies.map((a) => [a.academyId, a.status.rag])),
});
