import type { AcademyStatus } from '../../core/domain/academy-status';
import { GRADE_LABELS } from '../../core/domain/grades';
import { REPORT_CARD_GRADE_LABELS } from '../../core/domain/report-card-labels';
import { daysBetween, type LocalDate } from '../../core/domain/local-date';
import { formatDateRange, formatLongDate, formatTime, ragLabel } from '../../core/domain/format';

import type { RagLevel } from '../../core/domain/models/improvement-model.schema';
import { countOf } from '../../core/domain/outcome';

import type { academyPeople, overdueAcrossTrust } from '../../core/services/chat-answers.service';
import type { meetingPapers, nextMeetings } from '../../core/services/chat-meeting-answers.service';
import type { MeetingRecordView } from '../../core/services/mappers/meeting-record.mapper';
import { adaptiveCard, execute, facts, heading, openUrl, text, type AdaptiveCard, type CardElement } from './adaptive-card';
import type { CardLinks } from './card-links';
import { md } from './card-text';
import { bullet, RAG_COLOUR, subtle, type Answer } from './answer-card-parts';

/** "Thursday 26 November 2026 at 09:30". */
const when = (date: LocalDate, startsAt: string) => `${formatLongDate(date)} at ${formatTime(startsAt)}`;
/** "tomorrow", "in 3 days", "in 10 weeks": how far ahead, because the next meeting may be months away. */
function howSoon(today: LocalDate, date: LocalDate): string {
  const d = daysBetween(today, date);
  if (d <= 0) return 'today';
  if (d === 1) return 'tomorrow';
  if (d < 14) return `in ${d} days`;
  return `in ${Math.round(d / 7)} weeks`;
}
const range = (from: LocalDate, to: LocalDate) => formatDateRange(from, to, formatLongDate);
/** The words a person used for dates, read back with capitals where English has them ("before Christmas", "in January"). */
const properNouns = (said: string) =>
  said.replace(
    /\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|xmas|easter)\b/g,
    (w) => w[0]!.toUpperCase() + w.slice(1),
  );

/** "Anything I should worry about?", "show me the dashboard": the RAG counts, then each red and amber academy with its reasons. */
export function trustOverviewCard(
  dash: { trust: { name: string }; academies: readonly AcademyStatus[]; counts: Record<RagLevel, number> },
  links: CardLinks,
): AdaptiveCard {
  const worries = dash.academies.filter((a) => a.rag !== 'green');
  const totals = dash.academies.reduce(
    (t, a) => ({
      overdue: t.overdue + a.actions.overdue,
      drops: t.drops + a.kpiDropsAwaitingReview,
      papers: t.papers + (a.nextMeeting?.papers.overdue ?? 0),
    }),
    { overdue: 0, drops: 0, papers: 0 },
  );
  const body: CardElement[] = [
    heading(dash.academies.length === 1 ? dash.academies[0]!.name : dash.trust.name),
    facts([
      ['Red', String(dash.counts.red)],
      ['Amber', String(dash.counts.amber)],
      ['Green', String(dash.counts.green)],
      ['Actions overdue', String(totals.overdue)],
      ['KPI drops awaiting review', String(totals.drops)],
    ]),
  ];
  if (worries.length === 0) body.push(text('Nothing needs your attention: every academy you can see is green.', { color: 'Good' }));
  else {
    body.push(
      text(md`
**What needs attention**
      `),
    );
    for (const a of worries.slice(0, 12))
      body.push(
        text(md`**${a.name}** (${ragLabel(a.rag)}): ${a.reasons.map((r) => r.text).join('; ')}`, {
          spacing: 'Small',
          color: RAG_COLOUR[a.rag],
        }),
      );
  }
  return adaptiveCard(body, {
    actions: [
      ...worries.slice(0, 4).map((a) => execute(a.name, 'academy.status', { academyId: a.academyId })),
      openUrl('Open the dashboard', links.dashboard()),
    ],
    fallbackText: `${dash.trust.name}: ${dash.counts.red} red, ${dash.counts.amber} amber, ${dash.counts.green} green`,
  });
}

/** "Next meetings", "when's my next meeting", "any meetings in January": the ones in the window, and always the next one with its date. */
export function nextMeetingsAnswerCard(
  answer: Answer<typeof nextMeetings>,
  options: { title: string; said?: string; links: CardLinks },
): AdaptiveCard {
  const { window, rows, next, today } = answer;
  const span = options.said
    ? `${window.from === window.to ? 'on' : 'from'} ${range(window.from, window.to)} (${properNouns(options.said)})`
    : `in the next six weeks (to ${formatLongDate(window.to)})`;
  const body: CardElement[] = [heading(options.title)];
  if (rows.length) {
    body.push(subtle(`Planned ${span}:`));
    for (const r of rows.slice(0, 15))
      body.push(
        bullet(
          md`**${r.kind}** at ${r.academyName}: ${when(r.date, r.startsAt)} (${howSoon(today, r.date)}), chaired by ${r.chairName}; papers ${r.papers}`,
        ),
      );
    if (rows.length > 15 || answer.more) body.push(subtle(`and ${rows.length - 15 + answer.more} more in the tab's planner.`));
  } else {
    body.push(text(`No meetings planned ${span}.`));
    if (next)
      body.push(
        text(
          md`The next one is the **${next.kind}** at ${next.academyName} on **${when(next.date, next.startsAt)}**, ${howSoon(today, next.date)}; chaired by ${next.chairName}.`,
        ),
      );
    else body.push(text('No later meetings are planned either: the year may not be planned yet.'));
  }
  const first = rows[0] ?? next;
  return adaptiveCard(body, {
    actions: first ? [openUrl('Open the meeting', options.links.meeting(first.meetingId))] : [],
    fallbackText: options.title,
  });
}

/** "Has Northgate sent its papers?": the academy's next meeting, each paper with who owes it and whether it is in. */
export function meetingPapersCard(answer: Answer<typeof meetingPapers>, links: CardLinks): AdaptiveCard {
  if (!answer.meeting)
    return adaptiveCard([heading(`Papers at ${answer.academyName}`), text('No meeting is planned there, so no papers are due.')]);
  const { meeting, papers, counts } = answer;
  const line = (p: (typeof papers)[number]) =>
    p.state === 'in'
      ? `✅ ${p.title}: in`
      : `${p.state === 'overdue' ? '🔴' : '⏳'} ${p.title} (${p.ownerName}): ${p.state === 'overdue' ? 'overdue, was due' : 'due'} ${formatLongDate(p.dueDate)}${p.extension === 'requested' ? ' · extension asked for' : p.extension === 'approved' ? ' · extended' : ''}`;
  const verdict =
    counts.required === 0
      ? 'No papers are needed for this meeting.'
      : counts.in === counts.required
        ? 'Every paper is in.'
        : `${counts.in} of ${counts.required} in${counts.overdue ? `, ${counts.overdue} overdue` : ''}.`;
  return adaptiveCard(
    [
      heading(`Papers for the ${meeting.kind} at ${answer.academyName}`),
      facts([
        ['Meeting', when(meeting.date, meeting.startsAt)],
        ['Chair', meeting.chairName],
      ]),
      text(verdict, { weight: 'Bolder', color: counts.overdue ? 'Attention' : counts.in === counts.required ? 'Good' : 'Default' }),
      ...papers.map((p) => text(line(p), { spacing: 'Small' })),
    ],
    { actions: [openUrl('Open the papers', links.meetingPapers(meeting.id))], fallbackText: `${answer.academyName}: ${verdict}` },
  );
}

/** "What actions are overdue across the trust": each academy with its late actions, most first. */
export function trustOverdueCard(answer: Answer<typeof overdueAcrossTrust>, links: CardLinks): AdaptiveCard {
  const whose = answer.ownerName ? ` for ${answer.ownerName}` : '';
  if (answer.total === 0) return adaptiveCard([heading(`Overdue actions${whose}`), text('No action is overdue.', { color: 'Good' })]);
  const body: CardElement[] = [heading(`Overdue actions${whose}: ${answer.total}`)];
  for (const a of answer.academies.slice(0, 12)) {
    body.push(text(md`**${a.academyName}** (${a.actions.length})`, { spacing: 'Medium' }));
    for (const x of a.actions.slice(0, 5))
      body.push(bullet(`${x.text}: ${x.ownerName}, due ${formatLongDate(x.dueDate)} (${countOf(x.daysLate, 'day')} late)`));
    if (a.actions.length > 5) body.push(subtle(`and ${a.actions.length - 5} more`));
  }
  return adaptiveCard(body, {
    actions: answer.academies.slice(0, 3).map((a) => openUrl(`Open ${a.academyName}`, links.academy(a.academyId))),
    fallbackText: `Overdue actions: ${answer.total}`,
  });
}

/** "Who chairs Kingsmead's meetings?", "who's the head at Riverside?": who's who, the role asked about first. */
export function academyPeopleCard(answer: Answer<typeof academyPeople>, role: string | undefined, links: CardLinks): AdaptiveCard {
  const list = (names: readonly string[]) => (names.length ? names.join(', ') : 'not recorded');
  const chairs = answer.meetingChairs.map(
    (c) => [`Chairs the ${c.kind}`, `${c.chairName} (${c.upcoming ? 'next' : 'last'}: ${formatLongDate(c.date)})`] as const,
  );
  const rows = {
    head: [['Head', list(answer.heads)]] as const,
    'chair-lgb': [['Chair of governors', list(answer.chairsOfGovernors)]] as const,
    'improvement-director': [['Improvement director', answer.improvementDirector]] as const,
    governor: [['Governors', list(answer.governors)]] as const,
  };
  const firstRows: (readonly [string, string])[] =
    role === 'meeting-chair'
      ? chairs
      : role === 'chair'
        ? [...rows['chair-lgb'], ...chairs]
        : role && role in rows
          ? [...rows[role as keyof typeof rows]]
          : [];
  const all: (readonly [string, string])[] = [
    ...rows.head,
    ...rows['chair-lgb'],
    ...chairs,
    ...rows['improvement-director'],
    ...rows.governor,
  ];
  const ordered = [...firstRows, ...all.filter((r) => !firstRows.some((f) => f[0] === r[0]))];
  return adaptiveCard([heading(`Who's who at ${answer.academyName}`), facts(ordered)], {
    actions: [openUrl('Open in the tab', links.academy(answer.academyId))],
  });
}

/** "What did the last meeting at Castle View decide?": judgements, actions raised, and the notes once they have circulated. */
export function lastMeetingCard(
  view: {
    meeting: MeetingRecordView;
    kind?: { abbreviation: string } | undefined;
    academy?: { name: string } | undefined;
    actionsRaised: readonly { text: string; ownerId: string; dueDate: LocalDate; status: string }[];
    inspectionAreas: readonly { id: string; label: string }[];
    people: readonly { id: string; name: string }[];
  },
  links: CardLinks,
): AdaptiveCard {
  const m = view.meeting;
  const nameOf = (id: string) => view.people.find((p) => p.id === id)?.name ?? 'someone';
  const area = (id: string) => view.inspectionAreas.find((a) => a.id === id)?.label ?? id;
  const notes = m.notes;
  const body: CardElement[] = [
    heading(`The last ${view.kind?.abbreviation ?? 'meeting'} at ${view.academy?.name ?? 'the academy'}`),
    facts([
      ['Held', formatLongDate(m.date)],
      ['Chair', nameOf(m.chairId)],
      ['Focus', m.focus.length ? m.focus.map(area).join(', ') : undefined],
    ]),
  ];
  if (m.judgements.length) {
    body.push(
      text(md`
**Judgements**
      `),
    );
    for (const j of m.judgements)
      body.push(
        bullet(
          `${area(j.area)}: ${j.reportCardGrade ? REPORT_CARD_GRADE_LABELS[j.reportCardGrade] : j.indicativeGrade ? GRADE_LABELS[j.indicativeGrade] : 'no grade given'}`,
        ),
      );
  } else body.push(text('No judgements were recorded.'));
  if (view.actionsRaised.length) {
    body.push(text(md`**Actions raised (${view.actionsRaised.length})**`));
    for (const a of view.actionsRaised.slice(0, 10))
      body.push(bullet(`${a.text}: ${nameOf(a.ownerId)}, due ${formatLongDate(a.dueDate)}${a.status === 'done' ? ' (done)' : ''}`));
  } else body.push(text('No actions were raised.'));
  // Notes are shown once circulated (DSAT: checked by the head and the chair of the LGB first); a
  // draft stays in the tab even for its approvers, so the chat never spreads one.
  if (notes && !notes.withheld && notes.circulatedAt)
    body.push(
      text(md`
**Notes**
      `),
      text(notes.text),
    );
  else if (notes) body.push(subtle('The notes have not been circulated yet.'));
  else body.push(subtle('No notes have been written yet.'));
  return adaptiveCard(body, { actions: [openUrl('Open the meeting', links.meeting(m.id))] });
}

/** "What do I owe?": the papers the person owes, their actions, and approvals waiting for them. */
export function myWorkCard(
  work: {
    today: LocalDate;
    papersOwed: readonly { meetingDate: LocalDate; academyId: string; kind: string; paper: { title: string; dueDate: LocalDate } }[];
    actions: readonly { text: string; dueDate: LocalDate; academyId: string }[];
    approvals: readonly { type: string; meetingDate: LocalDate; kind: string; academyId: string }[];
  },
  names: { academy: (id: string) => string; kind: (id: string) => string },
): AdaptiveCard {
  const body: CardElement[] = [heading('What you owe')];
  if (!work.papersOwed.length && !work.actions.length && !work.approvals.length)
    body.push(text('Nothing: no papers, actions or approvals are waiting for you.', { color: 'Good' }));
  if (work.papersOwed.length) {
    body.push(text(md`**Papers (${work.papersOwed.length})**`));
    for (const p of work.papersOwed.slice(0, 8))
      body.push(
        bullet(
          `${p.paper.title} for the ${names.kind(p.kind)} at ${names.academy(p.academyId)}: due ${formatLongDate(p.paper.dueDate)}${p.paper.dueDate < work.today ? ' (overdue)' : ''}`,
        ),
      );
  }
  if (work.actions.length) {
    body.push(text(md`**Actions (${work.actions.length})**`));
    for (const a of [...work.actions].sort((x, y) => x.dueDate.localeCompare(y.dueDate)).slice(0, 8))
      body.push(bullet(`${a.text}: due ${formatLongDate(a.dueDate)}${a.dueDate < work.today ? ' (overdue)' : ''}`));
  }
  if (work.approvals.length) {
    body.push(text(md`**Waiting for you to approve (${work.approvals.length})**`));
    for (const a of work.approvals.slice(0, 8))
      body.push(
        bullet(
          `${a.type === 'notes' ? 'Notes' : 'An extension'} for the ${names.kind(a.kind)} at ${names.academy(a.academyId)} (${formatLongDate(a.meetingDate)})`,
        ),
      );
  }
  body.push(subtle('Say “my papers” or “my actions” for cards with buttons.'));
  return adaptiveCard(body);
}
