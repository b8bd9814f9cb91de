// The official parser; its `lib/` build is ESM without file extensions, so the UMD bundle is loaded.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');
import { plain, type AdaptiveCard } from '../../bot/cards/adaptive-card';
import { tabLinks } from '../../bot/cards/card-links';
import { escapeMarkdown, MAX_VALUE_LENGTH, md, toMarkdown } from '../../bot/cards/card-text';
import { chooseAcademyCard, helpCard, noticeCard } from '../../bot/cards/chat-cards';
import { extensionDecisionCard, paperDeadlineCard, paperEscalationCard } from '../../bot/cards/paper-cards';
import {
  academyStatusCard,
  missingPapersCard,
  nextMeetingsCard,
  overdueCard,
  ragListCard,
  supportDaysCard,
} from '../../bot/cards/status-cards';
import { actionCard, attendeeReminderCard, notesApprovalCard } from '../../bot/cards/workflow-cards';
import type { AcademyStatus } from '../../core/domain/academy-status';
import type { CarriedForwardAction } from '../../core/domain/carry-forward';
import { makeAction, makeMeeting } from '../../core/domain/test-factories';

// ---- A small CommonMark reader: enough to tell what a renderer would act on. ----

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** CommonMark §2.4 undone: the characters a reader sees, with the builder's own markup still in. */
const unescaped = (markdown: string): string => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** The markup a CommonMark renderer (markdown-it, as Teams web) would act on: links, emphasis, code, HTML, lists, headings, ... */
function liveMarkup(markdown: string): string[] {
  const chars: { c: string; live: boolean }[] = [];
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i]!;
    const next = markdown[i + 1];
    if (c === '\\' && next !== undefined && ASCII_PUNCTUATION.test(next)) {
      chars.push({ c: next, live: false });
      i++;
    } else chars.push({ c, live: true });
  }
  const live = (i: number, set: string) => chars[i]?.live === true && set.includes(chars[i].c);
  const spaceOrEnd = (i: number) => chars[i] === undefined || /\s/.test(chars[i].c);
  const after = (i: number, n: number) =>
    chars
      .slice(i, i + n)
      .map((x) => x.c)
      .join('');
  const found: string[] = [];
  let lineStart = true;
  for (let i = 0; i < chars.length; i++) {
    const { c } = chars[i]!;
    if (c === '\n' || c === '\r') {
      lineStart = true;
      continue;
    }
    if (lineStart && (c === ' ' || c === '\t')) continue;
    if (lineStart) {
      let digits = i;
      while (digits < chars.length && digits - i < 10 && /\d/.test(chars[digits]!.c)) digits++;
      if (live(i, '#>=')) found.push(`block ${c}`);
      else if (live(i, '-+*') && spaceOrEnd(i + 1)) found.push(`bullet ${c}`);
      else if (digits > i && digits - i <= 9 && live(digits, '.)') && spaceOrEnd(digits + 1)) found.push('numbered item');
    }
    lineStart = false;
    if (live(i, '*_')) found.push(`emphasis ${c}`);
    if (live(i, '`')) found.push('code');
    if (live(i, '~')) found.push('strikethrough');
    if (live(i, '|')) found.push('table');
    if (live(i, '<') && /^[A-Za-z/!?]/.test(after(i + 1, 1))) found.push('html or autolink');
    if (live(i, '&') && /^#?[A-Za-z0-9]+;/.test(after(i + 1, 40))) found.push('entity');
    if (live(i, '{') && live(i + 1, '{')) found.push('date function');
    if (live(i, ']') && live(i + 1, '(') && chars.slice(0, i).some((x) => x.live && x.c === '[')) found.push('link');
  }
  return found;
}

/** Every piece of card text Teams renders as markdown: TextBlock text, Fact title and value (shown cards included). */
function markdownIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => markdownIn(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet') for (const f of o.facts as { title: string; value: string }[]) out.push(f.title, f.value);
    for (const [key, value] of Object.entries(o)) if (key !== 'facts' && typeof value === 'object') markdownIn(value, out);
  }
  return out;
}

/** Every string Teams shows as plain text or sends back as data: button titles, drop-down choices, inputs, `data`, fallback text. */
function plainTextIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => plainTextIn(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const markdown = o.type === 'TextBlock' || o.type === 'FactSet';
    for (const [key, value] of Object.entries(o)) {
      if (typeof value === 'string' && !markdown && key !== 'type' && key !== '$schema' && key !== 'url') out.push(`${key}: ${value}`);
      else if (typeof value === 'object' && !markdown) plainTextIn(value, out);
    }
  }
  return out;
}

function parseWarnings(card: AdaptiveCard): string[] {
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  new AC.AdaptiveCard().parse(JSON.parse(JSON.stringify(card)), ctx);
  return Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message as string);
}

// ---- Every card builder, with every name and piece of typed text set to one value. ----

const links = tabLinks('http://localhost:3978/tab');
const nameOf = (v: string) => (_id: string) => v;

/** The meeting as the card builders take it (the viewer's view of the record). */
type CardMeeting = Parameters<typeof paperDeadlineCard>[0];

function meetingWith(v: string, overrides: Partial<CardMeeting> = {}): CardMeeting {
  const { notes: _notes, ...base } = makeMeeting({ date: '2026-11-30' });
  return {
    ...base,
    version: '1',
    focus: [v, `${v} too`],
    papers: base.papers.map((p, i) => ({ ...p, title: i === 0 ? v : `${v} ${i + 1}` })),
    ...overrides,
  };
}
const ownerOfFirstUnsubmitted = (m: CardMeeting) => m.papers.find((p) => p.ownerId && !p.submittedAt)!.ownerId!;
const withExtension = (v: string): CardMeeting => {
  const m = meetingWith(v);
  return {
    ...m,
    papers: m.papers.map((p, i) =>
      i === 0
        ? {
            ...p,
            extension: {
              requestedBy: 'head',
              requestedAt: '2026-11-20T10:00:00Z',
              newDueDate: '2026-11-27',
              reason: v,
              status: 'requested' as const,
            },
          }
        : p,
    ),
  };
};
const held = (v: string): CardMeeting =>
  meetingWith(v, {
    status: 'held',
    notes: {
      withheld: false,
      text: v,
      writtenBy: 'aid',
      writtenAt: '2026-11-30T14:00:00Z',
      approvals: [
        { role: 'head', personId: 'head', status: 'changes-requested', comment: v },
        { role: 'chair-lgb', personId: 'chair', status: 'pending' },
      ],
    },
  });
const carried = (v: string, status: CarriedForwardAction['status']): CarriedForwardAction => ({
  actionId: `a-${status}`,
  text: v,
  ownerId: 'head',
  dueDate: '2026-11-01',
  status,
  overdue: status !== 'done',
});
const statusOf = (v: string): AcademyStatus => ({
  academyId: 'oakfield',
  name: v,
  phase: 'primary',
  stage: { id: 'stage-2', label: v },
  riskBand: 'medium',
  ofsted: { grade: 'good', label: 'Good', date: '2024-03-12' },
  inOfstedWindow: true,
  sponsored: false,
  rag: 'red',
  reasons: [
    { level: 'red', code: 'RAG.OVERDUE_ACTIONS', text: v },
    { level: 'amber', code: 'RAG.KPI_DROPS', text: `${v} again` },
  ],
  nextMeeting: {
    id: 'aim-1',
    kind: 'aim',
    abbreviation: v,
    date: '2026-11-30',
    startsAt: '2026-11-30T09:00:00Z',
    chairId: 'aid',
    papers: { required: 3, in: 1, overdue: 1 },
    papersState: 'overdue',
  },
  actions: { open: 4, overdue: 2 },
  kpiDropsAwaitingReview: 1,
  interventions: { active: 1, reviewsOverdue: 1 },
  escalation: { step: 2, of: 5, stepId: 'support-plan', label: v },
  supportDays: {
    allowance: 6,
    coreUsed: 2,
    coreRemaining: 4,
    optionalAllowance: 3,
    optionalUsed: 0,
    developmentDays: 1,
    spendPence: 60000,
    budgetPence: 100000,
    spendPercent: 60,
    overBudget: false,
    mustBudget: false,
  },
});

const BUILDERS: Record<string, (v: string) => AdaptiveCard> = {
  helpCard: (v) => helpCard({ seesWholeTrust: true, name: v }),
  chooseAcademyCard: (v) =>
    chooseAcademyCard(v, [
      { id: 'a1', name: v },
      { id: 'a2', name: `${v} 2` },
    ]),
  noticeCard: (v) => noticeCard(v, { title: v, tone: 'problem' }),
  paperDeadlineCard: (v) => {
    const m = withExtension(v);
    return paperDeadlineCard(m, {
      links,
      today: '2026-11-25',
      academyName: v,
      kindName: v,
      nameOf: nameOf(v),
      viewerId: ownerOfFirstUnsubmitted(m),
      problem: v,
      substitutes: [{ id: 's', name: v }],
    });
  },
  extensionDecisionCard: (v) => {
    const m = withExtension(v);
    return extensionDecisionCard(m, m.papers[0]!.requirementId, { academyName: v, kindName: v, nameOf: nameOf(v), problem: v });
  },
  paperEscalationCard: (v) => {
    const m = meetingWith(v);
    return paperEscalationCard(m, m.papers, { academyName: v, kindName: v, nameOf: nameOf(v), links });
  },
  academyStatusCard: (v) => academyStatusCard(statusOf(v), { links, nameOf: nameOf(v) }),
  supportDaysCard: (v) => supportDaysCard(statusOf(v), links),
  ragListCard: (v) => ragListCard('red', [statusOf(v), { ...statusOf(v), academyId: 'brook-lane' }]),
  overdueCard: (v) =>
    overdueCard(
      {
        academyName: v,
        actions: [{ text: v, ownerName: v, dueDate: '2026-11-01' }],
        papers: [{ title: v, dueDate: '2026-11-02', meetingDate: '2026-11-09' }],
      },
      links,
      'oakfield',
    ),
  missingPapersCard: (v) =>
    missingPapersCard([{ academyName: v, meetingDate: '2026-11-25', kind: v, paper: v, ownerName: v, overdue: true }], {
      from: '2026-11-23',
      to: '2026-11-29',
    }),
  nextMeetingsCard: (v) =>
    nextMeetingsCard(`Next meetings at ${v}`, [
      { academyName: v, kind: v, startsAt: '2026-11-25T09:30:00Z', chairName: v, papers: '1 of 3 in' },
    ]),
  notesApprovalCard: (v) =>
    notesApprovalCard(held(v), { academyName: v, kindName: v, viewerId: 'chair', nameOf: nameOf(v), links, problem: v }),
  actionCard: (v) =>
    actionCard(
      { ...makeAction({ text: v, progress: [{ at: '2026-11-20T10:00:00Z', by: 'head', note: v }] }), version: '1' },
      { academyName: v, meetingLabel: v, reason: 'overdue', links, problem: v },
    ),
  attendeeReminderCard: (v) => {
    const m = { ...meetingWith(v), joinUrl: 'https://teams.microsoft.com/l/meetup-join/x' };
    const carriedForward = {
      meetingId: m.id,
      achieved: [carried(v, 'done')],
      outstanding: [carried(v, 'open')],
      planForCompletion: [carried(v, 'in-progress')],
    };
    return attendeeReminderCard(m, {
      academyName: v,
      kindName: v,
      agenda: [v, 'Welcome'],
      carriedForward,
      nameOf: nameOf(v),
      links,
      viewerId: m.chairId,
      substitutes: [{ id: 's', name: v }],
    });
  },
};

/** A value that appears nowhere in the builders' own words, so it can be swapped for the attack afterwards. */
const BENIGN = 'QQ';
const ATTACK = 'Oak [click](http://evil.example) **x** <b>y</b>';
const HOSTILE = [
  ATTACK,
  '_x_ `code` ~~gone~~ <http://evil.example> &amp; {{DATE(2026-11-23T10:00:00Z, SHORT)}} | a | b |',
  '# heading',
  '- item',
  '* item',
  '1. item',
  '2) item',
  '> quote',
  'a\\[b\\](http://evil.example) \\',
  'line one\n- item\n2. two\n===\n---\n    code',
  '![image](http://evil.example/x.png)',
  'St Mary’s C of E (VA) Primary',
  "St Mary's C of E (VA) Primary",
  "O'Neil-Smith",
  'Reading plan: https://evil.example/a_b_(c)?q=1&x=2',
];

describe.each(Object.entries(BUILDERS))('%s', (_name, build) => {
  const benign = build(BENIGN);

  test('puts the value into text Teams renders as markdown', () => {
    expect(markdownIn(benign).some((t) => t.includes(BENIGN))).toBe(true);
  });

  test.each(HOSTILE)('shows %j as typed: no link, emphasis or other markup it did not have with a plain name', (hostile) => {
    const card = build(hostile);
    const expected = markdownIn(benign);
    const actual = markdownIn(card);
    expect(actual).toHaveLength(expected.length);
    actual.forEach((markdown, i) => {
      expect(liveMarkup(markdown)).not.toContain('link');
      expect({ markdown, markup: liveMarkup(markdown) }).toEqual({ markdown, markup: liveMarkup(expected[i]!) });
      expect(unescaped(markdown)).toBe(unescaped(expected[i]!).replaceAll(BENIGN, hostile));
    });
  });

  test('keeps button titles, drop-down choices, inputs and data as typed (Teams shows them as plain text)', () => {
    expect(plainTextIn(build(ATTACK))).toEqual(plainTextIn(benign).map((s) => s.replaceAll(BENIGN, ATTACK)));
  });

  test('still parses with zero warnings on Adaptive Cards 1.5 with hostile text', () => {
    for (const hostile of HOSTILE) expect(parseWarnings(build(hostile))).toEqual([]);
  });
});

test('an academy renamed to a markdown link gives no live link in any card', () => {
  for (const build of Object.values(BUILDERS)) {
    const texts = markdownIn(build(ATTACK));
    expect(texts.flatMap(liveMarkup).filter((m) => m === 'link' || m === 'html or autolink')).toEqual([]);
    expect(texts.some((t) => unescaped(t).includes(ATTACK))).toBe(true);
    expect(JSON.stringify(texts)).not.toMatch(/(^|[^\\])\]\(/);
  }
});

describe('escapeMarkdown', () => {
  test('leaves ordinary names and titles exactly as they are', () => {
    for (const name of [
      "St Mary's C of E (VA) Primary",
      'St Mary’s C of E (VA) Primary',
      "O'Neil-Smith",
      'Smith & Jones',
      '2.1 Curriculum: 45% met (Y6)',
      'Head’s report — autumn 2026',
      'Year 1 - phonics',
      'C:\\Users\\head',
      'see https://example.org/report?a=1',
    ])
      expect(escapeMarkdown(name)).toBe(name);
  });

  test('escapes links, emphasis, code, HTML and the date functions wherever they stand', () => {
    expect(escapeMarkdown('Oak [click](http://evil.example) **x** <b>y</b>')).toBe(
      'Oak \\[click\\](http://evil.example) \\*\\*x\\*\\* \\<b>y\\</b>',
    );
    expect(escapeMarkdown('_x_ `c` ~~s~~ a|b')).toBe('\\_x\\_ \\`c\\` \\~\\~s\\~\\~ a\\|b');
    expect(escapeMarkdown('{{DATE(2026-11-23T10:00:00Z)}}')).toBe('\\{\\{DATE(2026-11-23T10:00:00Z)}}');
    expect(escapeMarkdown('&amp; &#91; & AT&T')).toBe('\\&amp; \\&#91; & AT&T');
  });

  test('escapes headings, quotes, bullets and numbers only where a line starts', () => {
    expect(escapeMarkdown('# h')).toBe('\\# h');
    expect(escapeMarkdown('- a\n+ b\n  > c\n1. d\r\n2) e\n===')).toBe('\\- a\n\\+ b\n  \\> c\n1\\. d\r\n2\\) e\n\\===');
    expect(escapeMarkdown('a - b # c 1. d > e')).toBe('a - b # c 1. d > e');
    expect(escapeMarkdown('2.1 and 1234567890. x')).toBe('2.1 and 1234567890. x');
  });

  test('doubles a backslash only where it would escape what follows or break the line', () => {
    expect(escapeMarkdown('a\\b')).toBe('a\\b');
    expect(escapeMarkdown('a\\*')).toBe('a\\\\\\*');
    expect(escapeMarkdown('a\\')).toBe('a\\\\');
    expect(escapeMarkdown('a\\\nb')).toBe('a\\\\\nb');
  });

  test('for any text, the escaped markdown has no live markup and reads back as the text', () => {
    const pieces = [
      '[',
      ']',
      '(',
      ')',
      '!',
      '*',
      '_',
      '`',
      '<',
      '>',
      '#',
      '-',
      '+',
      '=',
      '1',
      '22',
      '.',
      '&',
      'amp',
      '#9',
      ';',
      '{',
      '}',
      '~',
      '|',
      '\\',
      ':',
      '/',
      "'",
      ' ',
      '  ',
      '\t',
      '\n',
      '\r',
      'a',
      'é',
      '😀',
      'http',
    ];
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 3000; n++) {
      const s = Array.from({ length: 1 + Math.floor(rand() * 16) }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
      const escaped = escapeMarkdown(s);
      expect({ s, markup: liveMarkup(escaped) }).toEqual({ s, markup: [] });
      expect(unescaped(escaped)).toBe(s);
    }
  });
});

describe('card text', () => {
  test('md keeps the builder’s markdown and escapes each value once', () => {
    expect(md`**${'a*b'}**: ${3} ${md`_${'[x]'}_`}`).toEqual({ kind: 'markdown', markdown: '**a\\*b**: 3 _\\[x\\]_' });
  });

  test('a plain string is escaped, markdown from md is not escaped again', () => {
    expect(toMarkdown('**x**')).toBe('\\*\\*x\\*\\*');
    expect(toMarkdown(md`**${'x'}**`)).toBe('**x**');
  });

  test('a very long value is cut with an ellipsis, never inside an emoji', () => {
    expect(toMarkdown('a'.repeat(MAX_VALUE_LENGTH))).toBe('a'.repeat(MAX_VALUE_LENGTH));
    expect(toMarkdown('a'.repeat(5000))).toBe(`${'a'.repeat(MAX_VALUE_LENGTH)}…`);
    expect(toMarkdown(`${'a'.repeat(MAX_VALUE_LENGTH - 1)}😀b`)).toBe(`${'a'.repeat(MAX_VALUE_LENGTH - 1)}…`);
  });

  test('the chat handler’s plain() is the same escaping', () => {
    expect(plain('[x](http://evil.example)')).toBe(escapeMarkdown('[x](http://evil.example)'));
  });
});
