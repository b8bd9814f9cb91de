import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { startLocalStack, type RunningStack } from '../e2e/local-stack';

/**
 * The demo trust's board pack as a trustee sees it printed: LibreOffice (Debian's, headless, with a
 * profile of its own in a temp folder) converts the Word file to PDF, poppler's `pdftoppm` turns
 * each page into an image. The trust summary and the first academy's page are kept in
 * docs/screenshots/ (the clock is fixed, so the same pack is drawn every run).
 */
const run = promisify(execFile);
const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

let stack: RunningStack;
let dir: string;
let pages: string[];
let academies: { name: string }[];
let pageTexts: string[];

/** The share of a page's pixels that are not white: a page with text, tables or a chart is not blank. */
function inkShare(file: string): number {
  const png = PNG.sync.read(readFileSync(file));
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 200 || png.data[i + 1]! < 200 || png.data[i + 2]! < 200) ink++;
  return ink / (png.width * png.height);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'board-pack-render-'));
  stack = await startLocalStack('2026-11-23T10:00:00Z');
  const session = (await stack.local.services.openFor('ceo'))!;
  const { pack } = await session.generateBoardPack({});
  academies = (await session.dashboard()).academies;
  const file = await session.boardPackFile(pack.id);
  const docx = join(dir, 'board-pack.docx');
  writeFileSync(docx, file.content);
  await run(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
    { timeout: 150_000 },
  );
  const pdf = join(dir, 'board-pack.pdf');
  await run('pdftoppm', ['-png', '-r', '60', pdf, join(dir, 'page')], { timeout: 60_000 });
  pages = readdirSync(dir)
    .filter((n) => /^page-\d+\.png$/.test(n))
    .sort()
    .map((n) => join(dir, n));
  pageTexts = (await run('pdftotext', ['-layout', pdf, '-'], { timeout: 60_000 })).stdout.split('\f');
}, 240_000);
afterAll(async () => {
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the board pack, printed', () => {
  it('has the trust summary and a page at least for every academy, none of them blank', () => {
    expect(pages.length).toBeGreaterThanOrEqual(1 + academies.length);
    for (const p of pages) expect([p, inkShare(p) > 0.01]).toEqual([p, true]);
  });

  it('starts each academy on a new page, under its name', () => {
    const starts = academies.map((a) => pageTexts.findIndex((t) => t.trimStart().startsWith(a.name)));
    expect(starts.every((i) => i > 0)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts); // the dashboard's order, worst first
  });

  it('keeps the trust summary and the first academy’s page in docs/screenshots', () => {
    expect(pageTexts[0]).toMatch(/Meadowbank Learning Trust:\s+board pack/);
    const first = pageTexts.findIndex((t) => t.trimStart().startsWith(academies[0]!.name));
    copyFileSync(pages[0]!, join(SCREENSHOTS, 'board-pack-1-trust-summary.png'));
    copyFileSync(pages[first]!, join(SCREENSHOTS, 'board-pack-2-academy.png'));
    expect(inkShare(join(SCREENSHOTS, 'board-pack-2-academy.png'))).toBeGreaterThan(0.01);
  });
});
