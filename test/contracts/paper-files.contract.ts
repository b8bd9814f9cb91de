import type { PaperFiles } from '../../core/ports/paper-files.port';

const bytes = (s: string) => new TextEncoder().encode(s);

/** The `PaperFiles` port's contract: the local folder and the SharePoint library pass it unchanged. */
/** The adapters are made with this limit, past Graph's 4 MB simple-upload size so both upload paths are covered. */
export const CONTRACT_MAX_BYTES = 6 * 1024 * 1024;

export function describePaperFilesContract(
  name: string,
  make: (limits: { maxBytes: number }) => Promise<{ papers: PaperFiles; cleanup?: () => Promise<void> }>,
): void {
  describe(`PaperFiles contract: ${name}`, () => {
    let papers: PaperFiles;
    let cleanup: (() => Promise<void>) | undefined;
    beforeEach(async () => {
      ({ papers, cleanup } = await make({ maxBytes: CONTRACT_MAX_BYTES }));
    });
    afterEach(async () => cleanup?.());

    it('gives each meeting a folder to link to, the same one every time', async () => {
      const a = await papers.folderLink('meeting-1');
      expect(await papers.folderLink('meeting-1')).toBe(a);
      expect(await papers.folderLink('meeting-2')).not.toBe(a);
    });

    it('stores an uploaded paper in the meeting’s folder with a link to it', async () => {
      const f = await papers.upload('meeting-1', 'Headteacher report Autumn.docx', bytes('report text'));
      expect(f).toMatchObject({ name: 'Headteacher report Autumn.docx', size: 11 });
      expect(typeof f.link).toBe('string');
      expect((await papers.list('meeting-1')).map((x) => x.name)).toEqual(['Headteacher report Autumn.docx']);
      expect(await papers.list('meeting-2')).toEqual([]);
    });

    it('uploading a file of the same name again (a retry or a new draft) leaves one file, the newest', async () => {
      await papers.upload('meeting-1', 'data.xlsx', bytes('v1'));
      await papers.upload('meeting-1', 'data.xlsx', bytes('version 2'));
      const files = await papers.list('meeting-1');
      expect(files).toHaveLength(1);
      expect(files[0]!.size).toBe(9);
    });

    it('refuses a file name SharePoint cannot hold, naming the problem', async () => {
      await expect(papers.upload('meeting-1', 'report: final?.docx', bytes('x'))).rejects.toMatchObject({ code: 'INPUT.INVALID' });
      await expect(papers.upload('meeting-1', '   ', bytes('x'))).rejects.toMatchObject({ code: 'INPUT.INVALID' });
      expect(await papers.list('meeting-1')).toEqual([]);
    });

    it('stores a paper past 4 MB whole (SharePoint: in an upload session)', async () => {
      const content = new Uint8Array(5 * 1024 * 1024 + 12_345).map((_, i) => i % 251);
      const f = await papers.upload('meeting-1', 'Governors pack.pdf', content);
      expect(f.size).toBe(content.byteLength);
      expect((await papers.list('meeting-1')).map((x) => `${x.name}:${x.size}`)).toEqual([`Governors pack.pdf:${content.byteLength}`]);
      if (papers.read) expect(Buffer.from((await papers.read('meeting-1', 'Governors pack.pdf'))!).equals(Buffer.from(content))).toBe(true);
    });

    it('refuses a file over the upload limit, and stores nothing', async () => {
      await expect(papers.upload('meeting-1', 'huge.pdf', new Uint8Array(CONTRACT_MAX_BYTES + 1))).rejects.toMatchObject({
        code: 'INPUT.INVALID',
      });
      expect(await papers.list('meeting-1')).toEqual([]);
    });
  });
}
