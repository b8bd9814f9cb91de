import { startLocalStack, type RunningStack } from '../e2e/local-stack';

// Rule: only the paper's owner, the meeting's chair and the trust's improvement team (CEO,
// improvement directors, trust admin) mark a paper in or ask for more time on it. The attack: a
// governor at Oakfield marks the head's report in (so the chasers stop) or asks for an extension.

type Paper = { requirementId: string; title: string; ownerId?: string; dueDate: string; submittedAt?: string; extension?: unknown };
type MeetingView = { id: string; version: string; chairId: string; papers: Paper[] };

let stack: RunningStack;
beforeAll(async () => {
  stack = await startLocalStack('2026-11-23T10:00:00Z');
});
afterAll(async () => stack.stop());

async function nextAim(academyId: string): Promise<MeetingView> {
  const meetings = (await stack.call('GET', '/api/planner', { as: 'ceo' })).body.meetings as {
    id: string;
    academyId: string;
    kind: string;
    status: string;
    date: string;
  }[];
  const m = meetings.find((x) => x.academyId === academyId && x.kind === 'aim' && x.status === 'planned' && x.date > '2026-11-23')!;
  return reread(m.id);
}
const reread = async (id: string): Promise<MeetingView> => (await stack.call('GET', `/api/meetings/${id}`, { as: 'ceo' })).body.meeting;

/** The first working day after a paper's deadline (a valid new date while the meeting is later). */
function dayAfter(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}

describe('only a paper’s owner, the chair or the trust team act on a paper', () => {
  it('refuses a governor marking the head’s report in (403, politely), and the paper is still not in', async () => {
    const m = await nextAim('oakfield');
    const report = m.papers.find((p) => p.requirementId === 'heads-report')!;
    expect(report).toMatchObject({ ownerId: 'head-oakfield' });
    expect(report.submittedAt).toBeUndefined();
    for (const as of ['governor-oakfield', 'chair-oakfield']) {
      const res = await stack.call('POST', `/api/meetings/${m.id}/papers/heads-report/submit`, {
        as,
        body: { link: 'https://trust.sharepoint.com/papers/report.docx', version: m.version },
      });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        `Sorry, only the paper’s owner, the chair of the meeting or the trust’s improvement team can mark the ${report.title} in.`,
      );
    }
    const after = await reread(m.id);
    expect(after.version).toBe(m.version);
    expect(after.papers.find((p) => p.requirementId === 'heads-report')!.submittedAt).toBeUndefined();
  });

  it('refuses a governor asking for more time on the head’s report (403), and no extension is asked for', async () => {
    const m = await nextAim('oakfield');
    const report = m.papers.find((p) => p.requirementId === 'heads-report')!;
    const res = await stack.call('POST', `/api/meetings/${m.id}/papers/heads-report/extension`, {
      as: 'governor-oakfield',
      body: { newDueDate: dayAfter(report.dueDate), reason: 'Busy', version: m.version },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(
      /^Sorry, only the paper’s owner, the chair of the meeting or the trust’s improvement team can ask for more time on the /,
    );
    expect((await reread(m.id)).papers.find((p) => p.requirementId === 'heads-report')!.extension).toBeUndefined();
  });

  it('lets the owner ask for more time and mark their paper in, the chair mark another’s, and the trust team mark any', async () => {
    const m = await nextAim('oakfield');
    const report = m.papers.find((p) => p.requirementId === 'heads-report')!;
    const asked = await stack.call('POST', `/api/meetings/${m.id}/papers/heads-report/extension`, {
      as: 'head-oakfield',
      body: { newDueDate: dayAfter(report.dueDate), reason: 'Data arrives late', version: m.version },
    });
    expect(asked.status).toBe(200);
    let version: string = asked.body.meeting.version;
    for (const [as, requirementId] of [
      ['head-oakfield', 'heads-report'],
      [m.chairId, 'context-data'],
      ['ceo', 'pupil-achievement-data'],
    ] as const) {
      const res = await stack.call('POST', `/api/meetings/${m.id}/papers/${requirementId}/submit`, { as, body: { version } });
      expect(res.status).toBe(200);
      version = res.body.meeting.version;
    }
  });
});
