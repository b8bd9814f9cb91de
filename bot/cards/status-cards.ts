import type { AcademyStatus } from '../../core/domain/academy-status';
import type { LocalDate } from '../../core/domain/local-date';
import { formatLongDate, formatLongDateTime, RAG_LABELS, riskBandLabel } from '../../core/domain/format';
import type { RagLevel } from '../../core/domain/models/improvement-model.schema';
import { countOf } from '../../core/domain/outcome';
import type { GradeTone } from '../../core/domain/report-card-labels';
import { adaptiveCard, execute, facts, heading, openUrl, text, type AdaptiveCard, type TextBlock } from './adaptive-card';
import type { CardLinks } from './card-links';
import { md } from './card-text';

/** RAG levels in the product's one set of words. */
const RAG_LABEL: Record<RagLevel, string> = RAG_LABELS;
const RAG_COLOUR: Record<RagLevel, TextBlock['color']> = { red: 'Attention', amber: 'Warning', green: 'Good' };
const pounds = (pence: number) => `£${(pence / 100).toLocaleString('en-GB', { maximumFractionDigits: 0 })}`;

/** The CEO's answer to "how is Oakfield doing?": RAG with reasons and everything the dashboard shows for one academy. */
export function academyStatusCard(s: AcademyStatus, ctx: { links: CardLinks; nameOf: (personId: string) => string }): AdaptiveCard {
  const next = s.nextMeeting;
  const sd = s.supportDays;
  return adaptiveCard(
    [
      heading(s.name),
      text(`${RAG_LABEL[s.rag]}`, { color: RAG_COLOUR[s.rag], weight: 'Bolder', size: 'Large', spacing: 'None' }),
      ...s.reasons.map((r) => text(`• ${r.text}`, { spacing: 'None' })),
      facts([
        ['Stage', `${s.stage.label}${s.riskBand ? ` (risk band: ${riskBandLabel(s.riskBand).toLowerCase()})` : ''}`],
        [
          'Ofsted',
          `${s.ofsted.label}${s.ofsted.date ? `, ${formatLongDate(s.ofsted.date)}` : ''}${s.inOfstedWindow ? ' · in an Ofsted window' : ''}`,
        ],
        [
          'Next meeting',
          next ? `${next.abbreviation}, ${formatLongDateTime(next.startsAt)}, chaired by ${ctx.nameOf(next.chairId)}` : 'none planned',
        ],
        [
          'Papers',
          next
            ? `${next.papers.in} of ${next.papers.required} in${next.papers.overdue ? `, ${next.papers.overdue} overdue` : ''}`
            : undefined,
        ],
        ['Actions', `${s.actions.open} open, ${s.actions.overdue} overdue`],
        ['KPI drops', s.kpiDropsAwaitingReview ? `${countOf(s.kpiDropsAwaitingReview, 'drop')} awaiting review` : 'none awaiting review'],
        [
          'Interventions',
          `${s.interventions.active} active${s.interventions.reviewsOverdue ? `, ${countOf(s.interventions.reviewsOverdue, 'review')} overdue` : ''}`,
        ],
        ['Escalation', `step ${s.escalation.step} of ${s.escalation.of}: ${s.escalation.label}`],
        ['Support days', supportDaysLine(sd)],
      ]),
      ...reportCardBlocks(s),
      ...(s.cadence?.length
        ? [
            text(md`
**Meetings this year, and why**
            `),
            ...s.cadence.map((c) => text(`• ${c.text}`, { spacing: 'None' })),
          ]
        : []),
    ],
    { actions: [openUrl('Open in the tab', ctx.links.academy(s.academyId))], fallbackText: `${s.name}: ${RAG_LABEL[s.rag]}` },
  );
}

const TONE_COLOUR: Record<GradeTone, TextBlock['color']> = { danger: 'Attention', warning: 'Warning', success: 'Good', brand: 'Accent' };

/** The latest report card area by area, each grade in words and in its colour, then safeguarding (issue 17). */
function reportCardBlocks(s: AcademyStatus): TextBlock[] {
  const card = s.inspection?.kind === 'report-card' ? s.inspection : undefined;
  if (!card) return [];
  return [
    text(md`**Ofsted report card, ${formatLongDate(card.date)}**`),
    ...card.areas.map((a) => text(`${a.label}: ${a.gradeLabel}`, { color: TONE_COLOUR[a.tone], spacing: 'None' })),
    text(`Safeguarding: ${card.safeguarding.label}`, { color: TONE_COLOUR[card.safeguarding.tone], weight: 'Bolder', spacing: 'None' }),
    ...(card.monitoring ? [text(card.monitoring, { isSubtle: true, spacing: 'None' })] : []),
  ];
}

function supportDaysLine(sd: AcademyStatus['supportDays']): string {
  const dev = sd.developmentDays ? `; ${countOf(sd.developmentDays, 'development day')} charged` : '';
  const budget = sd.budgetPence
    ? `; ${pounds(sd.spendPence)} of a ${pounds(sd.budgetPence)} budget spent${sd.overBudget ? ' (over budget)' : ''}`
    : '';
  return `${sd.coreUsed} of ${sd.allowance} used, ${sd.coreRemaining} left${dev}${budget}`;
}

/** "Support days left at Hill Top". */
export function supportDaysCard(s: AcademyStatus, links: CardLinks): AdaptiveCard {
  return adaptiveCard([heading(`Support days at ${s.name}`), text(supportDaysLine(s.supportDays))], {
    actions: [openUrl('Open in the tab', links.academy(s.academyId))],
  });
}

/** "Which schools are red?": academies at one RAG level, each a button to its status. */
export function ragListCard(level: RagLevel, academies: readonly AcademyStatus[]): AdaptiveCard {
  if (academies.length === 0)
    return adaptiveCard([
      heading(`${RAG_LABEL[level]} academies`),
      text(`No academy you can see is ${RAG_LABEL[level].toLowerCase()} today.`),
    ]);
  return adaptiveCard(
    [
      heading(`${RAG_LABEL[level]} academies (${academies.length})`),
      ...academies.map((a) => text(md`**${a.name}**: ${a.reasons.map((r) => r.text).join('; ') || 'no reasons recorded'}`)),
    ],
    { actions: academies.slice(0, 5).map((a) => execute(a.name, 'academy.status', { academyId: a.academyId })) },
  );
}

/** "What's overdue at Brook Lane?" */
export function overdueCard(
  input: {
    academyName: string;
    actions: { text: string; ownerName: string; dueDate: LocalDate }[];
    papers: { title: string; dueDate: LocalDate; meetingDate: LocalDate }[];
  },
  links: CardLinks,
  academyId: string,
): AdaptiveCard {
  const none = input.actions.length === 0 && input.papers.length === 0;
  return adaptiveCard(
    [
      heading(`Overdue at ${input.academyName}`),
      ...(none ? [text('Nothing is overdue.')] : []),
      ...(input.actions.length
        ? [
            text(md`**Actions (${input.actions.length})**`),
            ...input.actions
              .slice(0, 15)
              .map((a) => text(`• ${a.text}: ${a.ownerName}, due ${formatLongDate(a.dueDate)}`, { spacing: 'None' })),
          ]
        : []),
      ...(input.papers.length
        ? [
            text(md`**Papers (${input.papers.length})**`),
            ...input.papers.map((p) =>
              text(`• ${p.title}: due ${formatLongDate(p.dueDate)} for the meeting on ${formatLongDate(p.meetingDate)}`, {
                spacing: 'None',
              }),
            ),
          ]
        : []),
    ],
    { actions: [openUrl('Open in the tab', links.academy(academyId))] },
  );
}

/** "Who hasn't sent papers for this week's meetings?" */
export function missingPapersCard(
  rows: readonly { academyName: string; meetingDate: LocalDate; kind: string; paper: string; ownerName: string; overdue: boolean }[],
  range: { from: LocalDate; to: LocalDate },
): AdaptiveCard {
  return adaptiveCard([
    heading(`Papers not yet in for meetings ${formatLongDate(range.from)} – ${formatLongDate(range.to)}`),
    ...(rows.length === 0
      ? [text('Every paper is in.')]
      : rows
          .slice(0, 30)
          .map((r) =>
            text(
              md`• **${r.ownerName}** (${r.academyName}): ${r.paper} for the ${r.kind} on ${formatLongDate(r.meetingDate)}${r.overdue ? ' · overdue' : ''}`,
              { spacing: 'None' },
            ),
          )),
  ]);
}

/** "Next meetings", for one academy or every one the person may see. */
export function nextMeetingsCard(
  title: string,
  rows: readonly { academyName: string; kind: string; startsAt: string; chairName: string; papers: string }[],
): AdaptiveCard {
  return adaptiveCard([
    heading(title),
    ...(rows.length === 0
      ? [text('No meetings planned.')]
      : rows.slice(0, 15).map((r) =>
          text(md`• **${r.academyName}**: ${r.kind}, ${formatLongDateTime(r.startsAt)}, chaired by ${r.chairName}; papers ${r.papers}`, {
            spacing: 'None',
          }),
        )),
  ]);
}
