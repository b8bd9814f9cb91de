import { SAMPLE_FILES, expectJsonProblem, startSecureStack, type SecureStack } from './secure-stack';

/**
 * Papers (issue 14): `/papers/<meeting>/<file>` was a static folder anyone could read; any file type
 * could be uploaded and `.html` / `.svg` ran script in the app's origin; a refused upload still wrote
 * its file, a same-name file was overwritten, and a NUL byte in a name gave 500.
 */
let stack: SecureStack;
type Paper = { requirementId: string; ownerId?: string; ownerRole: string; submittedAt?: string };
type Listed = { id: string; version: string; status: string; academyId: string; papers: Paper[] };
let meetings: Listed[];
beforeAll(async () => {
  stack = await startSecureStack();
  meetings = (await stack.call('GET', '/api/planner', { as: 'ceo' })).json.meetings;
}, 60_000);
afterAll(() => stack?.stop());

/** A planned meeting where `head-<academy>` owes a paper, with its current version. */
const owed = async (academyId: string) => {
  const m = meetings.find(
    (x) => x.status === 'planned' && x.academyId === academyId && x.papers.some((p) => p.ownerId === `head-${academyId}`),
  )!;
  const paper = m.papers.find((p) => p.ownerId === `head-${academyId}`)!;
  const version = (await stack.call('GET', `/api/meetings/${m.id}`, { as: `head-${academyId}` })).json.meeting.version as string;
  return { meetingId: m.id, requirementId: paper.requirementId, head: `head-${academyId}`, version };
};
const upload = (o: { meetingId: string; requirementId: string; head: string }, fileName: string, content: Buffer, version: string) =>
  stack.call('POST', `/api/meetings/${o.meetingId}/papers/${o.requirementId}/file`, {
    as: o.head,
    body: { fileName, contentBase64: content.toString('base64'), version },
  });
const filesIn = async (meetingId: string, as: string) =>
  ((await stack.call('GET', `/api/meetings/${meetingId}/papers/folder`, { as })).json.files as { name: string; size: number }[]).map(
    (f) => `${f.name}:${f.size}`,
  );

describe('papers are served only to people who may see the meeting', () => {
  it('the papers folder is not served as static files any more', async () => {
    const o = await owed('oakfield');
    const res = await upload(o, 'Head report.pdf', SAMPLE_FILES.pdf(), o.version);
    expect(res.status).toBe(201);
    const link: string = res.json.file.link;
    expect(link).toMatch(new RegExp(`/api/meetings/${o.meetingId}/papers/files/Head%20report\\.pdf$`));
    for (const path of [`/papers/${o.meetingId}/Head%20report.pdf`, `/papers/${o.meetingId}/`]) {
      const old = await stack.raw('GET', path);
      expect(old.status).toBe(404);
      expect(old.text).not.toContain('%PDF');
    }
  });

  it('through the API with role × academy checked, as a download that cannot run in the app', async () => {
    const o = await owed('st-marys');
    const link: string = (await upload(o, 'Data pack.pdf', SAMPLE_FILES.pdf(), o.version)).json.file.link;
    const path = new URL(link).pathname;
    const mine = await stack.raw('GET', path, { as: o.head });
    expect(mine.status).toBe(200);
    expect(mine.bytes.equals(SAMPLE_FILES.pdf())).toBe(true);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(mine.headers['content-disposition']).toBe(`attachment; filename="Data pack.pdf"; filename*=UTF-8''Data%20pack.pdf`);
    expect(mine.headers['x-content-type-options']).toBe('nosniff');
    expect(mine.headers['content-security-policy']).toMatch(/^sandbox\b/);
    expect((await stack.raw('GET', path, { as: 'ceo' })).status).toBe(200);
    expect((await stack.raw('GET', path, { as: 'governor-st-marys' })).status).toBe(200);
    const otherHead = await stack.raw('GET', path, { as: 'head-oakfield' });
    expect(otherHead.status).toBe(403);
    expect(otherHead.text).not.toContain('%PDF');
    const nobody = await stack.raw('GET', path);
    expect(nobody.status).toBe(401);
    expect(nobody.text).not.toContain('%PDF');
    expect((await stack.raw('GET', `/api/meetings/${o.meetingId}/papers/files/none.pdf`, { as: o.head })).status).toBe(404);
  });
});

describe('uploads are checked before anything is written', () => {
  it('refuses script (HTML, SVG) however it is named, and any type a trust does not use', async () => {
    const o = await owed('brook-lane');
    const refusals: [string, Buffer, string][] = [
      ['agenda.html', SAMPLE_FILES.html(), 'fileName'],
      ['logo.svg', SAMPLE_FILES.svg(), 'fileName'],
      ['report.exe', SAMPLE_FILES.pdf(), 'fileName'],
      ['report.pdf', SAMPLE_FILES.html(), 'contentBase64'],
      ['report.docx', SAMPLE_FILES.pdf(), 'contentBase64'],
      ['photo.png', SAMPLE_FILES.svg(), 'contentBase64'],
    ];
    for (const [name, content, field] of refusals) {
      const res = await upload(o, name, content, o.version);
      expect(res.status).toBe(400);
      expectJsonProblem(res, 400, 'INPUT.INVALID');
      expect(res.json.error.problems[0].field).toBe(field);
    }
    expect(await filesIn(o.meetingId, o.head)).toEqual([]);
  });

  it('accepts the documents a trust uses, checked by their content', async () => {
    const o = await owed('hill-top');
    let version = o.version;
    for (const [name, content] of [
      ['Report.docx', await SAMPLE_FILES.docx()],
      ['Scan.png', SAMPLE_FILES.png()],
      ['Notes.txt', SAMPLE_FILES.text()],
    ] as [string, Buffer][]) {
      const res = await upload(o, name, content, version);
      expect(res.status).toBe(201);
      version = res.json.meeting.version;
    }
    const docx = await stack.raw('GET', `/api/meetings/${o.meetingId}/papers/files/Report.docx`, { as: o.head });
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('a stale version is 409 and writes no file', async () => {
    const o = await owed('riverside');
    const res = await upload(o, 'Late report.pdf', SAMPLE_FILES.pdf(), '0-stale');
    expect(res.status).toBe(409);
    expectJsonProblem(res, 409, 'RECORD.CONFLICT');
    expect(await filesIn(o.meetingId, o.head)).toEqual([]);
  });

  it('a second file of the same name never replaces the first: it is saved beside it', async () => {
    const o = await owed('kingsmead');
    const first = await upload(o, 'Head report.pdf', SAMPLE_FILES.pdf(), o.version);
    expect(first.status).toBe(201);
    const second = await upload(
      o,
      'head REPORT.pdf',
      Buffer.concat([SAMPLE_FILES.pdf(), Buffer.from('% v2\n')]),
      first.json.meeting.version,
    );
    expect(second.status).toBe(201);
    expect(second.json.file.name).toBe('head REPORT (2).pdf');
    expect(await filesIn(o.meetingId, o.head)).toEqual([
      `Head report.pdf:${SAMPLE_FILES.pdf().byteLength}`,
      `head REPORT (2).pdf:${SAMPLE_FILES.pdf().byteLength + 5}`,
    ]);
  });

  it('a NUL byte or a path in a file name is 400 naming fileName, never 500', async () => {
    const o = await owed('ashworth');
    for (const name of ['report\u0000.pdf', '../../etc/passwd.pdf', 'a/b.pdf']) {
      const res = await upload(o, name, SAMPLE_FILES.pdf(), o.version);
      expect(res.status).toBe(400);
      expect(res.json.error.problems.map((p: { field: string }) => p.field)).toContain('fileName');
    }
    for (const path of ['report%00.pdf', '..%2F..%2Fpackage.json']) {
      const res = await stack.raw('GET', `/api/meetings/${o.meetingId}/papers/files/${path}`, { as: o.head });
      expect(res.status).toBe(400);
      expectJsonProblem(res, 400, 'INPUT.INVALID');
      expect(res.json.error.problems[0].field).toBe('fileName');
    }
    expect(await filesIn(o.meetingId, o.head)).toEqual([]);
  });
});
