import type { AcademyProgress, Trend } from '../../core/domain/academy-progress';

import { GRADE_LABELS } from '../../core/domain/grades';

import { formatLongDate, interventionStatusLabel, ragLabel } from '../../core/domain/format';
import { londonDateOf } from '../../core/domain/london-time';
import type { RagLevel } from '../../core/domain/models/improvement-model.schema';
import { countOf } from '../../core/domain/outcome';
import { formatPounds } from '../../core/domain/support-day-usage';
import type { academySupport } from '../../core/services/chat-answers.service';

import { adaptiveCard, facts, heading, openUrl, text, type AdaptiveCard, type CardElement } from './adaptive-card';
import type { CardLinks } from './card-links';
import { bullet, subtle, type Answer } from './answer-card-parts';
import { md } from './card-text';

/*
 * Chat's answers about how an academy is doing and the support around it: progress, support days,
 * interventions, the escalation ladder.
 */

const TREND_WORDS: Record<Trend, string> = { better: 'up', worse: 'down', same: 'no change', 'too-early': 'one data point so far' };
const VERDICT: Record<AcademyProgress['verdict'], string> = {
  improving: 'Improving',
  declining: 'Getting worse',
  mixed: 'Mixed: some measures better, some worse',
  steady: 'Holding steady',
  'too-early': 'Too early to say: nothing has been measured twice this year yet',
};
const value = (v: number, unit: string) => (unit === 'percent' ? `${v}%` : String(v));

/** "Is Willow Bank improving?": a verdict, then the evidence it rests on (KPI data points against targets, judgements over time, RAG, the ladder). */
export function progressCard(
  p: AcademyProgress & {
    academyId: string;
    academyName: string;
    rag: { level: RagLevel; reasons: string[] };
    ladder: { step: number; of: number; label: string };
    dataPointLabels: Record<number, string>;
    askedAbout?: string | undefined;
  },
  links: CardLinks,
): AdaptiveCard {
  const label = (n: number) => p.dataPointLabels[n] ?? `data point ${n}`;
  const body: CardElement[] = [
    heading(`Is ${p.academyName} improving?`),
    text(VERDICT[p.verdict], {
      weight: 'Bolder',
      size: 'Medium',
      color: p.verdict === 'improving' ? 'Good' : p.verdict === 'declining' ? 'Attention' : 'Default',
      spacing: 'None',
    }),
  ];
  if (p.askedAbout === 'no-such-kpi') body.push(subtle('It has no KPI by that name this year, so here are all of them.'));
  if (p.kpis.length) {
    body.push(text(md`**KPIs against targets** (${p.onTarget.met} of ${p.onTarget.of} on target)`));
    for (const k of p.kpis) {
      const series = k.dataPoints.map((d) => `${value(d.value, k.unit)} (${label(d.point)})`).join(' → ') || 'no data yet';
      body.push(
        bullet(
          `${k.measure}: ${series}; target ${value(k.target, k.unit)}${k.higherIsBetter ? '' : ' or lower'}; ${k.meetsTarget === undefined ? 'not measured yet' : k.meetsTarget ? 'on target' : 'below target'}, ${TREND_WORDS[k.trend]}`,
        ),
      );
    }
  } else body.push(text('No KPI targets are agreed for this year yet.'));
  if (p.areas.length) {
    body.push(
      text(md`
**Judgements over time**
      `),
    );
    for (const a of p.areas)
      body.push(
        bullet(`${a.area}: ${a.grades.map((g) => `${GRADE_LABELS[g.grade]} (${g.kindName}, ${formatLongDate(g.date)})`).join(' → ')}`),
      );
  }
  body.push(
    facts([
      ['RAG now', `${ragLabel(p.rag.level)}: ${p.rag.reasons.join('; ')}`],
      [
        'Escalation',
        `step ${p.ladder.step} of ${p.ladder.of}: ${p.ladder.label}${p.escalation === 'better' ? ', down the ladder this year' : p.escalation === 'worse' ? ', up the ladder this year' : ''}`,
      ],
    ]),
  );
  return adaptiveCard(body, {
    actions: [openUrl('Open in the tab', links.academy(p.academyId))],
    fallbackText: `${p.academyName}: ${VERDICT[p.verdict]}`,
  });
}

type Support = Answer<typeof academySupport>;

/** "Support days left at Hill Top": the allowance used and left, development days charged, budget spent. */
export function supportDaysAnswerCard(s: Support, links: CardLinks): AdaptiveCard {
  const d = s.supportDays;
  return adaptiveCard(
    [
      heading(`Support days at ${s.academyName}`),
      facts([
        ['Core days', `${d.coreUsed} of ${d.allowance} used, ${d.coreRemaining} left`],
        ['Optional days', d.optionalAllowance ? `${d.optionalUsed} of ${d.optionalAllowance} used` : undefined],
        ['Development days', d.developmentDays ? `${d.developmentDays} charged` : 'none'],
        [
          'Budget',
          d.budgetPence
            ? `${formatPounds(d.spendPence)} of ${formatPounds(d.budgetPence)} spent${d.spendPercent !== undefined ? ` (${d.spendPercent}%)` : ''}${d.overBudget ? ', over budget' : ''}`
            : d.mustBudget
              ? 'no budget set, though one is needed below Good'
              : 'no budget set',
        ],
      ]),
      ...s.developmentDays.slice(-5).map((x) => bullet(`${formatLongDate(x.date)}: ${countOf(x.days, 'day')}, ${x.description}`)),
    ],
    { actions: [openUrl('Open in the tab', links.academy(s.academyId))] },
  );
}

/** "What interventions are running at Hill Top?": each with its kind, lead, time limit and next review. */
export function interventionsCard(s: Support, links: CardLinks): AdaptiveCard {
  const live = s.interventions.filter((i) => i.status === 'active' || i.status === 'planned');
  const ended = s.interventions.length - live.length;
  const body: CardElement[] = [heading(`Interventions at ${s.academyName}`)];
  if (!live.length) body.push(text('No intervention is running or planned.'));
  for (const i of live) {
    body.push(text(md`**${i.title}** (${i.kind}, ${interventionStatusLabel(i.status).toLowerCase()})`, { spacing: 'Medium' }));
    body.push(
      facts([
        ['Lead', i.leadName],
        ['From', i.supportingAcademy],
        ['Runs', `${formatLongDate(i.startDate)} to ${formatLongDate(i.endDate)}`],
        ['Next review', i.nextReview ? `${formatLongDate(i.nextReview)}${i.reviewOverdue ? ' (overdue)' : ''}` : 'none due'],
      ]),
    );
  }
  if (ended) body.push(subtle(`${countOf(ended, 'earlier intervention')} completed or stopped.`));
  return adaptiveCard(body, { actions: [openUrl('Open in the tab', links.academy(s.academyId))] });
}

/** "Where is Brook Lane on the escalation ladder?": the step now and each move, with its reason. */
export function escalationCard(s: Support, links: CardLinks): AdaptiveCard {
  const e = s.escalation;
  return adaptiveCard(
    [
      heading(`Escalation at ${s.academyName}`),
      text(`Step ${e.step} of ${e.of}: ${e.label}`, {
        weight: 'Bolder',
        color: e.step >= e.of - 1 && e.step > 1 ? 'Attention' : 'Default',
      }),
      ...(e.history.length
        ? e.history.map((h) => bullet(`${formatLongDate(londonDateOf(h.at))}: to step ${h.step} (${h.label}) by ${h.byName}: ${h.reason}`))
        : [subtle('It has not moved on the ladder.')]),
    ],
    { actions: [openUrl('Open in the tab', links.academy(s.academyId))] },
  );
}
