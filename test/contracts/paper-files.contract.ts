import type { PaperFiles } from '../../core/ports/paper-files.port';

const bytes = (s: string) => new TextEncoder().encode(s);

/** The `PaperFiles` port's contract: the local folder and the SharePoint library pass it unchanged. */
export function describePaperFilesContract(name: string, make: () => Promise<{ papers: PaperFiles; cleanup?: () => Promise<void> }>): void {
  describe(`PaperFiles contract: ${name}`, () => {
    let papers: PaperFiles;
    let cleanup: (() => Promise<void>) | undefined;
    beforeEach(async () => {
      ({ papers, cleanup } = await make());
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

    it('refuses a file over the upload limit, and stores nothing', async () => {
      await expect(papers.upload('meeting-1', 'huge.pdf', new Uint8Array(4 * 1024 * 1024 + 1))).rejects.toMatchObject({
        code: 'INPUT.INVALID',
      });
      expect(await papers.list('meeting-1')).toEqual([]);
    });
  });
}
