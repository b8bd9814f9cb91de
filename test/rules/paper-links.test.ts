import { startLocalStack, type RunningStack } from '../e2e/local-stack';

// Rule: a paper's link opens from the meeting page and the cards, so it must be an https: address,
// read by the URL parser. The attack: the head marks a paper in with `javascript:alert(document.cookie)`,
// which would run in the session of whoever clicks "open".

type MeetingView = { id: string; version: string; papers: { requirementId: string; submittedAt?: string; link?: string }[] };

let stack: RunningStack;
let meeting: MeetingView;
beforeAll(async () => {
  stack = await startLocalStack('2026-11-23T10:00:00Z');
  const meetings = (await stack.call('GET', '/api/planner', { as: 'ceo' })).body.meetings as {
    id: string;
    academyId: string;
    kind: string;
    status: string;
    date: string;
  }[];
  const m = meetings.find((x) => x.academyId === 'kingsmead' && x.kind === 'aim' && x.status === 'planned' && x.date > '2026-11-23')!;
  meeting = (await stack.call('GET', `/api/meetings/${m.id}`, { as: 'ceo' })).body.meeting;
});
afterAll(async () => stack.stop());

const submit = (link: string | undefined, version = meeting.version) =>
  stack.call('POST', `/api/meetings/${meeting.id}/papers/heads-report/submit`, {
    as: 'head-kingsmead',
    body: { ...(link === undefined ? {} : { link }), version },
  });

describe('a paper’s link must be https:', () => {
  it.each([
    'javascript:alert(document.cookie)',
    ' JavaScript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'http://trust.example.org/report.docx',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'trust.sharepoint.com/report.docx',
  ])('refuses %j (400 on link) and writes nothing', async (link) => {
    const res = await submit(link);
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual([{ field: 'link', label: 'Link', message: 'The link must start with https://' }]);
    const after = (await stack.call('GET', `/api/meetings/${meeting.id}`, { as: 'ceo' })).body.meeting as MeetingView;
    expect(after.version).toBe(meeting.version);
    const paper = after.papers.find((p) => p.requirementId === 'heads-report')!;
    expect([paper.submittedAt, paper.link]).toEqual([undefined, undefined]);
  });

  it('marks the paper in with an https link, stored as the URL parser reads it', async () => {
    const res = await submit('  HTTPS://Trust.SharePoint.com/sites/si/Papers/heads-report.docx ');
    expect(res.status).toBe(200);
    expect(res.body.meeting.papers.find((p: { requirementId: string }) => p.requirementId === 'heads-report')).toMatchObject({
      link: 'https://trust.sharepoint.com/sites/si/Papers/heads-report.docx',
      submittedAt: expect.any(String),
    });
  });

  it('still marks a paper in without a link, or with an empty one', async () => {
    const fresh = (await stack.call('GET', `/api/meetings/${meeting.id}`, { as: 'ceo' })).body.meeting as MeetingView;
    const res = await stack.call('POST', `/api/meetings/${meeting.id}/papers/context-data/submit`, {
      as: 'head-kingsmead',
      body: { link: '', version: fresh.version },
    });
    expect(res.status).toBe(200);
    expect(res.body.meeting.papers.find((p: { requirementId: string }) => p.requirementId === 'context-data').link).toBeUndefined();
  });
});
