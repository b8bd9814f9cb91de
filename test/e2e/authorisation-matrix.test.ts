import { API_ROUTES } from '../../functions/api/routes';
import { startLocalStack, type RunningStack } from './local-stack';

/**
 * Every API route × every academy role × another academy's records: a head, chair of LGB or
 * governor of Oakfield must never get Brook Lane's data, and the board must never write.
 */
let stack: RunningStack;
let brookMeeting: { id: string; version: string; papers: { requirementId: string }[] };
let brookAction: { id: string; version: string };

// Every route is in the table now (history, papers folder and file included); leak-matrix.test.ts runs the full matrix.
// The person's own settings (their calendar feed link) are no academy's records: anyone may write their own.
const OWN_SETTINGS = new Set(['POST /api/my-work/calendar-feed/reset']);
const ROUTES = API_ROUTES.map((r) => ({ method: r.method, pattern: r.pattern })).filter(
  (r) => !OWN_SETTINGS.has(`${r.method} ${r.pattern}`),
);
const OAKFIELD_ROLES = ['head-oakfield', 'chair-oakfield', 'governor-oakfield'];
const BROOK_LANE_MARKERS = ['brook-lane', 'Brook Lane', 'Daniel Hughes'];

beforeAll(async () => {
  stack = await startLocalStack('2026-11-23T10:00:00Z');
  const meetings = (await stack.local.store.meetings.list({ academyId: 'brook-lane' }, { pageSize: 200 }).page()).items;
  brookMeeting = meetings.find((m) => m.status === 'planned' && m.papers.length > 0) ?? meetings[0]!;
  brookAction = (await stack.local.store.actions.list({ academyId: 'brook-lane' }, { pageSize: 10 }).page()).items[0]!;
});
afterAll(async () => stack.stop());

/** The route's path with every parameter pointing at one of Brook Lane's records. */
function brookLanePath(pattern: string): string {
  return pattern
    .replace(/\/api\/(academies|admin\/academies)\/:id/, (_m, p: string) => `/api/${p}/brook-lane`)
    .replace('/api/meetings/:id', `/api/meetings/${brookMeeting.id}`)
    .replace('/api/actions/:id', `/api/actions/${brookAction.id}`)
    .replace('/api/admin/people/:id', '/api/admin/people/head-brook-lane')
    .replace('/api/history/:kind/:id', `/api/history/actions/${brookAction.id}`)
    .replace(':requirementId', brookMeeting.papers[0]?.requirementId ?? 'heads-report');
}

/** A body shaped enough to get past the obvious checks, so refusals come from authorisation. */
const body = (pattern: string) => ({
  academyId: 'brook-lane',
  version: pattern.includes('actions') ? brookAction.version : brookMeeting.version,
  text: 'x',
  ownerId: 'head-brook-lane',
  dueDate: '2026-12-18',
  clientKey: 'matrix-key-123',
  status: 'done',
  note: 'n',
  date: '2027-01-20',
  area: 'achievement',
  evidence: 'e',
  approve: true,
  fileName: 'a.docx',
  contentBase64: 'eA==',
  academicYear: '2026/27',
});

describe('authorisation matrix', () => {
  it('no academy role reaches another academy’s records on any route (0 leaks)', async () => {
    const leaks: string[] = [];
    let calls = 0;
    for (const route of ROUTES) {
      for (const as of OAKFIELD_ROLES) {
        const path = brookLanePath(route.pattern);
        const res = await stack.call(route.method, path, { as, ...(route.method === 'GET' ? {} : { body: body(route.pattern) }) });
        calls++;
        const text = JSON.stringify(res.body);
        const mentions = BROOK_LANE_MARKERS.some((m) => text.includes(m));
        // A leak: any success that carries Brook Lane's data, or any write to it that succeeded.
        if (res.status < 300 && (mentions || route.method !== 'GET')) leaks.push(`${as} ${route.method} ${path} → ${res.status}`);
      }
    }
    expect(calls).toBeGreaterThan(ROUTES.length * 2);
    expect(leaks).toEqual([]);
  });

  it('the board reads but no write route accepts it', async () => {
    const accepted: string[] = [];
    for (const route of ROUTES.filter((r) => r.method !== 'GET')) {
      const res = await stack.call(route.method, brookLanePath(route.pattern), { as: 'board-chair', body: body(route.pattern) });
      if (res.status < 300) accepted.push(`${route.method} ${route.pattern} → ${res.status}`);
    }
    expect(accepted).toEqual([]);
  });

  it('trust roles do see Brook Lane on the same read routes (the matrix is not vacuous)', async () => {
    for (const pattern of ['/api/academies/:id', '/api/meetings/:id', '/api/actions/:id', '/api/academies/:id/actions']) {
      const res = await stack.call('GET', brookLanePath(pattern), { as: 'ceo' });
      expect([pattern, res.status]).toEqual([pattern, 200]);
    }
  });
});
