import { startLocalStack, type RunningStack } from './local-stack';

let stack: RunningStack;
type M = { id: string; status: string; academyId: string; kind: string; date: string; version: string; chairId: string };
let meetings: M[];

beforeAll(async () => {
  stack = await startLocalStack('2026-11-23T10:00:00Z');
  meetings = (await stack.call('GET', '/api/planner', { as: 'ceo' })).body.meetings;
});
afterAll(async () => stack.stop());

const meeting = (pred: (m: M) => boolean) => meetings.find(pred)!;

describe('the API the tab reads', () => {
  it('gives an academy page its timeline, actions, KPIs, interventions, escalations and support days', async () => {
    const res = await stack.call('GET', '/api/academies/brook-lane/detail', { as: 'ceo' });
    expect(res.status).toBe(200);
    expect(res.body.status.academyId).toBe('brook-lane');
    expect(res.body.meetings.length).toBeGreaterThan(0);
    expect(res.body.escalations.length).toBeGreaterThan(0);
    expect(Object.keys(res.body.actions[0]).sort()).toEqual(
      ['dueDate', 'id', 'ownerId', 'raisedInMeetingId', 'status', 'text', 'version'].filter((k) => k in res.body.actions[0]).sort(),
    );
    expect((await stack.call('GET', '/api/academies/brook-lane/detail', { as: 'head-oakfield' })).status).toBe(403);
  });

  it('averages KPI data points across the academies the viewer may see', async () => {
    const res = await stack.call('GET', '/api/kpis', { as: 'ceo' });
    expect(res.status).toBe(200);
    expect(res.body.measures.length).toBeGreaterThan(0);
    expect(res.body.measures[0].points[0]).toEqual(
      expect.objectContaining({ point: 1, academies: expect.any(Number), belowTarget: expect.any(Number) }),
    );
    const head = await stack.call('GET', '/api/kpis', { as: 'head-oakfield' });
    expect(Math.max(...head.body.measures.flatMap((m: { points: { academies: number }[] }) => m.points.map((p) => p.academies)))).toBe(1);
  });
});

describe('recording at a meeting', () => {
  it('records a judgement with the version read, then refuses a stale version with 409', async () => {
    const m = meeting((x) => x.academyId === 'hill-top' && x.status === 'held' && x.kind === 'aim');
    const res = await stack.call('POST', `/api/meetings/${m.id}/judgements`, {
      as: m.chairId,
      body: {
        area: 'leadership-and-governance',
        evidence: 'Governors hold leaders to account well.',
        reportCardGrade: 'expected-standard',
        version: m.version,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.meeting.judgements).toEqual(
      expect.arrayContaining([expect.objectContaining({ area: 'leadership-and-governance', reportCardGrade: 'expected-standard' })]),
    );
    const stale = await stack.call('POST', `/api/meetings/${m.id}/judgements`, {
      as: m.chairId,
      body: { area: 'leadership-and-governance', evidence: 'Again', version: m.version },
    });
    expect(stale.status).toBe(409);
  });

  it('refuses a judgement for a meeting still to come, saying when it can be recorded', async () => {
    const m = meeting((x) => x.academyId === 'oakfield' && x.status === 'planned' && x.kind === 'aim' && x.date > '2026-11-23');
    const early = await stack.call('POST', `/api/meetings/${m.id}/judgements`, {
      as: m.chairId,
      body: { area: 'leadership-and-governance', evidence: 'Governors hold leaders to account well.', version: m.version },
    });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('JUDGEMENT.MEETING_NOT_YET');
    expect(early.body.error.message).toBe(
      'This meeting is on Thursday 3 December 2026; judgements are recorded at the meeting, from that day.',
    );
    const after = await stack.call('GET', `/api/meetings/${m.id}`, { as: m.chairId });
    expect(after.body.meeting.judgements).toEqual([]);
    expect(after.body.can).toEqual(expect.objectContaining({ moment: 'before', recordJudgements: false, recordAttendance: false }));
  });

  it('refuses a judgement without evidence (422), from a head (403), and a body without a version (400)', async () => {
    const m = meeting((x) => x.academyId === 'st-marys' && x.status === 'held' && x.kind === 'aim');
    const empty = await stack.call('POST', `/api/meetings/${m.id}/judgements`, {
      as: 'ceo',
      body: { area: 'leadership-and-governance', evidence: ' ', version: m.version },
    });
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('JUDGEMENT.EVIDENCE_REQUIRED');
    expect(
      (
        await stack.call('POST', `/api/meetings/${m.id}/judgements`, {
          as: 'head-st-marys',
          body: { area: 'leadership-and-governance', evidence: 'x', version: m.version },
        })
      ).status,
    ).toBe(403);
    const bad = await stack.call('POST', `/api/meetings/${m.id}/judgements`, {
      as: 'ceo',
      body: { area: 'leadership-and-governance', evidence: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems[0].field).toBe('version');
  });

  it('writes notes after a meeting, asks the head and chair of LGB, and circulates them once both approve', async () => {
    let held: { id: string; chairId: string; academyId: string; version: string } | undefined;
    for (const m of meetings.filter((x) => x.status === 'held' && x.kind === 'aim')) {
      const v = await stack.call('GET', `/api/meetings/${m.id}`, { as: 'ceo' });
      if (!v.body.meeting.notes?.circulatedAt) {
        held = v.body.meeting;
        break;
      }
    }
    expect(held).toBeDefined();
    const written = await stack.call('PUT', `/api/meetings/${held!.id}/notes`, {
      as: held!.chairId,
      body: { text: 'Rewritten notes', version: held!.version },
    });
    expect(written.status).toBe(200);
    let version: string = written.body.meeting.version;
    const approvers = written.body.meeting.notes.approvals.map((a: { personId: string }) => a.personId) as string[];
    expect(approvers).toEqual(expect.arrayContaining([`head-${held!.academyId}`, `chair-${held!.academyId}`]));
    const notMine = await stack.call('POST', `/api/meetings/${held!.id}/notes/approval`, {
      as: `governor-${held!.academyId}`,
      body: { approve: true, version },
    });
    expect(notMine.body.error.code).toBe('NOTES.NOT_AN_APPROVER');
    for (const who of approvers) {
      const r = await stack.call('POST', `/api/meetings/${held!.id}/notes/approval`, { as: who, body: { approve: true, version } });
      expect(r.status).toBe(200);
      version = r.body.meeting.version;
    }
    const after = await stack.call('GET', `/api/meetings/${held!.id}`, { as: 'ceo' });
    expect(after.body.meeting.notes.circulatedAt).toBeDefined();
    const late = await stack.call('PUT', `/api/meetings/${held!.id}/notes`, { as: held!.chairId, body: { text: 'Too late', version } });
    expect(late.body.error.code).toBe('NOTES.ALREADY_CIRCULATED');
  });

  it('marks a paper as in with its link, and refuses it twice', async () => {
    const m = meetings.find((x) => x.status === 'planned' && x.date > '2026-11-23' && x.academyId === 'riverside')!;
    const view = await stack.call('GET', `/api/meetings/${m.id}`, { as: 'ceo' });
    // The head marks in a paper they own (the agenda and the previous report are the chair's).
    const paper = view.body.meeting.papers.find(
      (p: { submittedAt?: string; ownerId?: string }) => !p.submittedAt && p.ownerId === 'head-riverside',
    );
    const first = await stack.call('POST', `/api/meetings/${m.id}/papers/${paper.requirementId}/submit`, {
      as: 'head-riverside',
      body: { link: 'https://example.org/papers/report.docx', version: view.body.meeting.version },
    });
    expect(first.status).toBe(200);
    const again = await stack.call('POST', `/api/meetings/${m.id}/papers/${paper.requirementId}/submit`, {
      as: 'head-riverside',
      body: { version: first.body.meeting.version },
    });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('PAPER.ALREADY_IN');
    expect(
      (
        await stack.call('POST', `/api/meetings/${m.id}/papers/${paper.requirementId}/submit`, {
          as: 'head-oakfield',
          body: { version: first.body.meeting.version },
        })
      ).status,
    ).toBe(403);
  });
});

describe('attendance, apologies and paper extensions', () => {
  it('lets the chair send apologies for an attendee with a substitute, then record attendance; refuses others', async () => {
    const m = meeting((x) => x.academyId === 'riverside' && x.status === 'planned' && x.date > '2026-11-23' && x.kind === 'aim');
    const view = (await stack.call('GET', `/api/meetings/${m.id}`, { as: 'ceo' })).body.meeting;
    const away = view.attendees.find((a: { personId: string }) => a.personId !== m.chairId).personId as string;
    const attending = new Set(view.attendees.map((a: { personId: string }) => a.personId));
    const people = (await stack.call('GET', '/api/admin/people', { as: 'admin' })).body.people as { id: string }[];
    const sub = people.find((p) => !attending.has(p.id) && p.id !== 'admin')!.id;
    expect(
      (
        await stack.call('POST', `/api/meetings/${m.id}/apologies`, {
          as: 'head-oakfield',
          body: { personId: away, reason: 'x', version: view.version },
        })
      ).status,
    ).toBe(403);
    const noReason = await stack.call('POST', `/api/meetings/${m.id}/apologies`, {
      as: m.chairId,
      body: { personId: away, reason: ' ', version: view.version },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.problems[0].field).toBe('reason');
    const res = await stack.call('POST', `/api/meetings/${m.id}/apologies`, {
      as: m.chairId,
      body: { personId: away, reason: 'Ofsted visit at another school', substituteId: sub, version: view.version },
    });
    expect(res.status).toBe(200);
    expect(res.body.meeting.attendees).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: away, attendance: 'apologies', apology: expect.objectContaining({ substituteId: sub }) }),
        expect.objectContaining({ personId: sub, attendance: 'expected' }),
      ]),
    );
    const again = await stack.call('POST', `/api/meetings/${m.id}/apologies`, {
      as: m.chairId,
      body: { personId: away, reason: 'again', version: res.body.meeting.version },
    });
    expect(again.body.error.code).toBe('ATTENDANCE.APOLOGIES_ALREADY_GIVEN');
    const attended = await stack.call('POST', `/api/meetings/${m.id}/attendance`, {
      as: m.chairId,
      body: { personId: sub, attendance: 'attended', version: res.body.meeting.version },
    });
    expect(attended.status).toBe(200);
    expect(attended.body.meeting.attendees.find((a: { personId: string }) => a.personId === sub).attendance).toBe('attended');
    expect(
      (
        await stack.call('POST', `/api/meetings/${m.id}/attendance`, {
          as: m.chairId,
          body: { personId: sub, attendance: 'absent', version: res.body.meeting.version },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await stack.call('POST', `/api/meetings/${m.id}/attendance`, {
          as: 'head-riverside',
          body: { personId: sub, attendance: 'absent', version: attended.body.meeting.version },
        })
      ).status,
    ).toBe(403);
  });

  it('lets a paper’s owner ask for more time and only the chair decide', async () => {
    const m = meetings.find((x) => x.status === 'planned' && x.date > '2026-12-01' && x.academyId === 'oakfield')!;
    const view = (await stack.call('GET', `/api/meetings/${m.id}`, { as: 'ceo' })).body.meeting;
    const paper = view.papers.find((p: { submittedAt?: string }) => !p.submittedAt);
    const early = await stack.call('POST', `/api/meetings/${m.id}/papers/${paper.requirementId}/extension`, {
      as: paper.ownerId,
      body: { newDueDate: paper.dueDate, reason: 'Data not in yet', version: view.version },
    });
    expect(early.body.error.code).toBe('PAPER.EXTENSION_NOT_LATER');
    const d = new Date(`${paper.dueDate}T12:00:00Z`);
    do d.setUTCDate(d.getUTCDate() + 1);
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
    const newDueDate = d.toISOString().slice(0, 10);
    const asked = await stack.call('POST', `/api/meetings/${m.id}/papers/${paper.requirementId}/extension`, {
      as: paper.ownerId,
      body: { newDueDate, reason: 'Data not in yet', version: view.version },
    });
    expect(asked.status).toBe(200);
    const notChair = await stack.call('POST', `/api/meetings/${m.id}/papers/${paper.requirementId}/extension/decision`, {
      as: 'admin',
      body: { approve: true, version: asked.body.meeting.version },
    });
    expect(notChair.body.error.code).toBe('PAPER.NOT_THE_CHAIR');
    const granted = await stack.call('POST', `/api/meetings/${m.id}/papers/${paper.requirementId}/extension/decision`, {
      as: m.chairId,
      body: { approve: true, version: asked.body.meeting.version },
    });
    expect(granted.status).toBe(200);
    expect(granted.body.meeting.papers.find((p: { requirementId: string }) => p.requirementId === paper.requirementId).extension).toEqual(
      expect.objectContaining({ status: 'approved', newDueDate }),
    );
  });
});

describe('settings: academies and people', () => {
  it('lets the trust admin change an academy’s stage with its version, naming a bad stage, and refuses a head', async () => {
    const list = await stack.call('GET', '/api/admin/academies', { as: 'admin' });
    const oak = list.body.academies.find((a: { id: string }) => a.id === 'oakfield');
    const bad = await stack.call('PATCH', '/api/admin/academies/oakfield', {
      as: 'admin',
      body: { supportStage: 'nope', version: oak.version },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems[0].field).toBe('supportStage');
    const ok = await stack.call('PATCH', '/api/admin/academies/oakfield', {
      as: 'admin',
      body: { riskBand: 'high', version: oak.version },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.academy.riskBand).toBe('high');
    expect(
      (await stack.call('PATCH', '/api/admin/academies/oakfield', { as: 'admin', body: { riskBand: 'low', version: oak.version } })).status,
    ).toBe(409);
    expect((await stack.call('GET', '/api/admin/academies', { as: 'head-oakfield' })).status).toBe(403);
  });

  it('lets the trust admin rename a person; the admin list carries no Entra id', async () => {
    const list = await stack.call('GET', '/api/admin/people', { as: 'admin' });
    const head = list.body.people.find((p: { id: string }) => p.id === 'head-oakfield');
    expect(Object.keys(head)).not.toContain('entraObjectId');
    const res = await stack.call('PATCH', '/api/admin/people/head-oakfield', {
      as: 'admin',
      body: { jobTitle: 'Executive Headteacher', version: head.version },
    });
    expect(res.status).toBe(200);
    expect(res.body.person.jobTitle).toBe('Executive Headteacher');
    expect(
      (
        await stack.call('PATCH', '/api/admin/people/head-oakfield', {
          as: 'head-oakfield',
          body: { jobTitle: 'x', version: res.body.person.version },
        })
      ).status,
    ).toBe(403);
  });

  it('adds a person once per client key, naming bad fields', async () => {
    const bad = await stack.call('POST', '/api/admin/people', {
      as: 'admin',
      body: { name: 'Sam Patel', email: 'not-an-email', roles: [{ role: 'governor' }], clientKey: 'k1' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems.map((p: { field: string }) => p.field).sort()).toEqual(['email', 'roles.0.academyId']);
    const body = {
      name: 'Sam Patel',
      email: 'sam.patel@example.org',
      roles: [{ role: 'governor', academyId: 'oakfield' }],
      clientKey: 'k2',
    };
    const made = await stack.call('POST', '/api/admin/people', { as: 'admin', body });
    expect(made.status).toBe(201);
    const again = await stack.call('POST', '/api/admin/people', { as: 'admin', body });
    expect(again.body).toEqual(expect.objectContaining({ created: false, person: expect.objectContaining({ id: made.body.person.id }) }));
    expect((await stack.call('POST', '/api/admin/people', { as: 'head-oakfield', body: { ...body, clientKey: 'k3' } })).status).toBe(403);
  });
});

describe('the tab on the local host', () => {
  it('serves the built tab at /tab and any deep link under it, and lists dev identities locally', async () => {
    const res = await fetch(`${stack.base}/tab/academy/oakfield`);
    expect([200, 503]).toContain(res.status);
    if (res.status === 200) expect(await res.text()).toContain('<div id="root">');
    const people = await stack.call('GET', '/tab/dev/people');
    expect(people.body.people.length).toBeGreaterThan(20);
  });
});
