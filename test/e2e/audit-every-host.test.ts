import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { AuditEntry } from '../../core/domain/audit';
import type { RunningStack } from './local-stack';
import { NO_RATE_LIMITS, startConfiguredStack } from './support/configured-stack';
import { watchWrites, type WriteWatch } from './support/write-watch';

/**
 * Issue 13, "Done when": every kind of write, through every host that can make it, leaves an audit
 * entry naming the person. The tab's writes go through the API on the real local host; a card's
 * through the Bot Framework protocol (`adaptiveCard/action` invokes POSTed to /api/messages, as the
 * Agents Playground and Teams send them); chat never writes. The confirmed defects of the issue are
 * here by name: a paper marked in, an extension approved by the chair and an action set to done,
 * each from a card. Every write the store receives is watched: one without its audit entry fails.
 */
const TENANT = '6f1c2d3e-0000-4000-8000-00000000aa01';
const APP_ID_URI = 'api://localhost/0b7e9c1a-0000-4000-8000-00000000bb02';
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

let stack: RunningStack;
let ssoStack: RunningStack;
let connector: Server;
let serviceUrl: string;
/** Activities the bot sent to the connector: replies, and the cards waiting for someone at their first conversation. */
let delivered = 0;

/** Until the bot has sent nothing for a while: the reminders a first conversation sends go out at Teams' pace. */
async function quiet(ms = 600): Promise<void> {
  for (let last = -1; last !== delivered;) {
    last = delivered;
    await new Promise((r) => setTimeout(r, ms));
  }
}
let signingKey: Awaited<ReturnType<typeof generateKeyPair>>;

let watch: WriteWatch;
let ssoWatch: WriteWatch;

beforeAll(async () => {
  signingKey = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(signingKey.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  stack = await startConfiguredStack('2026-11-23T10:00:00Z', NO_RATE_LIMITS);
  watch = watchWrites(stack.local.store, stack.local.audit);
  // Teams SSO as F5 "Debug in Teams" configures it (m365agents.local.yml): there only a validated token says who calls.
  ssoStack = await startConfiguredStack(
    '2026-11-23T10:00:00Z',
    { ...NO_RATE_LIMITS, SSO_APP_ID_URI: APP_ID_URI, AZURE_TENANT_ID: TENANT },
    { sso: { jwks: createLocalJWKSet({ keys: [jwk] }), issuer: ISSUER } },
  );
  ssoWatch = watchWrites(ssoStack.local.store, ssoStack.local.audit);
  // Where the bot's replies and proactive cards go: a stand-in for the Bot Connector, as the Playground's `/_connector`.
  const app = express();
  app.use(express.json({ limit: '5mb' }));
  app.post(['/v3/conversations/:id/activities', '/v3/conversations/:id/activities/:aid'], (_req, res) => {
    delivered++;
    res.json({ id: `a${delivered}` });
  });
  connector = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
}, 60_000);

afterAll(async () => {
  await quiet();
  // The bot's HTTP client keeps its connections to the connector alive: close them, or Jest waits for them.
  connector?.closeAllConnections();
  await new Promise<void>((r) => connector?.close(() => r()));
  await stack?.stop();
  await ssoStack?.stop();
});

// ---- The hosts.

const api = (as: string, method: string, path: string, body?: unknown) =>
  stack.call(method, path, { as, ...(body !== undefined ? { body } : {}) });

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

const postActivity = async (body: object) => {
  const res = await fetch(`${stack.base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
};

/** A click on a card button: the invoke Teams sends for an `Action.Execute`, and the card that comes back. */
async function click(personId: string, verb: string, data: object): Promise<string> {
  const out = await postActivity(
    activity(personId, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' },
    }),
  );
  return JSON.stringify(out?.value ?? out);
}

const say = (personId: string, text: string) => postActivity(activity(personId, { type: 'message', text }));

// ---- What a write must leave behind.

const settle = () => new Promise((r) => setTimeout(r, 150));

/**
 * Runs one write and checks what it left: the store was written; every record written has an audit
 * entry; and the record's history, as the CEO reads it (`GET /api/history/:kind/:id`), starts with
 * an entry by `actor` that changed `field` (when given).
 */
async function expectAudited(
  actor: string,
  record: { kind: string; id: string | (() => string | Promise<string>); field?: string },
  write: () => Promise<unknown>,
  host: { watch: WriteWatch; readHistory: (path: string) => Promise<{ status: number; body: any }> } = {
    watch,
    readHistory: (path) => api('ceo', 'GET', path),
  },
): Promise<AuditEntry> {
  const mark = host.watch.mark();
  await write();
  await settle();
  const { writes: written, audits: audited, unaudited } = host.watch.since(mark);
  const id = typeof record.id === 'function' ? await record.id() : record.id;
  expect(written).toEqual(expect.arrayContaining([{ kind: record.kind, id }]));
  expect(unaudited).toEqual([]);
  const history = await host.readHistory(`/api/history/${record.kind}/${encodeURIComponent(id)}`);
  expect(history.status).toBe(200);
  const latest = (history.body.items as AuditEntry[]).find((e) => audited.some((a) => a.id === e.id));
  expect(latest).toEqual(expect.objectContaining({ actorId: actor, recordKind: record.kind, recordId: id }));
  if (record.field) expect(latest!.changes.map((c) => c.field)).toContain(record.field);
  return latest!;
}

// ---- The records the writes are made on (the demo trust on Monday 23 November 2026).

type Meeting = {
  id: string;
  academyId: string;
  kind: string;
  status: string;
  date: string;
  chairId: string;
  version: string;
  papers: { requirementId: string; ownerId?: string; dueDate: string; submittedAt?: string }[];
  attendees: { personId: string }[];
};
const meetingsOf = async (academyId: string): Promise<Meeting[]> =>
  (await api('ceo', 'GET', '/api/planner')).body.meetings.filter((m: Meeting) => m.academyId === academyId);
const meeting = async (id: string): Promise<Meeting> => (await api('ceo', 'GET', `/api/meetings/${id}`)).body.meeting;
const nextAim = async (academyId: string) =>
  (await meetingsOf(academyId))
    .filter((m) => m.kind === 'aim' && m.status === 'planned' && m.date > '2026-11-23')
    .sort((a, b) => a.date.localeCompare(b.date))[0]!;
const lastHeldAim = async (academyId: string) =>
  (await meetingsOf(academyId)).filter((m) => m.kind === 'aim' && m.status === 'held').sort((a, b) => b.date.localeCompare(a.date))[0]!;
const openPaper = (m: Meeting, ownerId: string, skip: string[] = []) =>
  m.papers.find((p) => p.ownerId === ownerId && !p.submittedAt && !skip.includes(p.requirementId))!;
const dayAfter = (date: string) => {
  const d = new Date(`${date}T12:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
};

describe('the tab (the API) audits every write against the person who made it', () => {
  test('a paper marked in, and a paper uploaded', async () => {
    const m = await nextAim('riverside');
    const paper = openPaper(m, 'head-riverside');
    await expectAudited('head-riverside', { kind: 'meetings', id: m.id, field: 'papers' }, async () => {
      expect(
        (
          await api('head-riverside', 'POST', `/api/meetings/${m.id}/papers/${paper.requirementId}/submit`, {
            link: 'https://example.org/report.docx',
            version: m.version,
          })
        ).status,
      ).toBe(200);
    });
    const fresh = await meeting(m.id);
    const other = openPaper(fresh, 'head-riverside');
    await expectAudited('head-riverside', { kind: 'meetings', id: m.id, field: 'papers' }, async () => {
      const res = await api('head-riverside', 'POST', `/api/meetings/${m.id}/papers/${other.requirementId}/file`, {
        fileName: 'context.txt',
        contentBase64: Buffer.from('Context data: attendance 94.1%').toString('base64'),
        version: fresh.version,
      });
      expect(res.status).toBe(201);
    });
  });

  test('an extension requested by the paper’s owner and decided by the chair', async () => {
    const m = await nextAim('oakfield');
    const paper = openPaper(m, 'head-oakfield', ['heads-report']);
    await expectAudited('head-oakfield', { kind: 'meetings', id: m.id, field: 'papers' }, async () => {
      expect(
        (
          await api('head-oakfield', 'POST', `/api/meetings/${m.id}/papers/${paper.requirementId}/extension`, {
            newDueDate: dayAfter(paper.dueDate),
            reason: 'MIS upgrade delayed the data',
            version: m.version,
          })
        ).status,
      ).toBe(200);
    });
    await expectAudited(m.chairId, { kind: 'meetings', id: m.id, field: 'papers' }, async () => {
      expect(
        (
          await api(m.chairId, 'POST', `/api/meetings/${m.id}/papers/${paper.requirementId}/extension/decision`, {
            approve: true,
            version: (await meeting(m.id)).version,
          })
        ).status,
      ).toBe(200);
    });
  });

  test('apologies sent by an attendee, and by the chair for someone else', async () => {
    const m = await nextAim('oakfield');
    await expectAudited('governor-oakfield', { kind: 'meetings', id: m.id, field: 'attendees' }, async () => {
      expect(
        (
          await api('governor-oakfield', 'POST', `/api/meetings/${m.id}/apologies`, {
            reason: 'Parents’ evening at my own school',
            version: (await meeting(m.id)).version,
          })
        ).status,
      ).toBe(200);
    });
    const r = await nextAim('riverside');
    await expectAudited(r.chairId, { kind: 'meetings', id: r.id, field: 'attendees' }, async () => {
      expect(
        (
          await api(r.chairId, 'POST', `/api/meetings/${r.id}/apologies`, {
            personId: 'governor-riverside',
            reason: 'Called away to a family emergency',
            version: (await meeting(r.id)).version,
          })
        ).status,
      ).toBe(200);
    });
  });

  test('attendance and a judgement recorded by the chair', async () => {
    const m = await nextAim('riverside');
    await expectAudited(m.chairId, { kind: 'meetings', id: m.id, field: 'attendees' }, async () => {
      expect(
        (
          await api(m.chairId, 'POST', `/api/meetings/${m.id}/attendance`, {
            personId: 'head-riverside',
            attendance: 'attended',
            version: (await meeting(m.id)).version,
          })
        ).status,
      ).toBe(200);
    });
    // Judgements are recorded from the meeting's day (core/domain/meeting-moment.ts): a meeting already held.
    const held = await lastHeldAim('kingsmead');
    await expectAudited(held.chairId, { kind: 'meetings', id: held.id, field: 'judgements' }, async () => {
      const area = (await api('ceo', 'GET', '/api/model')).body.model.inspectionAreas[0].id as string;
      expect(
        (
          await api(held.chairId, 'POST', `/api/meetings/${held.id}/judgements`, {
            area,
            evidence: 'Governors hold leaders to account well.',
            version: (await meeting(held.id)).version,
          })
        ).status,
      ).toBe(200);
    });
  });

  test('notes written by the chair and approved by the head', async () => {
    // Oakfield's last AIM: its notes are not yet circulated (the chair of the LGB approves them from a card below).
    const m = await lastHeldAim('oakfield');
    await expectAudited(m.chairId, { kind: 'meetings', id: m.id, field: 'notes' }, async () => {
      expect(
        (
          await api(m.chairId, 'PUT', `/api/meetings/${m.id}/notes`, {
            text: 'Leaders have secured strong outcomes in reading.',
            version: (await meeting(m.id)).version,
          })
        ).status,
      ).toBe(200);
    });
    await expectAudited('head-oakfield', { kind: 'meetings', id: m.id, field: 'notes' }, async () => {
      expect(
        (
          await api('head-oakfield', 'POST', `/api/meetings/${m.id}/notes/approval`, {
            approve: true,
            version: (await meeting(m.id)).version,
          })
        ).status,
      ).toBe(200);
    });
  });

  test('an action created and updated', async () => {
    let id = '';
    await expectAudited('head-oakfield', { kind: 'actions', id: () => id, field: 'text' }, async () => {
      const res = await api('head-oakfield', 'POST', '/api/actions', {
        academyId: 'oakfield',
        text: 'Share the phonics audit with governors',
        ownerId: 'head-oakfield',
        dueDate: '2026-12-18',
        clientKey: 'audit-test-action-1',
      });
      expect(res.status).toBe(201);
      id = res.body.action.id;
    });
    await expectAudited('head-oakfield', { kind: 'actions', id, field: 'status' }, async () => {
      const current = (await api('head-oakfield', 'GET', `/api/actions/${id}`)).body;
      expect(
        (
          await api('head-oakfield', 'PATCH', `/api/actions/${id}`, {
            status: 'in-progress',
            note: 'Audit booked for Thursday',
            version: current.version,
          })
        ).status,
      ).toBe(200);
    });
  });

  test('a meeting moved and a year planned', async () => {
    const later = (await meetingsOf('oakfield'))
      .filter((m) => m.status === 'planned' && m.date > '2027-01-01')
      .sort((a, b) => a.date.localeCompare(b.date))[0]!;
    await expectAudited('aid-graham', { kind: 'meetings', id: later.id, field: 'date' }, async () => {
      let moved = false;
      for (let date = dayAfter(later.date), tries = 0; !moved && tries < 8; date = dayAfter(date), tries++) {
        moved =
          (await api('aid-graham', 'POST', `/api/meetings/${later.id}/move`, { date, version: (await meeting(later.id)).version }))
            .status === 200;
      }
      expect(moved).toBe(true);
    });
    // Next year has term dates and no meetings yet: planning it creates them, each audited.
    const mark = watch.mark();
    const res = await api('aid-graham', 'POST', '/api/planner/plan', { academicYear: '2027/28' });
    expect(res.status).toBe(200);
    expect(res.body.created).toBeGreaterThan(0);
    const since = watch.since(mark);
    const created = since.writes.filter((w) => w.kind === 'meetings');
    expect(created.length).toBeGreaterThanOrEqual(res.body.created);
    expect(since.unaudited).toEqual([]);
    for (const w of created) expect(since.audits.some((a) => a.recordId === w.id && a.actorId === 'aid-graham')).toBe(true);
    const history = await api('ceo', 'GET', `/api/history/meetings/${created[0]!.id}`);
    expect(history.body.items[0]).toMatchObject({ action: 'created', actorId: 'aid-graham' });
  });

  test('settings: an academy updated, a person created and updated, the model saved', async () => {
    const oak = (await api('admin', 'GET', '/api/admin/academies')).body.academies.find((a: { id: string }) => a.id === 'oakfield');
    await expectAudited('admin', { kind: 'academies', id: 'oakfield', field: 'riskBand' }, async () => {
      expect((await api('admin', 'PATCH', '/api/admin/academies/oakfield', { riskBand: 'medium', version: oak.version })).status).toBe(200);
    });
    let personId = '';
    await expectAudited('admin', { kind: 'people', id: () => personId, field: 'email' }, async () => {
      const res = await api('admin', 'POST', '/api/admin/people', {
        name: 'Sam Patel',
        email: 'sam.patel@meadowbank.example',
        roles: [{ role: 'governor', academyId: 'oakfield' }],
        clientKey: 'audit-test-person',
      });
      expect(res.status).toBe(201);
      personId = res.body.person.id;
    });
    await expectAudited('admin', { kind: 'people', id: () => personId, field: 'jobTitle' }, async () => {
      const p = (await api('admin', 'GET', '/api/admin/people')).body.people.find((x: { id: string }) => x.id === personId);
      expect(
        (await api('admin', 'PATCH', `/api/admin/people/${personId}`, { jobTitle: 'Parent governor', version: p.version })).status,
      ).toBe(200);
    });
    const model = (await api('ceo', 'GET', '/api/model')).body;
    await expectAudited('ceo', { kind: 'trust', id: () => stack.local.store.trust.get().then((t) => t!.id), field: 'model' }, async () => {
      const changed = {
        ...model.model,
        meetingKinds: model.model.meetingKinds.map((k: { id: string; name: string }) =>
          k.id === 'aim' ? { ...k, name: 'Academy Improvement Meeting (AIM)' } : k,
        ),
      };
      expect((await api('ceo', 'PUT', '/api/model', { model: changed, version: model.version })).status).toBe(200);
    });
  });

  test('an import applied, and the imported person linked at their first Teams sign-in', async () => {
    // On the host configured for Teams SSO: the admin and the CEO signed in before (their object ids are known).
    const store = ssoStack.local.store;
    const ids = { admin: '11111111-0000-4000-8000-00000000ad01', ceo: '11111111-0000-4000-8000-00000000ce01' };
    for (const [personId, oid] of Object.entries(ids))
      await store.people.update({ ...(await store.people.get(personId))!, entraObjectId: oid });
    const token = (oid: string, signInName?: string) =>
      new SignJWT({ tid: TENANT, oid, ...(signInName ? { preferred_username: signInName } : {}) })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(ISSUER)
        .setAudience(APP_ID_URI)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(signingKey.privateKey);
    const asSso = async (oid: string, method: string, path: string, body?: unknown, signInName?: string) => {
      const res = await fetch(`${ssoStack.base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(oid, signInName)}` },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const onSso = { watch: ssoWatch, readHistory: (path: string) => asSso(ids.ceo, 'GET', path) };
    const email = 'ruth.okonjo@meadowbank.example';
    let personId = '';
    await expectAudited(
      'admin',
      { kind: 'people', id: () => personId, field: 'email' },
      async () => {
        const res = await asSso(ids.admin, 'POST', '/api/admin/import', {
          peopleCsv: `Name,Email,Role,Academy\nRuth Okonjo,${email},Governor,Oakfield\n`,
          dryRun: false,
        });
        expect(res.status).toBe(200);
        expect(res.body.result.created).toBe(1);
        personId = (await store.people.byEmail(email))!.id;
      },
      onSso,
    );
    // Her first Teams sign-in: a token from our tenant whose sign-in name is the imported e-mail; she has no object id yet.
    const oid = '22222222-3333-4444-8555-666666666666';
    // Linking is the sign-in's own write: audited as `system:sign-in`, on her record, naming the object id it linked.
    const entry = await expectAudited(
      'system:sign-in',
      { kind: 'people', id: () => personId, field: 'entraObjectId' },
      async () => {
        const res = await asSso(oid, 'GET', '/api/me', undefined, email);
        expect(res.status).toBe(200);
        expect(res.body.id).toBe(personId);
      },
      onSso,
    );
    expect(entry.changes.find((c) => c.field === 'entraObjectId')).toEqual({ field: 'entraObjectId', after: oid });
  });
});

describe('cards (the bot) audit every write against the person who clicked', () => {
  test('a paper marked in from a card names the head (the issue’s first defect)', async () => {
    const m = await nextAim('oakfield');
    const paper = m.papers.find((p) => p.requirementId === 'heads-report')!;
    await expectAudited('head-oakfield', { kind: 'meetings', id: m.id, field: 'papers' }, async () => {
      expect(
        await click('head-oakfield', 'papers.submit', {
          meetingId: m.id,
          requirementId: paper.requirementId,
          version: (await meeting(m.id)).version,
        }),
      ).toContain('✅');
    });
  });

  test('an extension asked for from a card, and approved by the chair from a card (the second defect)', async () => {
    const m = await nextAim('northgate');
    const paper = openPaper(m, 'head-northgate');
    await expectAudited('head-northgate', { kind: 'meetings', id: m.id, field: 'papers' }, async () => {
      expect(
        await click('head-northgate', 'papers.extension.request', {
          meetingId: m.id,
          requirementId: paper.requirementId,
          version: m.version,
          newDueDate: dayAfter(paper.dueDate),
          reason: 'Data drop delayed by the MIS upgrade',
        }),
      ).toMatch(/asked for/);
    });
    await expectAudited(m.chairId, { kind: 'meetings', id: m.id, field: 'papers' }, async () => {
      expect(
        await click(m.chairId, 'papers.extension.decide', {
          meetingId: m.id,
          requirementId: paper.requirementId,
          version: (await meeting(m.id)).version,
          decision: 'approve',
        }),
      ).toMatch(/Approved by /); // the card's decision, in words: "Approved by Priya Nair"
    });
    const after = (await meeting(m.id)).papers.find((p) => p.requirementId === paper.requirementId) as {
      extension?: { status: string; decidedBy: string };
    };
    expect(after.extension).toMatchObject({ status: 'approved', decidedBy: m.chairId });
  });

  test('apologies sent from a card', async () => {
    const m = await nextAim('oakfield');
    await expectAudited('chair-oakfield', { kind: 'meetings', id: m.id, field: 'attendees' }, async () => {
      expect(
        await click('chair-oakfield', 'meeting.apologies', {
          meetingId: m.id,
          version: (await meeting(m.id)).version,
          reason: 'Ofsted call at work',
        }),
      ).toMatch(/Apologies/i);
    });
  });

  test('notes approved from a card (the head approved them in the tab; the chair of the LGB’s approval circulates them)', async () => {
    const m = await lastHeldAim('oakfield');
    await expectAudited('chair-oakfield', { kind: 'meetings', id: m.id, field: 'notes' }, async () => {
      await click('chair-oakfield', 'notes.decide', { meetingId: m.id, version: (await meeting(m.id)).version, decision: 'approve' });
    });
    const notes = (await api('ceo', 'GET', `/api/meetings/${m.id}`)).body.meeting.notes;
    expect(notes.approvals.find((a: { personId: string }) => a.personId === 'chair-oakfield').status).toBe('approved');
    expect(notes.circulatedAt).toBeDefined();
  });

  test('an action set to done from a card names its owner (the third defect)', async () => {
    const owned = (await api('head-brook-lane', 'GET', '/api/my-work')).body.actions[0] as { id: string; version: string };
    await expectAudited('head-brook-lane', { kind: 'actions', id: owned.id, field: 'status' }, async () => {
      await click('head-brook-lane', 'action.update', {
        actionId: owned.id,
        version: owned.version,
        status: 'done',
        note: 'Completed at the governors’ meeting',
      });
    });
    expect((await api('ceo', 'GET', `/api/actions/${owned.id}`)).body.status).toBe('done');
  });
});

describe('chat', () => {
  test('never writes: questions, and messages that sound like writes, leave the records and the audit log as they were', async () => {
    // The first message installs the app in the chat (the conversation reference is kept outside the records).
    await say('head-oakfield', 'hello');
    await quiet();
    const mark = watch.mark();
    for (const text of [
      'my papers',
      'my actions',
      'how is oakfield doing?',
      'which schools are red?',
      'next meetings',
      'mark my heads report as in',
      'approve the notes',
      'set my action to done',
      'send apologies for the AIM',
      'move the meeting to Friday',
      'how is brook lane doing?',
    ]) {
      await say('head-oakfield', text);
    }
    await say('ceo', 'what papers are missing this week?');
    await settle();
    expect(watch.since(mark).writes).toEqual([]);
    expect(watch.since(mark).audits).toEqual([]);
  });
});
