import { startLocalStack, type RunningStack } from '../e2e/local-stack';

/**
 * The trust's own meetings and a fortnightly raising standards board through the API (issue 17,
 * part 2), on the demo trust (DSAT's model) as of Monday 23 November 2026: the trust admin saves a
 * model with 18 boards a year for schools up the escalation ladder, which PUT /api/model used to
 * refuse; more than 39 is refused saying why; the CEO plans the year and the planner shows the
 * trust's moderation and network meetings beside the academies' meetings, on school days, with no
 * chair in two meetings on one day; a head sees none of the trust's meetings, the board sees them all.
 */

type Meeting = { id: string; academyId: string; kind: string; date: string; chairId: string; status: string };
type TrustMeeting = Meeting & { name: string; chairTitle: string; reports: { title: string; ownerId?: string; dueDate: string }[] };
type Planner = { meetings: Meeting[]; trustMeetings: TrustMeeting[] };

let stack: RunningStack;
const TODAY = '2026-11-23';
const api = (as: string, method: string, path: string, body?: unknown) =>
  stack.call(method, path, { as, ...(body === undefined ? {} : { body }) });
const planner = async (as: string): Promise<Planner> => (await api(as, 'GET', '/api/planner?year=2026/27')).body;

/** The saved model with a raising standards board: `slots` of them a year for a school past the first step of the ladder, or Inadequate. */
async function withBoards(slots: number) {
  const { model, version } = (await api('admin', 'GET', '/api/model')).body;
  const halfTerms = Array.from({ length: slots }, (_, i) => ({
    halfTerm: (i % 6) + 1,
    timing: (['early', 'middle', 'late'] as const)[Math.floor(i / 6) % 3],
  }));
  return {
    version,
    model: {
      ...model,
      meetingKinds: [
        ...model.meetingKinds,
        {
          id: 'rsb',
          name: 'Raising standards board',
          abbreviation: 'RSB',
          durationMinutes: 90,
          chairRole: 'ceo',
          attendees: [{ role: 'head' }, { role: 'chair-lgb' }, { role: 'improvement-director' }],
          reports: [{ id: 'rsb-actions', title: 'RSB actions', owner: 'improvement-director', dueWorkingDaysAfter: 2 }],
        },
      ],
      cadence: [
        ...model.cadence,
        {
          id: 'rsb-fortnightly',
          meetingKind: 'rsb',
          label: 'Fortnightly raising standards board',
          when: {
            anyOf: [{ escalationSteps: ['trust-support', 'formal-action-plan', 'change-of-status'] }, { ofstedGrades: ['inadequate'] }],
          },
          slots: halfTerms,
        },
      ],
    },
  };
}

beforeAll(async () => {
  stack = await startLocalStack(`${TODAY}T10:00:00Z`);
});
afterAll(async () => stack.stop());

describe('a model with a fortnightly raising standards board', () => {
  it('refuses more than 39 meetings a year for one rule, saying so', async () => {
    const res = await api('admin', 'PUT', '/api/model', await withBoards(40));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('at most 39 meetings a year');
  });

  it('accepts 18 a year', async () => {
    const res = await api('admin', 'PUT', '/api/model', await withBoards(18));
    expect(res.status).toBe(200);
    expect(res.body.model.cadence.find((r: { id: string }) => r.id === 'rsb-fortnightly').slots).toHaveLength(18);
  });
});

describe('planning the year with the trust’s own meetings', () => {
  let plan: { trust: { created: number; unplaced: unknown[] }; unplaced: { kind: string; reason: string }[] };
  let seen: Planner;

  beforeAll(async () => {
    const res = await api('ceo', 'POST', '/api/planner/plan', { academicYear: '2026/27' });
    expect(res.status).toBe(200);
    plan = res.body;
    seen = await planner('ceo');
  });

  it('places every moderation and network meeting still to come, and the boards for the schools that need them', () => {
    expect(plan.trust.unplaced).toEqual([]);
    expect(seen.trustMeetings.map((m) => m.kind).sort()).toEqual([
      'moderation',
      'moderation',
      'moderation',
      'network',
      'network',
      'network',
    ]);
    expect(seen.trustMeetings.every((m) => m.date > TODAY && m.academyId === undefined)).toBe(true);
    const moderation = seen.trustMeetings.find((m) => m.kind === 'moderation')!;
    expect(moderation).toMatchObject({ name: 'Moderation meeting', chairTitle: 'Academy Improvement Director (AID)' });
    expect(moderation.reports).toEqual([expect.objectContaining({ title: 'Moderation outcomes', ownerId: moderation.chairId })]);
    const boards = seen.meetings.filter((m) => m.kind === 'rsb');
    const schools = [...new Set(boards.map((m) => m.academyId))];
    expect(schools).toEqual(expect.arrayContaining(['hill-top']));
    // Planned on 23 November: the rest of the second half term and every board from January, none before today.
    for (const school of schools) expect(boards.filter((m) => m.academyId === school && m.date > TODAY).length).toBeGreaterThanOrEqual(12);
    expect(plan.unplaced.filter((u) => u.kind === 'rsb').every((u) => /already passed/.test(u.reason))).toBe(true);
  });

  it('puts every meeting on a school day and never gives a chair two meetings on one day', async () => {
    const { body: terms } = await api('admin', 'GET', '/api/term-dates');
    const inTerm = (d: string) =>
      (terms.years as { halfTerms: { start: string; end: string }[] }[]).some((y) => y.halfTerms.some((h) => h.start <= d && d <= h.end));
    const all = [...seen.meetings.filter((m) => m.status !== 'cancelled'), ...seen.trustMeetings];
    for (const m of all) {
      expect(inTerm(m.date)).toBe(true);
      expect([0, 6]).not.toContain(new Date(`${m.date}T12:00:00Z`).getUTCDay());
    }
    const future = all.filter((m) => m.date > TODAY);
    const days = future.map((m) => `${m.chairId} on ${m.date}`);
    expect(days.filter((d, i) => days.indexOf(d) !== i)).toEqual([]);
  });

  it('shows the trust’s meetings to the board, and none to a head who is not named on them', async () => {
    expect((await planner('board-chair')).trustMeetings).toHaveLength(6);
    expect((await planner('head-oakfield')).trustMeetings).toEqual([]);
  });
});
