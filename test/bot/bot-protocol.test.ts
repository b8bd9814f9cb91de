import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { startLocalStack, type RunningStack } from '../e2e/local-stack';

/**
 * End to end over the Bot Framework protocol the Agents Playground speaks: activities POSTed to
 * /api/messages, replies sent to the mock connector at `serviceUrl` (here a tiny Express app that
 * records them, as the Playground's `/_connector` does), invoke responses in the HTTP body.
 */
let stack: RunningStack;
let connector: Server;
let serviceUrl: string;
const received: { conversationId: string; activity: any }[] = [];

beforeAll(async () => {
  stack = await startLocalStack();
  const app = express();
  app.use(express.json({ limit: '5mb' }));
  app.post('/v3/conversations/:id/activities', (req, res) => {
    received.push({ conversationId: req.params.id, activity: req.body });
    res.json({ id: `a${received.length}` });
  });
  app.post('/v3/conversations/:id/activities/:aid', (req, res) => {
    received.push({ conversationId: req.params.id, activity: req.body });
    res.json({ id: `a${received.length}` });
  });
  connector = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise<void>((r) => connector.close(() => r()));
  await stack.stop();
});

const activity = (personId: string, extra: object) => ({
  channelId: 'msteams',
  serviceUrl,
  id: `in-${Math.random()}`,
  from: { id: personId, name: personId },
  recipient: { id: 'bot', name: 'Trust bot' },
  conversation: { id: `personal-${personId}`, conversationType: 'personal' },
  timestamp: new Date().toISOString(),
  ...extra,
});

const opened = new Set<string>();

/**
 * The person's first contact installs the app in their chat, and what is waiting for them arrives
 * then (the first-conversation reminders); waits until those have landed, so replies are read alone.
 */
async function open(personId: string): Promise<void> {
  if (opened.has(personId)) return;
  opened.add(personId);
  const res = await fetch(`${stack.base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity(personId, { type: 'installationUpdate', action: 'add' })),
  });
  expect(res.status).toBeLessThan(300);
  for (let last = -1; last !== received.length;) {
    last = received.length;
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function say(personId: string, text: string): Promise<any[]> {
  await open(personId);
  const before = received.length;
  const res = await fetch(`${stack.base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity(personId, { type: 'message', text })),
  });
  expect(res.status).toBeLessThan(300);
  return received.slice(before).map((r) => r.activity);
}

async function click(personId: string, verb: string, data: object): Promise<any> {
  const res = await fetch(`${stack.base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      activity(personId, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' },
      }),
    ),
  });
  expect(res.status).toBe(200);
  return res.json();
}

const cardOf = (a: any) => a.attachments?.[0]?.content;
const textOf = (card: any): string => JSON.stringify(card);

test('the CEO asks how a school is doing and reads its status card', async () => {
  const [reply] = await say('ceo', 'how is brook lane doing?');
  const card = cardOf(reply);
  expect(card.type).toBe('AdaptiveCard');
  expect(textOf(card)).toContain('Brook Lane Academy');
  expect(textOf(card)).toMatch(/Escalation/);
  expect(textOf(card)).toMatch(/Support days/);
});

test('a head asking about another school is told politely', async () => {
  const [reply] = await say('head-oakfield', 'status of brook lane');
  expect(reply.text).toMatch(/only see information for your own academy/);
});

test('a head gets the deadline card, marks a paper in and the card refreshes; an extension request reaches the chair', async () => {
  const owed = (await stack.call('GET', '/api/my-work', { as: 'head-oakfield' })).body.papersOwed as any[];
  const head = owed.length ? 'head-oakfield' : undefined;
  // The seed puts papers due this week at some academy; find a head who owes papers.
  let who = head;
  let papers = owed;
  if (!who) {
    for (const id of [
      'brook-lane',
      'hill-top',
      'st-marys',
      'riverside',
      'kingsmead',
      'ashworth',
      'northgate',
      'willow-bank',
      'elmwood',
      'castle-view',
      'fernhill',
    ]) {
      const p = (await stack.call('GET', '/api/my-work', { as: `head-${id}` })).body.papersOwed as any[];
      if (p.length >= 2) {
        who = `head-${id}`;
        papers = p;
        break;
      }
    }
  }
  expect(who).toBeDefined();
  const replies = await say(who!, 'my papers');
  const card = cardOf(replies[0]);
  expect(card.refresh.action.verb).toBe('papers.refresh');
  const submit = card.actions.find((a: any) => a.verb === 'papers.submit');
  expect(submit).toBeDefined();
  const after = await click(who!, 'papers.submit', submit.data);
  expect(after.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(textOf(after.value)).toContain('✅');

  // An invalid extension request (no reason) re-renders with the problem and writes nothing.
  const meetingBefore = (await stack.call('GET', `/api/meetings/${submit.data.meetingId}`, { as: 'ceo' })).body;
  const other = papers.find((p: any) => p.meetingId === submit.data.meetingId && p.paper.requirementId !== submit.data.requirementId);
  expect(other).toBeDefined();
  const version = after.value.actions.find((a: any) => a.type === 'Action.ShowCard')?.card.actions[0].data.version;
  const invalid = await click(who!, 'papers.extension.request', {
    meetingId: submit.data.meetingId,
    requirementId: other.paper.requirementId,
    version,
    newDueDate: 'tomorrow',
    reason: '',
  });
  expect(textOf(invalid.value)).toMatch(/Nothing was saved/);
  const meetingAfterInvalid = (await stack.call('GET', `/api/meetings/${submit.data.meetingId}`, { as: 'ceo' })).body;
  expect(meetingAfterInvalid.meeting.version).toBe(meetingBefore.meeting.version);

  // A valid one: a working day after the deadline, before the meeting.
  const meeting = meetingAfterInvalid.meeting;
  let newDate: string | undefined;
  for (let d = new Date(`${other.paper.dueDate}T12:00:00Z`); ;) {
    d.setUTCDate(d.getUTCDate() + 1);
    const iso = d.toISOString().slice(0, 10);
    if (iso >= meeting.date) break;
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) {
      newDate = iso;
      break;
    }
  }
  if (!newDate) return; // deadline is the day before the meeting: no date to ask for
  const chair = meeting.chairId;
  // The chair has the app: their first message stores the conversation reference.
  await say(chair, 'hello');
  const beforeChair = received.length;
  const asked = await click(who!, 'papers.extension.request', {
    meetingId: meeting.id,
    requirementId: other.paper.requirementId,
    version: meeting.version,
    newDueDate: newDate,
    reason: 'Data drop delayed by the MIS upgrade',
  });
  expect(textOf(asked.value)).toMatch(/extension to .* asked for/);
  const deadline = Date.now() + 5000;
  let chairCard: any;
  while (Date.now() < deadline && !chairCard) {
    chairCard = received
      .slice(beforeChair)
      .find((r) => r.conversationId === `personal-${chair}` && textOf(r.activity).includes('Extension asked for'));
    if (!chairCard) await new Promise((r) => setTimeout(r, 100));
  }
  expect(chairCard).toBeDefined();
  // The chair's card refreshes to the current state, then the chair approves.
  const refreshed = await click(chair, 'papers.extension.refresh', { meetingId: meeting.id, requirementId: other.paper.requirementId });
  expect(textOf(refreshed.value)).toContain('Data drop delayed');
  const approve = refreshed.value.actions.find((a: any) => a.data?.decision === 'approve');
  const decided = await click(chair, 'papers.extension.decide', approve.data);
  expect(textOf(decided.value)).toMatch(/Approved by /);
});

test('chat text of any shape gets a reply and writes nothing', async () => {
  const before = (await stack.call('GET', '/api/dashboard', { as: 'ceo' })).body;
  for (const t of ['', ' ', '🙂🙂🙂', '<b>hi</b>', "'; DROP TABLE meetings; --", 'x'.repeat(20000)]) {
    const replies = await say('ceo', t);
    expect(replies.length).toBeGreaterThan(0);
  }
  const after = (await stack.call('GET', '/api/dashboard', { as: 'ceo' })).body;
  expect(after).toEqual(before);
});
