import { SchoolCalendar } from '../../core/domain/school-year/school-calendar';
import { startLocalStack, type RunningStack } from '../e2e/local-stack';

/**
 * Each academy's arrangements for the year and each meeting's focus, through the API, on the demo
 * trust (DSAT's model) as of Monday 23 November 2026 (issue 16, parts 3 and 4): Oakfield, a Good
 * school, asks for iAIMs; the trust team previews it (nothing written) and sets it with a reason,
 * and the rest of the year gains its iAIMs on school days. The chair agrees an AIM's focus with the
 * head; a governor cannot; the year view warns of areas the plan leaves uncovered; the rotation
 * never gives a secondary early years. An INSET day for one academy moves only its meeting.
 */

type Meeting = {
  id: string;
  academyId: string;
  kind: string;
  status: string;
  date: string;
  chairId: string;
  version: string;
  focus: string[];
};
type Change = { change: string; academyId: string; kind: string; date: string; text: string };

let stack: RunningStack;
const TODAY = '2026-11-23';
const api = (as: string, method: string, path: string, body?: unknown) =>
  stack.call(method, path, { as, ...(body === undefined ? {} : { body }) });
const yearMeetings = async (): Promise<Meeting[]> => (await api('ceo', 'GET', '/api/planner?year=2026/27')).body.meetings as Meeting[];
const arrangements = async (as = 'ceo') => (await api(as, 'GET', '/api/academies/oakfield/arrangements')).body;
const labels = (res: { body: any }) => (res.body.error.problems as { label?: string; field: string }[]).map((p) => p.label ?? p.field);

beforeAll(async () => {
  stack = await startLocalStack(`${TODAY}T10:00:00Z`);
});
afterAll(async () => stack.stop());

describe('a Good school’s request for iAIMs', () => {
  const body = (version?: string) => ({
    requests: ['iaim'],
    reason: 'The head asked for iAIMs at the autumn AIM, ahead of an expected inspection',
    ...(version ? { version } : {}),
  });

  it('is offered to the trust team as something Oakfield may ask for, and Oakfield has none yet', async () => {
    const a = await arrangements();
    expect(a.options).toEqual([{ id: 'iaim', label: 'iAIMs' }]);
    expect(a.requests).toEqual([]);
    expect(a.can).toEqual({ set: true });
    expect((await arrangements('head-oakfield')).can).toEqual({ set: false });
    expect((await yearMeetings()).filter((m) => m.academyId === 'oakfield' && m.kind === 'iaim')).toEqual([]);
  });

  it('previewed: says the iAIMs it would add with their dates in words, and writes nothing', async () => {
    const before = await yearMeetings();
    const versionBefore = (await arrangements()).version;
    const res = await api('aid-graham', 'POST', '/api/academies/oakfield/arrangements/preview', body());
    expect(res.status).toBe(200);
    expect(res.body.changes).toEqual(['Asked for iAIMs']);
    const added = (res.body.meetings as Change[]).filter((c) => c.academyId === 'oakfield');
    expect(added.map((c) => [c.change, c.kind])).toEqual([
      ['added', 'iaim'],
      ['added', 'iaim'],
      ['added', 'iaim'],
    ]);
    for (const c of added) expect(c.text).toMatch(/^iAIM at Oakfield Primary Academy added on \w+day \d{1,2} \w+ 202[67]$/);
    // Nothing else in the trust moves for Oakfield's request.
    expect((res.body.meetings as Change[]).filter((c) => c.academyId !== 'oakfield')).toEqual([]);
    expect(res.body.cadence.map((c: { text: string }) => c.text)).toContain('3 iAIMs a year because it asked for iAIMs');
    // Nothing written.
    expect(await yearMeetings()).toEqual(before);
    expect((await arrangements()).version).toBe(versionBefore);
    expect((await arrangements()).requests).toEqual([]);
  });

  it('is refused to Oakfield’s head, without a reason, for something the model does not offer, and when stale', async () => {
    const { version } = await arrangements();
    expect((await api('head-oakfield', 'POST', '/api/academies/oakfield/arrangements/preview', body())).status).toBe(403);
    expect((await api('head-oakfield', 'PUT', '/api/academies/oakfield/arrangements', body(version))).status).toBe(403);
    const bad = await api('ceo', 'PUT', '/api/academies/oakfield/arrangements', {
      requests: ['qa-two-day'],
      agreedMeetings: { aim: 9 },
      reason: ' ',
      version,
    });
    expect(bad.status).toBe(400);
    expect(labels(bad)).toEqual(expect.arrayContaining(['Reason', 'Meetings agreed with the academy: Aim']));
    const unknown = await api('ceo', 'PUT', '/api/academies/oakfield/arrangements', {
      requests: ['qa-two-day'],
      reason: 'KGA model',
      version,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.problems).toEqual([
      expect.objectContaining({
        label: 'Asked for',
        message: expect.stringMatching(/^not something an academy may ask for: qa-two-day; choose from iAIMs/),
      }),
    ]);
    expect((await api('ceo', 'PUT', '/api/academies/oakfield/arrangements', body('0'))).status).toBe(409);
  });

  it('set with the reason: the rest of the year gains three iAIMs on Oakfield’s school days, chaired by the CEO, and nothing else moves', async () => {
    const before = await yearMeetings();
    const preview = (await api('ceo', 'POST', '/api/academies/oakfield/arrangements/preview', body())).body;
    const res = await api('aid-graham', 'PUT', '/api/academies/oakfield/arrangements', body((await arrangements()).version));
    expect(res.status).toBe(200);
    expect(res.body.replanned).toMatchObject({ created: 3, changed: 0, cancelled: 0 });
    expect(res.body.arrangements.requests).toEqual(['iaim']);
    expect(res.body.arrangements.lastSet).toMatchObject({ reason: body().reason, setBy: 'aid-graham' });

    const after = await yearMeetings();
    const iaims = after.filter((m) => m.academyId === 'oakfield' && m.kind === 'iaim').sort((a, b) => a.date.localeCompare(b.date));
    // What was previewed is what was planned.
    expect(iaims.map((m) => m.date)).toEqual((preview.meetings as Change[]).map((c) => c.date));
    const trust = await stack.local.store.trust.get();
    const cal = new SchoolCalendar({ termDates: trust!.termDates, closures: trust!.closures }).forAcademy('oakfield');
    for (const m of iaims) {
      expect([m.date, cal.isSchoolDay(m.date), m.date > TODAY]).toEqual([m.date, true, true]);
      expect(m.chairId).toBe('ceo');
    }
    const unchanged = before.filter((m) => after.find((x) => x.id === m.id)?.date !== m.date);
    expect(unchanged).toEqual([]);
  });

  it('is audited against the improvement director, with the reason kept', async () => {
    const history = await api('ceo', 'GET', '/api/history/academies/oakfield');
    expect(history.status).toBe(200);
    const entry = history.body.items[0];
    expect(entry).toMatchObject({ actorId: 'aid-graham', recordKind: 'academies' });
    const fields = entry.changes.map((c: { field: string }) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['requests', 'arrangements']));
    expect(entry.changes.find((c: { field: string }) => c.field === 'arrangements').after.reason).toMatch(/^The head asked for iAIMs/);
  });
});

describe('the self-evaluated grade with its date, and meetings agreed with the academy', () => {
  it('sets St Mary’s own grade, dated, and two AIMs instead of three', async () => {
    const { version } = (await api('ceo', 'GET', '/api/academies/st-marys/arrangements')).body;
    const future = await api('ceo', 'POST', '/api/academies/st-marys/arrangements/preview', {
      selfEvaluatedGrade: 'good',
      selfEvaluatedOn: '2027-01-04',
      reason: 'SEF',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.problems).toEqual([expect.objectContaining({ label: 'Self-evaluated on' })]);
    const res = await api('ceo', 'PUT', '/api/academies/st-marys/arrangements', {
      selfEvaluatedGrade: 'good',
      selfEvaluatedOn: '2026-10-05',
      agreedMeetings: { aim: 2 },
      reason: 'Agreed with the head at the autumn AIM: an outstanding school, two AIMs this year',
      version,
    });
    expect(res.status).toBe(200);
    expect(res.body.preview.changes).toEqual(['2 AIMs a year agreed', 'Self-evaluated as Good on Monday 5 October 2026']);
    expect(res.body.arrangements).toMatchObject({ selfEvaluatedGrade: { grade: 'good', label: 'Good' }, selfEvaluatedOn: '2026-10-05' });
    expect(res.body.arrangements.cadence[0].text).toBe('2 AIMs a year, agreed with the academy: 2 a year instead of 3');
    const aims = (await yearMeetings()).filter((m) => m.academyId === 'st-marys' && m.kind === 'aim');
    expect(aims).toHaveLength(2);
  });
  it('refuses a single grade where the academy set its self-evaluation area by area, pointing to where it is set', async () => {
    const store = stack.local.store;
    const hillTop = (await store.academies.get('hill-top'))!;
    await store.academies.update({
      ...hillTop,
      selfEvaluation: {
        areas: {
          inclusion: 'expected-standard',
          'curriculum-and-teaching': 'expected-standard',
          achievement: 'needs-attention',
          'attendance-and-behaviour': 'expected-standard',
          'personal-development-and-wellbeing': 'expected-standard',
          'leadership-and-governance': 'expected-standard',
        },
        meetingId: 'm-1',
        date: '2026-10-07',
        setBy: 'head-hill-top',
        setAt: '2026-10-07T15:00:00.000Z',
      },
    });
    const res = await api('ceo', 'POST', '/api/academies/hill-top/arrangements/preview', {
      selfEvaluatedGrade: 'good',
      selfEvaluatedOn: '2026-11-02',
      reason: 'SEF',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual([
      expect.objectContaining({
        label: 'Self-evaluated grade',
        message:
          'Hill Top Primary School set its self-evaluation area by area on Wednesday 7 October 2026; change it there, at its meeting',
      }),
    ]);
    expect((await api('ceo', 'GET', '/api/academies/hill-top/arrangements')).body.hasAreaSelfEvaluation).toBe(true);
  });
});

describe('a meeting’s focus', () => {
  const nextAim = async (academyId: string) =>
    (await yearMeetings())
      .filter((m) => m.academyId === academyId && m.kind === 'aim' && m.status === 'planned' && m.date > TODAY)
      .sort((a, b) => a.date.localeCompare(b.date))[0]!;

  it('is agreed by the chair with the head: the focus, who agreed it, and with which head', async () => {
    const aim = await nextAim('oakfield');
    const view = (await api(aim.chairId, 'GET', `/api/meetings/${aim.id}/focus`)).body;
    expect(view.can).toEqual({ agree: true });
    expect(view.areas.map((a: { id: string }) => a.id)).not.toContain('sixth-form');
    const res = await api(aim.chairId, 'PUT', `/api/meetings/${aim.id}/focus`, { focus: ['inclusion'], version: view.version });
    expect(res.status).toBe(200);
    expect(res.body.focus.focus).toEqual([{ id: 'inclusion', label: 'Inclusion' }]);
    expect(res.body.focus.agreed).toMatchObject({ by: aim.chairId, withHeadId: 'head-oakfield' });
    expect((await nextAim('oakfield')).focus).toEqual(['inclusion']);
  });

  it('is refused to a governor, and a sixth form at a primary is refused by name', async () => {
    const aim = await nextAim('oakfield');
    const { version } = (await api('ceo', 'GET', `/api/meetings/${aim.id}/focus`)).body;
    expect((await api('governor-oakfield', 'GET', `/api/meetings/${aim.id}/focus`)).body.can).toEqual({ agree: false });
    expect((await api('governor-oakfield', 'PUT', `/api/meetings/${aim.id}/focus`, { focus: ['achievement'], version })).status).toBe(403);
    const sixth = await api(aim.chairId, 'PUT', `/api/meetings/${aim.id}/focus`, { focus: ['sixth-form'], version });
    expect(sixth.status).toBe(422);
    expect(sixth.body.error.message).toMatch(/^Oakfield Primary Academy is not looked at under Sixth form/);
    const empty = await api(aim.chairId, 'PUT', `/api/meetings/${aim.id}/focus`, { focus: [], version });
    expect(labels(empty)).toEqual(['Focus']);
  });

  it('the year view shows each academy’s coverage and warns, by name, of areas the plan leaves uncovered', async () => {
    const res = await api('ceo', 'GET', '/api/planner/coverage?year=2026/27');
    expect(res.status).toBe(200);
    const oakfield = res.body.academies.find((a: { academyId: string }) => a.academyId === 'oakfield');
    expect(oakfield.areas.find((a: { id: string }) => a.id === 'inclusion').planned).toBeGreaterThanOrEqual(1);
    expect(oakfield.uncovered.map((a: { id: string }) => a.id)).not.toContain('inclusion');
    expect(oakfield.warning).toMatch(/^The plan leaves .+ uncovered at Oakfield Primary Academy$/);
    // A head sees only their own academy.
    const head = await api('head-oakfield', 'GET', '/api/planner/coverage');
    expect(head.body.academies.map((a: { academyId: string }) => a.academyId)).toEqual(['oakfield']);
  });

  it('is rotated by the planner only through areas the school has: no early years at a secondary, no sixth form at a primary', async () => {
    const academies = (await api('admin', 'GET', '/api/admin/academies')).body;
    const list = (Array.isArray(academies) ? academies : academies.academies) as { id: string; phase: string }[];
    const phase = new Map(list.map((a) => [a.id, a.phase]));
    // The demo's year was planned by the planner: in 2026/27 the rotation's first turn falls on early years, then sixth form.
    const planned = await yearMeetings();
    expect(planned.filter((m) => phase.get(m.academyId) === 'secondary' && m.focus.length > 0).length).toBeGreaterThan(0);
    const fresh = planned.filter(
      (m) =>
        (phase.get(m.academyId) === 'secondary' && m.focus.includes('early-years')) ||
        (phase.get(m.academyId) === 'primary' && m.focus.includes('sixth-form')),
    );
    expect(fresh).toEqual([]);
  });
});

describe('an INSET day added for one academy', () => {
  it('moves only that academy’s meeting', async () => {
    const before = await yearMeetings();
    const victim = before
      .filter((m) => m.academyId === 'riverside' && m.status === 'planned' && m.date > TODAY)
      .sort((a, b) => a.date.localeCompare(b.date))
      .find((m) => before.some((o) => o.date === m.date && o.academyId !== 'riverside'))!;
    expect(victim).toBeDefined();
    const { version } = (await api('admin', 'GET', '/api/term-dates')).body;
    const res = await api('admin', 'POST', '/api/closures', { academyId: 'riverside', date: victim.date, reason: 'INSET day', version });
    expect(res.status).toBe(200);
    const after = await yearMeetings();
    const moved = after.filter((m) => before.find((x) => x.id === m.id)?.date !== m.date).map((m) => m.id);
    expect(moved).toEqual([victim.id]);
  });
});

describe('what an academy asked for, in the trust admin’s settings and the CSV import', () => {
  it('PATCH takes iAIMs and refuses what the model does not offer', async () => {
    const academy = async () => (await api('admin', 'GET', '/api/academies/elmwood/arrangements')).body;
    const ok = await api('admin', 'PATCH', '/api/admin/academies/elmwood', { requests: ['iaim'], version: (await academy()).version });
    expect(ok.status).toBe(200);
    expect((await academy()).requests).toEqual(['iaim']);
    const bad = await api('admin', 'PATCH', '/api/admin/academies/elmwood', { requests: ['pony'], version: (await academy()).version });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems[0].message).toMatch(/^not something an academy may ask for: pony; known: iaim \(iAIMs\)/);
  });

  it('the academies CSV writes the “Asked for” column, and names a cell it cannot read', async () => {
    const academiesCsv = ['Name,Asked for', 'Fernhill Primary,iAIMs', 'Riverside Academy,extra biscuits'].join('\n');
    const check = await api('admin', 'POST', '/api/admin/import', { academiesCsv, dryRun: false });
    expect(check.status).toBe(200);
    expect(JSON.stringify(check.body)).toMatch(
      /“extra biscuits” is not something an academy may ask for under the trust’s model: use iAIMs or None/,
    );
    const fernhill = (await api('admin', 'GET', '/api/academies/fernhill/arrangements')).body;
    expect(fernhill.requests).toEqual(['iaim']);
  });
});
