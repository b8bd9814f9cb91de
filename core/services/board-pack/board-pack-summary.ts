import { Paragraph, TextRun, type Table } from 'docx';
import type { BoardPackFigures } from './board-pack-figures';
import { bullet, dateWords, heading, money, para, plural, RAG_FILL, RAG_WORDS, spendWords, table, timeWords } from './docx-parts';

/** At most this many overdue actions are listed; the rest are counted (the academy pages say where they are). */
const OVERDUE_LISTED = 10;

/** The pack's first page: the trust at a glance. */
export function trustSummary(f: BoardPackFigures): (Paragraph | Table)[] {
  const levels = ['red', 'amber', 'green'] as const;
  const changes = f.previousPackAt
    ? f.changes.length === 0
      ? [para(`No academy’s RAG has changed since the last pack (${timeWords(f.previousPackAt)}).`)]
      : [
          para(`Since the last pack (${timeWords(f.previousPackAt)}):`),
          ...f.changes.map((c) => bullet(`${c.name}: ${c.from ? RAG_WORDS[c.from] : 'new'} to ${RAG_WORDS[c.to]}`)),
        ]
    : [para('This is the first pack generated, so there is nothing earlier to compare with.')];
  const s = f.support;
  return [
    new Paragraph({ heading: 'Title', children: [new TextRun(`${f.trustName}: board pack`)] }),
    para(`${f.term.label}. Generated ${timeWords(f.generatedAt)} from the app’s live records, as at ${dateWords(f.today)}.`, {
      italics: true,
    }),
    heading('RAG across the trust'),
    table(
      levels.map((l) => RAG_WORDS[l]),
      [levels.map((l) => ({ text: plural(f.counts[l], 'academy', 'academies'), fill: RAG_FILL[l], bold: true }))],
    ),
    heading('What changed since the last pack'),
    ...changes,
    heading('Inspections across the trust'),
    table(
      ['Academy', 'RAG', 'Latest inspection', 'Result', 'Safeguarding'],
      f.academies.map((a) => {
        const i = a.status.inspection;
        return [
          a.name,
          { text: RAG_WORDS[a.status.rag], fill: RAG_FILL[a.status.rag] },
          i?.date ? dateWords(i.date) : 'Not inspected',
          i?.label ?? a.status.ofsted.label,
          i?.kind === 'report-card' ? i.safeguarding.label : 'Not graded separately',
        ];
      }),
      [26, 9, 20, 33, 12],
    ),
    heading('Overdue actions'),
    ...(f.overdueActions.length === 0
      ? [para('No action is overdue.')]
      : [
          para(`${plural(f.overdueActions.length, 'action')} overdue across the trust.`),
          table(
            ['Academy', 'Action', 'Owner', 'Due'],
            f.overdueActions.slice(0, OVERDUE_LISTED).map((a) => [a.academy, a.text, a.owner, dateWords(a.dueDate)]),
            [24, 40, 18, 18],
          ),
          ...(f.overdueActions.length > OVERDUE_LISTED
            ? [para(`And ${f.overdueActions.length - OVERDUE_LISTED} more, listed on each academy’s page in the app.`)]
            : []),
        ]),
    heading('Quality assurance coverage'),
    para(
      `${f.qa.academiesSeenThisTerm} of ${plural(f.qa.academies, 'academy', 'academies')} had a monitoring meeting held this term; ${f.qa.academiesVisitedThisTerm} had a QA visit written up.`,
    ),
    table(
      ['Academy', 'Meetings held this term', 'QA visits this term', 'Inspection areas looked at this year'],
      f.academies.map((a) => [
        a.name,
        String(a.qa.heldThisTerm),
        String(a.qa.visitsThisTerm),
        `${a.qa.areasCovered} of ${a.qa.areasTotal}`,
      ]),
      [34, 20, 18, 28],
    ),
    heading('Support spend against budget'),
    para(
      `Development days recharged: ${plural(s.developmentDays, 'day')}, ${spendWords(s.spendPence, s.budgetPence)}. Core days used: ${s.coreUsed} of ${s.allowance}.`,
    ),
    table(
      ['Academy', 'Core days used', 'Development days', 'Spend', 'Budget', 'Of budget'],
      f.academies.map((a) => {
        const u = a.status.supportDays;
        return [
          a.name,
          `${u.coreUsed} of ${u.allowance}`,
          String(u.developmentDays),
          money(u.spendPence),
          u.budgetPence > 0 ? money(u.budgetPence) : 'None set',
          u.spendPercent !== undefined
            ? { text: `${u.spendPercent}%`, ...(u.overBudget ? { fill: RAG_FILL.red } : {}) }
            : u.spendPence > 0
              ? { text: 'No budget', fill: RAG_FILL.amber }
              : '–',
        ];
      }),
      [30, 14, 14, 14, 14, 14],
    ),
  ];
}
