import { SAMPLE_FILES, expectJsonProblem, startSecureStack, type SecureStack } from './secure-stack';

/**
 * Papers past 4 MB (issue 19, part 8): sent as the file itself (`PUT …/file`, application/octet-stream)
 * up to the trust's limit, which the trust admin sets; base64 JSON stays for small files.
 */
let stack: SecureStack;
type Listed = { id: string; status: string; academyId: string; papers: { requirementId: string; ownerId?: string }[] };
let meetings: Listed[];
beforeAll(async () => {
  stack = await startSecureStack();
  meetings = (await stack.call('GET', '/api/planner', { as: 'ceo' })).json.meetings;
}, 60_000);
afterAll(() => stack?.stop());

const owed = async (academyId: string) => {
  const m = meetings.find(
    (x) => x.status === 'planned' && x.academyId === academyId && x.papers.some((p) => p.ownerId === `head-${academyId}`),
  )!;
  const paper = m.papers.find((p) => p.ownerId === `head-${academyId}`)!;
  const version = (await stack.call('GET', `/api/meetings/${m.id}`, { as: `head-${academyId}` })).json.meeting.version as string;
  return { meetingId: m.id, requirementId: paper.requirementId, head: `head-${academyId}`, version };
};
/** A PDF of `mb` megabytes: a real header, then padding. */
const pdfOf = (mb: number) => Buffer.concat([SAMPLE_FILES.pdf(), Buffer.alloc(mb * 1024 * 1024 - SAMPLE_FILES.pdf().length, 0x20)]);
const putFile = (o: Awaited<ReturnType<typeof owed>>, fileName: string, content: Buffer, contentType = 'application/octet-stream') =>
  stack.raw(
    'PUT',
    `/api/meetings/${o.meetingId}/papers/${o.requirementId}/file?fileName=${encodeURIComponent(fileName)}&version=${o.version}`,
    {
      as: o.head,
      headers: { 'content-type': contentType },
      body: content,
    },
  );

describe('a paper past 4 MB', () => {
  it('a 20 MB paper sent as the file is stored whole and marked in; the same bytes come back', async () => {
    const o = await owed('oakfield');
    const content = pdfOf(20);
    const res = await putFile(o, 'Full governors pack.pdf', content);
    expect(res.status).toBe(201);
    expect(res.json.file).toMatchObject({ name: 'Full governors pack.pdf', size: content.byteLength });
    const paper = (res.json.meeting.papers as { requirementId: string; link?: string }[]).find((p) => p.requirementId === o.requirementId);
    expect(paper?.link).toBe(res.json.file.link);
    const back = await stack.raw('GET', new URL(res.json.file.link as string, stack.base).pathname, { as: o.head });
    expect(back.status).toBe(200);
    expect(back.bytes.equals(content)).toBe(true);
  });

  it("over the trust's limit it is refused naming the file and the limit, and nothing is stored", async () => {
    const set = await stack.call('GET', '/api/paper-limit', { as: 'ceo' });
    expect(set.json).toMatchObject({ paperLimitMb: 100, ceilingMb: 100, canEdit: true });
    const lowered = await stack.call('PUT', '/api/paper-limit', { as: 'ceo', body: { paperLimitMb: 10, version: set.json.version } });
    expect(lowered.status).toBe(200);
    expect(lowered.json.paperLimitMb).toBe(10);
    try {
      const o = await owed('brook-lane');
      const res = await putFile(o, 'Too big.pdf', pdfOf(11));
      expectJsonProblem(res, 400, 'INPUT.INVALID');
      expect(res.json.error.problems[0]).toMatchObject({ field: 'file', message: expect.stringMatching(/over 10 MB, the trust's limit/) });
      const files = (await stack.call('GET', `/api/meetings/${o.meetingId}/papers/folder`, { as: o.head })).json.files;
      expect(files).toEqual([]);
    } finally {
      const now = await stack.call('GET', '/api/paper-limit', { as: 'ceo' });
      await stack.call('PUT', '/api/paper-limit', { as: 'ceo', body: { paperLimitMb: 100, version: now.json.version } });
    }
  });

  it('the limit is between 1 MB and the 100 MB the host takes, and only the trust admin or CEO sets it', async () => {
    const now = await stack.call('GET', '/api/paper-limit', { as: 'ceo' });
    const tooHigh = await stack.call('PUT', '/api/paper-limit', { as: 'ceo', body: { paperLimitMb: 250, version: now.json.version } });
    expectJsonProblem(tooHigh, 400, 'INPUT.INVALID');
    expect(tooHigh.json.error.problems[0]).toMatchObject({ field: 'paperLimitMb', label: 'Largest paper (MB)' });
    const byHead = await stack.call('PUT', '/api/paper-limit', {
      as: 'head-oakfield',
      body: { paperLimitMb: 50, version: now.json.version },
    });
    expect(byHead.status).toBe(403);
  });

  it('base64 in JSON stays for files up to 4 MB; past that it says to send the file itself', async () => {
    const o = await owed('hill-top');
    const res = await stack.call('POST', `/api/meetings/${o.meetingId}/papers/${o.requirementId}/file`, {
      as: o.head,
      body: { fileName: 'Big.pdf', contentBase64: pdfOf(4).toString('base64') + 'AAAA', version: o.version },
    });
    expectJsonProblem(res, 400, 'INPUT.INVALID');
    expect(res.json.error.problems[0]).toMatchObject({
      field: 'contentBase64',
      message: expect.stringMatching(/send it as the file itself/),
    });
  });

  it('only the paper route reads a file body: elsewhere a large octet-stream body is not taken in', async () => {
    const res = await stack.raw('POST', '/api/actions', {
      as: 'ceo',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(7 * 1024 * 1024),
    });
    expectJsonProblem(res, 400, 'INPUT.INVALID');
  });

  it('a file sent as anything but application/octet-stream is refused naming the file; someone with no role there gets 403 first', async () => {
    const o = await owed('hill-top');
    const res = await putFile(o, 'Report.pdf', SAMPLE_FILES.pdf(), 'text/plain');
    expectJsonProblem(res, 400, 'INPUT.INVALID');
    expect(res.json.error.problems[0]).toMatchObject({ field: 'file', message: expect.stringMatching(/application\/octet-stream/) });
    const stranger = await putFile({ ...o, head: 'head-oakfield' }, 'Report.pdf', SAMPLE_FILES.pdf());
    expect(stranger.status).toBe(403);
  });
});
