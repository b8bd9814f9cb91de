import { devIdentity } from '../../functions/local/dev-identity';
import { loadConfig } from '../../functions/config/app-config';
import { startLocalStack, type RunningStack } from './local-stack';

let stack: RunningStack;
beforeAll(async () => {
  stack = await startLocalStack('2026-11-23T10:00:00Z');
});
afterAll(async () => stack.stop());

const countActions = async () => (await stack.local.store.actions.list({}, { pageSize: 500 }).page()).items.length;

describe('the local host serves the seeded trust', () => {
  it('answers /health from SQLite with the demo trust', async () => {
    const res = await stack.call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', store: 'sqlite', trust: 'Meadowbank Learning Trust' });
  });

  it('refuses an API call from nobody with 401 and says how to sign in', async () => {
    const res = await stack.call('GET', '/api/dashboard');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/sign in/i);
  });

  it('shows the CEO every academy, red first, each with the reasons for its RAG', async () => {
    const res = await stack.call('GET', '/api/dashboard', { as: 'ceo' });
    expect(res.status).toBe(200);
    const statuses = res.body.academies as { name: string; rag: string; reasons: { text: string }[] }[];
    expect(statuses).toHaveLength(12);
    const order = { red: 0, amber: 1, green: 2 } as Record<string, number>;
    expect(statuses.map((s) => order[s.rag])).toEqual([...statuses.map((s) => order[s.rag])].sort());
    expect(statuses.every((s) => s.reasons.length > 0)).toBe(true);
    expect(statuses.find((s) => s.name === 'Hill Top Primary School')?.rag).toBe('red');
  });

  it('shows a head only their own academy and politely refuses another', async () => {
    const dash = await stack.call('GET', '/api/dashboard', { as: 'head-oakfield' });
    expect(dash.body.academies.map((a: { academyId: string }) => a.academyId)).toEqual(['oakfield']);
    const list = await stack.call('GET', '/api/academies', { as: 'head-oakfield' });
    expect(list.body.academies.map((a: { id: string }) => a.id)).toEqual(['oakfield']);
    const other = await stack.call('GET', '/api/academies/brook-lane', { as: 'head-oakfield' });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/only see information for your own academy/);
    const actions = await stack.call('GET', '/api/academies/brook-lane/actions', { as: 'governor-oakfield' });
    expect(actions.status).toBe(403);
  });

  it('shows a head who partners a school that school as well as their own, and no other', async () => {
    const dash = await stack.call('GET', '/api/dashboard', { as: 'head-st-marys' });
    expect(dash.body.academies.map((a: { academyId: string }) => a.academyId).sort()).toEqual(['hill-top', 'st-marys']);
  });

  it('lets the board read the dashboard but not plan the year', async () => {
    expect((await stack.call('GET', '/api/dashboard', { as: 'board-chair' })).body.academies).toHaveLength(12);
    const plan = await stack.call('POST', '/api/planner/plan', { as: 'board-chair', body: { academicYear: '2026/27' } });
    expect(plan.status).toBe(403);
  });

  it('gives a head their own work: actions, papers owed and next meetings', async () => {
    const res = await stack.call('GET', '/api/my-work', { as: 'head-brook-lane' });
    expect(res.status).toBe(200);
    expect(res.body.actions.length).toBeGreaterThan(0);
    expect(res.body.actions.every((a: { ownerId: string }) => a.ownerId === 'head-brook-lane')).toBe(true);
    expect(res.body.nextMeetings.every((m: { academyId: string }) => m.academyId === 'brook-lane')).toBe(true);
  });
});

describe('writes through the API', () => {
  it('refuses a bad action with 400 naming each field, and writes nothing', async () => {
    const before = await countActions();
    const res = await stack.call('POST', '/api/actions', {
      as: 'ceo',
      body: { academyId: 'oakfield', text: '', dueDate: '31/12/2026', clientKey: 'k' },
    });
    expect(res.status).toBe(400);
    const fields = res.body.error.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['text', 'ownerId', 'dueDate', 'clientKey']));
    expect(await countActions()).toBe(before);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const res = await stack.call('POST', '/api/actions', { as: 'ceo', rawBody: '{not json' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INPUT.INVALID');
  });

  it('creates an action once when the same request arrives twice, and it reaches the owner’s work', async () => {
    const body = {
      academyId: 'oakfield',
      text: 'Share the phonics audit with governors',
      ownerId: 'head-oakfield',
      dueDate: '2026-12-11',
      clientKey: 'e2e-double-click-1',
    };
    const first = await stack.call('POST', '/api/actions', { as: 'aid-graham', body });
    const second = await stack.call('POST', '/api/actions', { as: 'aid-graham', body });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.action.id).toBe(first.body.action.id);
    const work = await stack.call('GET', '/api/my-work', { as: 'head-oakfield' });
    expect(work.body.actions.filter((a: { text: string }) => a.text === body.text)).toHaveLength(1);
  });

  it('refuses a head writing an action at another academy', async () => {
    const res = await stack.call('POST', '/api/actions', {
      as: 'head-oakfield',
      body: { academyId: 'brook-lane', text: 'x', ownerId: 'head-brook-lane', dueDate: '2026-12-11', clientKey: 'e2e-other-school' },
    });
    expect(res.status).toBe(403);
  });

  it('answers a stale version with 409 and keeps the other person’s change', async () => {
    const created = await stack.call('POST', '/api/actions', {
      as: 'ceo',
      body: {
        academyId: 'riverside',
        text: 'Book the KS4 moderation day',
        ownerId: 'head-riverside',
        dueDate: '2026-12-04',
        clientKey: 'e2e-conflict-1',
      },
    });
    const { id, version } = created.body.action;
    const mine = await stack.call('PATCH', `/api/actions/${id}`, {
      as: 'head-riverside',
      body: { status: 'in-progress', note: 'Date agreed with the partner school', version },
    });
    expect(mine.status).toBe(200);
    const stale = await stack.call('PATCH', `/api/actions/${id}`, {
      as: 'ceo',
      body: { status: 'dropped', note: 'No longer needed', version },
    });
    expect(stale.status).toBe(409);
    const now = await stack.call('GET', `/api/actions/${id}`, { as: 'ceo' });
    expect(now.body.status).toBe('in-progress');
  });

  it('refuses moving a meeting onto the early May bank holiday, with the reason, and leaves it where it was', async () => {
    const planner = await stack.call('GET', '/api/planner?year=2026/27', { as: 'ceo' });
    const meeting = planner.body.meetings.find((m: { status: string; halfTerm: number }) => m.status === 'planned' && m.halfTerm === 5);
    const res = await stack.call('POST', `/api/meetings/${meeting.id}/move`, {
      as: 'ceo',
      body: { date: '2027-05-03', version: meeting.version },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('MOVE.BANK_HOLIDAY');
    expect(res.body.error.message).toMatch(/bank holiday/i);
    const after = await stack.call('GET', `/api/meetings/${meeting.id}`, { as: 'ceo' });
    expect(after.body.meeting.date).toBe(meeting.date);
  });

  it('re-planning the seeded year changes nothing that is already right', async () => {
    const res = await stack.call('POST', '/api/planner/plan', { as: 'aid-graham', body: { academicYear: '2026/27' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, cancelled: 0, conflicts: [] });
  });

  it('refuses an invalid improvement model naming the field, and only the admin or CEO may change it', async () => {
    const current = await stack.call('GET', '/api/model', { as: 'admin' });
    const broken = structuredClone(current.body.model);
    broken.cadence[0].meetingKind = 'no-such-kind';
    const bad = await stack.call('PUT', '/api/model', { as: 'admin', body: { model: broken, version: current.body.version } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems.map((p: { field: string }) => p.field)).toContain('model.cadence.0.meetingKind');
    const asHead = await stack.call('PUT', '/api/model', {
      as: 'head-oakfield',
      body: { model: current.body.model, version: current.body.version },
    });
    expect(asHead.status).toBe(403);
  });
});

describe('the dev identity is local only', () => {
  it('cannot be wired in production mode', () => {
    expect(() => devIdentity(stack.local.services, 'production')).toThrow(/only in local mode/);
  });

  it('production configuration refuses the embedded store, naming the variable', () => {
    expect(() => loadConfig({ TRUST_MODE: 'production' })).toThrow(/TRUST_STORE/);
  });
});

describe('every write is recorded and visible on the record', () => {
  it('shows who changed an action, when, and what changed', async () => {
    const created = await stack.call('POST', '/api/actions', {
      as: 'aid-graham',
      body: {
        academyId: 'elmwood',
        text: 'Agree the SEF evidence base',
        ownerId: 'head-elmwood',
        dueDate: '2026-12-09',
        clientKey: 'e2e-audit-1',
      },
    });
    const { id, version } = created.body.action;
    await stack.call('PATCH', `/api/actions/${id}`, {
      as: 'head-elmwood',
      body: { status: 'done', note: 'Shared with governors', version },
    });
    const history = await stack.call('GET', `/api/history/actions/${id}`, { as: 'head-elmwood' });
    expect(history.status).toBe(200);
    const [latest, first] = history.body.items;
    expect(latest).toMatchObject({ action: 'updated', actorId: 'head-elmwood', recordKind: 'actions' });
    expect(latest.changes.find((c: { field: string }) => c.field === 'status')).toEqual({ field: 'status', before: 'open', after: 'done' });
    expect(first).toMatchObject({ action: 'created', actorId: 'aid-graham' });
    expect(Date.parse(latest.at)).not.toBeNaN();
  });

  it('keeps a record’s history from people who may not see the record', async () => {
    const actions = await stack.call('GET', '/api/academies/elmwood/actions', { as: 'ceo' });
    const res = await stack.call('GET', `/api/history/actions/${actions.body.items[0].id}`, { as: 'head-oakfield' });
    expect(res.status).toBe(403);
  });
});

describe('papers as files', () => {
  it('a head uploads a paper into the meeting’s folder; it is marked in, linked, and can be opened', async () => {
    const planner = await stack.call('GET', '/api/planner', { as: 'ceo' });
    const m = planner.body.meetings.find(
      (x: { status: string; academyId: string; papers: { ownerRole: string; submittedAt?: string }[] }) =>
        x.status === 'planned' && x.academyId !== 'riverside' && x.papers.some((p) => p.ownerRole === 'head' && !p.submittedAt),
    );
    const owed = {
      meetingId: m.id,
      paper: m.papers.find((p: { ownerRole: string; submittedAt?: string }) => p.ownerRole === 'head' && !p.submittedAt),
    };
    const head = `head-${m.academyId}`;
    const meeting = await stack.call('GET', `/api/meetings/${owed.meetingId}`, { as: head });
    const res = await stack.call('POST', `/api/meetings/${owed.meetingId}/papers/${owed.paper.requirementId}/file`, {
      as: head,
      body: {
        fileName: 'Head report.txt',
        contentBase64: Buffer.from('the report').toString('base64'),
        version: meeting.body.meeting.version,
      },
    });
    expect(res.status).toBe(201);
    const paper = res.body.meeting.papers.find((p: { requirementId: string }) => p.requirementId === owed.paper.requirementId);
    expect(paper.submittedBy).toBe(head);
    expect(paper.link).toContain('/papers/');
    // Opened through the API, as the head (issue 14: never a static folder anyone can read).
    const file = await fetch(`${stack.base}${new URL(paper.link).pathname}`, { headers: { 'x-dev-person': head } });
    expect(await file.text()).toBe('the report');
    const folder = await stack.call('GET', `/api/meetings/${owed.meetingId}/papers/folder`, { as: head });
    expect(folder.body.files.map((f: { name: string }) => f.name)).toEqual(['Head report.txt']);
  });

  it('refuses a bad file name with the field named, and stores nothing', async () => {
    const planner = await stack.call('GET', '/api/planner', { as: 'ceo' });
    type Listed = { id: string; version: string; status: string; academyId: string; papers: { requirementId: string; ownerId?: string }[] };
    const m = (planner.body.meetings as Listed[]).find(
      (x) => x.status === 'planned' && x.academyId === 'riverside' && x.papers.some((p) => p.ownerId === 'head-riverside'),
    )!;
    const mine = m.papers.find((p) => p.ownerId === 'head-riverside')!;
    const res = await stack.call('POST', `/api/meetings/${m.id}/papers/${mine.requirementId}/file`, {
      as: 'head-riverside',
      body: { fileName: 'a:b?.docx', contentBase64: 'eA==', version: m.version },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.problems[0].field).toBe('fileName');
    const folder = await stack.call('GET', `/api/meetings/${m.id}/papers/folder`, { as: 'head-riverside' });
    expect(folder.body.files).toEqual([]);
  });
});
