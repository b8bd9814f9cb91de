import { randomUUID } from 'node:crypto';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card';
import { tabLinks } from '../../bot/cards/card-links';
import { chooseAcademyCard, helpCard } from '../../bot/cards/chat-cards';
import {
  apologiesSentCard,
  escalationMovedCard,
  interventionReviewCard,
  meetingCancelledCard,
  meetingMovedCard,
  notesCirculatedCard,
} from '../../bot/cards/news-cards';
import { extensionDecisionCard, paperDeadlineCard, paperEscalationCard } from '../../bot/cards/paper-cards';
import { academyStatusCard, missingPapersCard, ragListCard, supportDaysCard } from '../../bot/cards/status-cards';
import { verbSchemas } from '../../bot/cards/verbs';
import { actionCard, attendeeReminderCard, notesApprovalCard } from '../../bot/cards/workflow-cards';
import { CORPUS } from '../../bot/chat/corpus';
import { handleCardAction } from '../../bot/conversation/card-actions';
import { handleChat } from '../../bot/conversation/chat-handler';
import { reminderCard } from '../../bot/proactive/reminder-cards';
import { meetingName } from '../../core/domain/format';
import type { Meeting } from '../../core/domain/meeting';
import type { Person } from '../../core/domain/people';
import type { Stored } from '../../core/ports/record-store.port';
import { getTrustDashboard } from '../../core/services/academy-status.service';
import { meetingRecordView } from '../../core/services/mappers/meeting-record.mapper';
import { API_ROUTES } from '../../functions/api/routes';
import type { RunningStack } from './local-stack';
import { NO_RATE_LIMITS, startConfiguredStack } from './support/configured-stack';
import { callApi, matrixRequests, type Request } from './support/matrix-requests';
import { apiMessages, cardTexts, jsonKeys, rawIdentifiersIn, schemaKeys, type RawVocabulary } from './support/raw-identifiers';

/**
 * Issue 20, done when: "A test scans every message the API, the bot and the cards can produce for
 * raw ids and field keys (a UUID, a kebab-case id, a camelCase field name), and finds none." Every
 * route is called (by the leak matrix's own table of targets and bodies) with a good body, a stale
 * version, an empty body, a body of wrong types and unknown ids, by people of every kind; every card
 * verb is pressed the same ways; every phrasing of the chat corpus is asked; and every card builder
 * is run on the seeded trust. Only what a person reads is scanned: messages, labels and reasons in
 * the API's answers, card text and chat replies, never ids in URLs or data.
 */
const TODAY = '2026-11-23';
const ACADEMIES = ['oakfield', 'st-marys'];

let stack: RunningStack;
let people: Map<string, Stored<Person>>;
let vocabulary: { recordIds: Set<string>; fieldKeys: Set<string> };
let calls: ReturnType<typeof matrixRequests>;
let meetings: Stored<Meeting>[];
let who: string[];
/** Every sentence collected, with where it came from. */
const heard: { where: string; text: string }[] = [];
const statuses = new Set<number>();

const hear = (where: string, texts: readonly string[]) => texts.forEach((text) => heard.push({ where, text }));
async function ask(method: string, path: string, as: string, body?: unknown, label = `${method} ${path}`) {
  const res = await callApi(stack.base, method, path, as, body);
  statuses.add(res.status);
  jsonKeys(res.body, vocabulary.fieldKeys);
  // The OpenAPI document is for developers: its summaries name the fields on purpose.
  if (path !== '/api/openapi.json') hear(`${as} ${label} → ${res.status}`, apiMessages(res.body));
  return res;
}
const hearCard = (where: string, card: AdaptiveCard | undefined) => card && hear(where, cardTexts(card));

beforeAll(async () => {
  stack = await startConfiguredStack(`${TODAY}T10:00:00Z`, NO_RATE_LIMITS);
  const store = stack.local.store;
  people = new Map((await store.people.list({}).toArray()).map((p) => [p.id, p]));
  const trust = (await store.trust.get())!;
  const all = {
    academies: await store.academies.list({}).toArray(),
    meetings: await store.meetings.list({}).toArray(),
    actions: await store.actions.list({}).toArray(),
    interventions: await store.interventions.list({}).toArray(),
    supportDays: await store.supportDays.list({}).toArray(),
  };
  const ids = [...people.keys(), ...Object.values(all).flatMap((records) => records.map((r) => r.id))];
  const modelIds = [...trust.model.meetingKinds.map((k) => k.id), ...trust.model.stages.map((s) => s.id)];
  vocabulary = {
    recordIds: new Set([...ids, ...modelIds].filter((id) => id.includes('-'))),
    fieldKeys: new Set([
      ...API_ROUTES.flatMap((r) => [...(r.body ? schemaKeys(r.body) : []), ...(r.query ? schemaKeys(r.query) : [])]),
      ...Object.values(verbSchemas).flatMap((s) => schemaKeys(s)),
    ]),
  };
  const governor = [...people.values()].find((p) => p.roles.some((r) => r.role === 'governor' && r.academyId === 'oakfield'))!;
  who = ['ceo', 'admin', 'aid-priya', 'board-chair', 'head-oakfield', governor.id];
  meetings = ACADEMIES.flatMap((id) => {
    const own = all.meetings.filter((m) => m.academyId === id);
    const planned = own
      .filter((m) => m.status === 'planned' && m.date >= TODAY && m.papers.length > 0)
      .sort((a, b) => a.date.localeCompare(b.date));
    const held = own.filter((m) => m.status === 'held').sort((a, b) => b.date.localeCompare(a.date));
    return [planned[0]!, ...held.slice(0, 1)];
  });
  calls = matrixRequests({
    stack,
    today: TODAY,
    people,
    academyIds: ACADEMIES,
    meetings,
    actions: ACADEMIES.flatMap((id) => all.actions.filter((a) => a.academyId === id).slice(0, 1)),
    interventions: ACADEMIES.flatMap((id) => all.interventions.filter((x) => x.academyId === id).slice(0, 1)),
  });
}, 60_000);
afterAll(async () => stack?.stop());

describe('the scanner', () => {
  const planted: RawVocabulary = { recordIds: new Set(['st-marys', 'head-oakfield']), fieldKeys: new Set(['dueDate']) };
  it('finds a field key, a UUID and a kebab-case record id, as the issue found them', () => {
    expect(rawIdentifiersIn('dueDate: the due date has already passed', planted)).toEqual(['field key dueDate']);
    expect(rawIdentifiersIn('The meeting "9fae950b-2c4d-4e6f-8a1b-3c5d7e9f0a12" was changed by someone else', planted)).toEqual([
      'UUID 9fae950b-2c4d-4e6f-8a1b-3c5d7e9f0a12',
    ]);
    expect(rawIdentifiersIn('already has a meeting that day: the AIM at st-marys', planted)).toEqual(['record id st-marys']);
    expect(rawIdentifiersIn('Owner: head\\-oakfield cannot see this academy', planted)).toEqual(['record id head-oakfield']);
    expect(rawIdentifiersIn('Nothing was saved. submittedAt: required', planted)).toEqual(['field key submittedAt']);
  });

  it('passes the same messages in words', () => {
    for (const text of [
      'Due date: the due date has already passed',
      'The AIM at Oakfield Primary School on Wed 22 Jan 2027 was changed by someone else',
      'already has a meeting that day: the AIM at St Mary’s CE Primary',
      'the iAIM, a school-to-school review, is in progress',
    ])
      expect(rawIdentifiersIn(text, planted)).toEqual([]);
  });
});

describe('the messages the issue found, in words', () => {
  const oakfieldAim = () => meetings.find((m) => m.academyId === 'oakfield' && m.status === 'planned')!;

  it('a stale write names the meeting by its kind, academy and day', async () => {
    const m = meetings.find((x) => x.academyId === 'oakfield' && x.status === 'held')!;
    const fresh = (await stack.local.store.meetings.get(m.id))!;
    const stale = { area: 'leadership-and-governance', evidence: 'Governors challenge well.', version: '0' };
    await ask('POST', `/api/meetings/${m.id}/judgements`, fresh.chairId, { ...stale, version: fresh.version });
    const res = await ask('POST', `/api/meetings/${m.id}/judgements`, fresh.chairId, { ...stale, version: fresh.version });
    const kind = (await stack.local.store.trust.get())!.model.meetingKinds.find((k) => k.id === m.kind)!.abbreviation;
    const name = meetingName({ kind, academyName: (await stack.local.store.academies.get('oakfield'))!.name, date: m.date });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      `${name[0]!.toUpperCase()}${name.slice(1)} was changed by someone else since you opened it; reload to see their change, then try again`,
    );
  });

  it('a past due date is refused by the field’s label', async () => {
    const res = await ask('POST', '/api/actions', 'ceo', {
      academyId: 'oakfield',
      text: 'Review the phonics scheme',
      ownerId: 'head-oakfield',
      dueDate: '2026-11-02',
      clientKey: 'words-past-due',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Invalid action: Due date: the due date has already passed');
    expect(res.body.error.problems).toEqual([{ field: 'dueDate', label: 'Due date', message: 'the due date has already passed' }]);
  });

  it('a clash with the chair’s meeting at another academy names that academy', async () => {
    const aim = oakfieldAim();
    const all = await stack.local.store.meetings.list({}).toArray();
    const other = all.find(
      (m) =>
        m.chairId === aim.chairId && m.academyId !== 'oakfield' && m.status === 'planned' && m.date > TODAY && m.halfTerm === aim.halfTerm,
    );
    expect(other).toBeDefined();
    const fresh = (await stack.local.store.meetings.get(aim.id))!;
    const res = await ask('POST', `/api/meetings/${aim.id}/move`, 'ceo', { date: other!.date, version: fresh.version });
    const otherName = (await stack.local.store.academies.get(other!.academyId))!.name;
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain(`already has a meeting`);
    expect(res.body.error.message).toContain(otherName);
    expect(res.body.error.message).not.toContain(` at ${other!.academyId}`);
  });
});

/** The same body with every field of the wrong type, so each is refused by its label. */
const wrongTypes = (body: unknown): unknown =>
  typeof body === 'object' && body !== null && !Array.isArray(body)
    ? Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? 12345 : 'not a value']))
    : { unexpected: true };

async function press(request: Request, as: string): Promise<void> {
  for (const t of request.targets.slice(0, 3)) {
    const where = `${request.label} ${t.path}`;
    if (request.kind === 'api') {
      const method = request.label.split(' ')[0]!;
      const body = request.body ? await request.body(t, as) : undefined;
      await ask(method, t.path, as, body, where);
      if (body !== undefined && typeof body === 'object' && body !== null) {
        if ('version' in body) await ask(method, t.path, as, { ...body, version: '0' }, `${where} (stale)`);
        await ask(method, t.path, as, {}, `${where} (empty)`);
        await ask(method, t.path, as, wrongTypes(body), `${where} (wrong types)`);
      }
      // The same request about records that are not there.
      const unknown = t.echoed.reduce((p, id) => p.split(`/${id}`).join(`/${randomUUID()}`), t.path);
      if (unknown !== t.path) await ask(method, unknown, as, body, `${where} (unknown ids)`);
    } else {
      const session = stack.local.services.open(people.get(as)!);
      const context = { session, links: stack.local.bot.deps.links };
      const data = await calls.cardData(request.verb!, t);
      for (const [variant, d] of [
        ['', data],
        [' (stale)', { ...data, version: '0' }],
        [' (wrong types)', wrongTypes(data) as Record<string, unknown>],
        [' (unknown ids)', Object.fromEntries(Object.entries(data).map(([k, v]) => [k, /Id$/.test(k) ? randomUUID() : v]))],
      ] as const) {
        const out = await handleCardAction(context, request.verb!, d);
        hearCard(`${as} ${where}${variant}`, out.card);
      }
    }
  }
}

test('every route and card verb, pressed every way by everyone, answers in words', async () => {
  const from = heard.length;
  const runnable = calls.requests().filter((r): r is Request => typeof r !== 'string');
  expect(runnable.length).toBeGreaterThan(API_ROUTES.length * 0.8);
  for (const as of who) for (const request of runnable) await press(request, as);
  // Routes the matrix has no table for yet are still called, with made-up ids and bodies.
  const pressed = new Set(runnable.map((r) => r.label));
  for (const r of API_ROUTES.filter((x) => !pressed.has(`${x.method} ${x.pattern}`) && !x.file && !x.fileBody)) {
    const path = r.pattern.replace(/:[A-Za-z]+/g, () => randomUUID());
    await ask(r.method, path, 'ceo', r.method === 'GET' ? undefined : {});
  }
  // The API answered every way a person can meet: done, bad input, not allowed, not there, stale, refused.
  for (const s of [200, 400, 403, 404, 409, 422]) expect([s, statuses.has(s)]).toEqual([s, true]);
  // The scan read the sentences the issue found ids and keys in: not found, changed by someone else, a bad field.
  const said = (where: RegExp, text: RegExp) => heard.slice(from).some((h) => where.test(h.where) && text.test(h.text));
  expect(said(/\(unknown ids\) → 404/, /could not be found/)).toBe(true);
  expect(said(/\(stale\) → 409/, /^The .* was changed by someone else/)).toBe(true);
  expect(said(/\(wrong types\) → 400/, /^Invalid .*: /)).toBe(true);
  expect(said(/^head-oakfield .* → 403/, /./)).toBe(true);
  expectInWords(from);
}, 600_000);

test('every answer the bot gives, to every phrasing of the corpus, is in words', async () => {
  const from = heard.length;
  const bot = stack.local.bot.deps;
  const fill = (u: string) =>
    u
      .replace(/\{academy\}/g, 'St Mary’s')
      .replace(/\{date\}/g, 'next week')
      .replace(/\{kind\}/g, 'AIM')
      .replace(/\{person\}/g, 'Rachel')
      .replace(/\{kpi\}/g, 'attendance');
  let replies = 0;
  for (const as of who) {
    const session = stack.local.services.open(people.get(as)!);
    for (const intent of CORPUS) {
      for (const u of as === 'ceo' ? intent.utterances : intent.utterances.slice(0, 3)) {
        for (const r of await handleChat(session, bot.links, fill(u))) {
          replies++;
          if (r.text) hear(`${as} asked “${u}”`, [r.text]);
          hearCard(`${as} asked “${u}”`, r.card);
        }
      }
    }
  }
  expect(replies).toBeGreaterThan(300);
  expectInWords(from);
}, 600_000);

test('every card the bot builds, from the seeded trust, is in words', async () => {
  const from = heard.length;
  const store = stack.local.store;
  const links = tabLinks('http://localhost:3978/tab');
  const ceo = people.get('ceo')!;
  const nameOf = (id: string) => people.get(id)?.name ?? 'someone';
  const dash = await getTrustDashboard(stack.local.deps, ceo);
  const trust = (await store.trust.get())!;
  const kindName = (m: Meeting) => trust.model.meetingKinds.find((k) => k.id === m.kind)!.abbreviation;
  const academyName = async (id: string) => (await store.academies.get(id))!.name;
  const planned = (await store.meetings.get(meetings.find((m) => m.status === 'planned')!.id))!;
  const heldRecord = (await store.meetings.list({}).toArray()).find((m) => m.notes && m.notes.approvals.length > 0)!;
  const held = meetingRecordView(ceo, heldRecord, undefined);
  const view = meetingRecordView(ceo, planned, undefined);
  const withExt = {
    ...view,
    papers: view.papers.map((p, i) =>
      i === 0
        ? {
            ...p,
            extension: {
              requestedBy: 'head-oakfield',
              requestedAt: '2026-11-20T10:00:00Z',
              newDueDate: '2026-11-30',
              reason: 'The data drop is late',
              status: 'requested' as const,
            },
          }
        : p,
    ),
  };
  const news = { academyName: await academyName(planned.academyId), kindName: kindName(planned), nameOf, links };
  const action = (await store.actions.list({ academyId: 'oakfield' }).toArray())[0]!;
  const intervention = (await store.interventions.list({}).toArray())[0]!;
  const cards: [string, AdaptiveCard | undefined][] = [
    ...dash.academies.map((a) => [`status ${a.name}`, academyStatusCard(a, { links, nameOf })] as [string, AdaptiveCard]),
    ...dash.academies.map((a) => [`support days ${a.name}`, supportDaysCard(a, links)] as [string, AdaptiveCard]),
    [
      'rag list',
      ragListCard(
        'red',
        dash.academies.filter((a) => a.rag === 'red'),
      ),
    ],
    [
      'rag list amber',
      ragListCard(
        'amber',
        dash.academies.filter((a) => a.rag === 'amber'),
      ),
    ],
    [
      'missing papers',
      missingPapersCard(
        [
          {
            academyName: news.academyName,
            meetingDate: planned.date,
            kind: news.kindName,
            paper: planned.papers[0]!.title,
            ownerName: 'Rachel Adeyemi',
            overdue: true,
          },
        ],
        { from: TODAY, to: '2026-11-29' },
      ),
    ],
    ['help', helpCard({ seesWholeTrust: true, name: ceo.name })],
    ['choose', chooseAcademyCard('hill', [{ id: 'hill-top', name: 'Hill Top Primary School' }])],
    [
      'paper deadline',
      paperDeadlineCard(withExt, {
        today: TODAY,
        ...news,
        viewerId: planned.papers[0]!.ownerId ?? 'head-oakfield',
        substitutes: [{ id: 'aid-priya', name: nameOf('aid-priya') }],
      }),
    ],
    ['extension decision', extensionDecisionCard(withExt, withExt.papers[0]!.requirementId, news)],
    ['paper escalation', paperEscalationCard(view, planned.papers, news)],
    ['notes approval', notesApprovalCard(held, { ...news, viewerId: heldRecord.notes!.approvals[0]!.personId })],
    ['action', actionCard(action, { academyName: 'Oakfield Primary School', links, reason: 'overdue', meetingLabel: news.kindName })],
    ['attendee reminder', attendeeReminderCard(view, { ...news, agenda: ['Welcome', 'Actions'], viewerId: planned.chairId })],
    ['meeting moved', meetingMovedCard(view, news)],
    ['meeting cancelled', meetingCancelledCard(view, news)],
    ['notes circulated', notesCirculatedCard(held, news)],
    ['apologies sent', apologiesSentCard(view, planned.attendees[1]!.personId, news)],
    [
      'escalation moved',
      escalationMovedCard(
        {
          academyId: 'oakfield',
          academyName: 'Oakfield Primary School',
          step: 2,
          of: 5,
          label: trust.model.escalation.steps[1]!.label,
          reason: 'Attendance fell',
          byName: ceo.name,
        },
        links,
      ),
    ],
    [
      'intervention review',
      interventionReviewCard(
        {
          academyId: intervention.academyId,
          academyName: await academyName(intervention.academyId),
          title: intervention.title,
          due: '2026-12-01',
          successCriteria: intervention.successCriteria,
        },
        links,
      ),
    ],
  ];
  // And every reminder due today, as the sweep would send it.
  const bot = stack.local.bot.deps;
  for (const r of (await bot.services.jobs.dueReminders()).slice(0, 60)) cards.push([`reminder ${r.kind}`, await reminderCard(bot, r)]);
  for (const [name, card] of cards) hearCard(`card: ${name}`, card);
  expect(cards.filter(([, c]) => c).length).toBeGreaterThan(30);
  expectInWords(from);
});

/** Every sentence heard since `from`, scanned; what it found, with where. */
function expectInWords(from: number): void {
  expect(heard.length - from).toBeGreaterThan(50);
  const found = heard
    .slice(from)
    .flatMap(({ where, text }) => rawIdentifiersIn(text, vocabulary).map((f) => `${where}: ${f} in “${text.slice(0, 160)}”`));
  expect([...new Set(found)]).toEqual([]);
}
