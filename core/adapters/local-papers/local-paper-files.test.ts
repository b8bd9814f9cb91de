import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePaperFilesContract } from '../../../test/contracts/paper-files.contract';
import { createLocalPaperFiles } from './local-paper-files';

const links = {
  file: (m: string, n: string) => `http://localhost:3978/api/meetings/${m}/papers/files/${encodeURIComponent(n)}`,
  folder: (m: string) => `http://localhost:3978/tab/meeting/${m}`,
};

describePaperFilesContract('local folder', async ({ maxBytes }) => {
  const dir = mkdtempSync(join(tmpdir(), 'papers-'));
  return { papers: createLocalPaperFiles({ dir, links, maxBytes }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

describe('local papers folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'papers-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('links a paper to the API, never to the folder, and reads it back by name', async () => {
    const papers = createLocalPaperFiles({ dir, links });
    const file = await papers.upload('meeting-1', 'Head report.pdf', new TextEncoder().encode('%PDF-1.4'));
    expect(file.link).toBe('http://localhost:3978/api/meetings/meeting-1/papers/files/Head%20report.pdf');
    expect(new TextDecoder().decode(await papers.read!('meeting-1', 'Head report.pdf'))).toBe('%PDF-1.4');
    expect(await papers.read!('meeting-1', 'missing.pdf')).toBeUndefined();
    expect(await papers.read!('meeting-2', 'Head report.pdf')).toBeUndefined();
  });

  it('refuses a name that would climb out of the folder or hold a NUL byte, naming fileName', async () => {
    const papers = createLocalPaperFiles({ dir, links });
    for (const name of ['../meeting-2/x.pdf', '..', 'a\u0000.pdf'])
      await expect(papers.read!('meeting-1', name)).rejects.toMatchObject({
        code: 'INPUT.INVALID',
        problems: expect.arrayContaining([expect.objectContaining({ field: 'fileName' })]),
      });
    await expect(papers.upload('meeting-1', 'a\u0000.pdf', new Uint8Array([1]))).rejects.toMatchObject({ code: 'INPUT.INVALID' });
  });
});
