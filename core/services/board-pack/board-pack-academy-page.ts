import { ImageRun, Paragraph, type Table } from 'docx';
import type { AcademyPageFigures } from './board-pack-figures';
import {
  bullet,
  dateWords,
  heading,
  kpiValue,
  money,
  para,
  plural,
  RAG_FILL,
  RAG_WORDS,
  spendWords,
  table,
  timeWords,
  TONE_FILL,
} from './docx-parts';
import { CHART_SIZE, kpiChartAltText, kpiChartPng } from './kpi-chart';

/** The chart as printed: 15 cm wide at the image's own proportions (docx sizes images in pixels at 96 dpi). */
const PRINTED = { width: 560, height: Math.round((560 * CHART_SIZE.height) / CHART_SIZE.width) };

function inspection(a: AcademyPageFigures): (Paragraph | Table)[] {
  const i = a.status.inspection;
  if (!i) return [para('Not yet inspected.')];
  if (i.kind === 'grade')
    return [para(`Ofsted grade: ${i.label}${i.date ? `, inspected ${dateWords(i.date)}` : ''} (before report cards).`)];
  return [
    para(`Report card of ${dateWords(i.date)}.`),
    table(
      ['Evaluation area', 'Grade'],
      [
        ...i.areas.map((x) => [x.label, { text: x.gradeLabel, fill: TONE_FILL[x.tone] }]),
        ['Safeguarding', { text: i.safeguarding.label, fill: TONE_FILL[i.safeguarding.tone] }],
      ],
      [60, 40],
    ),
    ...(i.monitoring ? [para(i.monitoring, { italics: true })] : []),
  ];
}

function kpis(a: AcademyPageFigures): (Paragraph | Table)[] {
  if (a.kpis.length === 0) return [para('No KPI targets are set for this year.')];
  return a.kpis.flatMap((k) => [
    heading(`${k.measure} (target ${kpiValue(k.target, k.unit)}, ${k.higherIsBetter ? 'higher is better' : 'lower is better'})`, 3),
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: kpiChartPng(k),
          transformation: PRINTED,
          altText: { name: k.measure, title: k.measure, description: kpiChartAltText(k) },
        }),
      ],
    }),
    table(
      ['Data point', 'Value', 'Target', 'Against target'],
      k.points.map((p) => [
        p.label,
        p.value === undefined ? 'Not recorded yet' : kpiValue(p.value, k.unit),
        kpiValue(k.target, k.unit),
        p.value === undefined
          ? '–'
          : p.belowTarget
            ? { text: 'Below target', fill: RAG_FILL.red }
            : { text: 'On target', fill: RAG_FILL.green },
      ]),
      [34, 22, 22, 22],
    ),
  ]);
}

/** One academy's pages: inspection, RAG and why, KPIs, this term's judgements, interventions, escalation and support. */
export function academyPage(a: AcademyPageFigures): (Paragraph | Table)[] {
  const s = a.status;
  const u = s.supportDays;
  return [
    heading(a.name, 1),
    para(`Stage: ${a.stage.replace(/\.$/, '')}. RAG: ${RAG_WORDS[s.rag]}.`, { bold: true }),
    heading('Latest inspection'),
    ...inspection(a),
    heading('RAG and why'),
    table(
      ['RAG', 'Reason'],
      s.reasons.map((r) => [{ text: RAG_WORDS[r.level], fill: RAG_FILL[r.level] }, r.text]),
      [15, 85],
    ),
    heading('KPIs against target'),
    ...kpis(a),
    heading('Judgements by area this term'),
    ...(a.judgements.length === 0
      ? [para('No judgements were recorded at meetings held this term.')]
      : [
          table(
            ['Meeting', 'Area', 'Indicative grade', 'Evidence'],
            a.judgements.map((j) => [`${j.meeting}, ${dateWords(j.date)}`, j.area, j.grade, j.evidence || '–']),
            [22, 22, 16, 40],
          ),
        ]),
    heading('Interventions and their impact'),
    ...(a.interventions.length === 0
      ? [para('No interventions this year.')]
      : [
          table(
            ['Intervention', 'Kind', 'Status', 'Runs', 'Impact'],
            a.interventions.map((i) => [
              i.title,
              i.kind,
              `${i.status}${i.lastReview ? `; last reviewed ${dateWords(i.lastReview)}` : ''}`,
              `${dateWords(i.start)} to ${dateWords(i.end)}`,
              i.impact,
            ]),
            [24, 14, 16, 20, 26],
          ),
        ]),
    heading('Escalation'),
    para(
      `Step ${s.escalation.step} of ${s.escalation.of}: ${s.escalation.label}${s.escalation.since ? `, since ${timeWords(s.escalation.since)}` : ''}.`,
    ),
    ...(a.escalationHistory.length === 0
      ? [para('The academy has not moved on the ladder.')]
      : [
          table(
            ['When', 'Move', 'To', 'By', 'Why'],
            a.escalationHistory.map((e) => [timeWords(e.at), e.direction, e.step, e.by, e.reason]),
            [16, 8, 22, 16, 38],
          ),
        ]),
    heading('Support days and spend'),
    para(
      `Core days used ${u.coreUsed} of ${u.allowance}; optional days ${u.optionalUsed} of ${u.optionalAllowance}; development days ${u.developmentDays}. Spend: ${spendWords(u.spendPence, u.budgetPence)}.`,
    ),
    ...(u.mustBudget ? [bullet('Below Good: the academy must budget for improvement support.')] : []),
    ...(a.supportDays.length === 0
      ? [para('No support days recorded this year.')]
      : [
          table(
            ['Date', 'Kind', 'Days', 'What', 'Charge'],
            a.supportDays.map((d) => [
              dateWords(d.date),
              d.kind,
              String(d.days),
              d.description,
              d.chargePence > 0 ? money(d.chargePence) : '–',
            ]),
            [22, 18, 8, 40, 12],
          ),
        ]),
    para(`${plural(s.actions.open, 'open action')}, ${s.actions.overdue} overdue.`),
  ];
}
