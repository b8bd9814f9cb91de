import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { freeLoopbackPort } from '../../bot/local/azurite';
import { PLAYGROUND_DIR, startPlayground } from '../../bot/local/playground';
import { startLocalStack, type RunningStack } from '../e2e/local-stack';

/**
 * The Microsoft 365 Agents Playground, offline, in headless Chromium: the local host (in-memory
 * demo trust) and the Playground on free loopback ports; the CEO types a question in the Playground
 * and reads the status card the bot sent back. Everything is stopped in afterAll.
 */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let stack: RunningStack | undefined;
let playground: ChildProcess | undefined;
let browser: BrowserContext | undefined;
const dir = mkdtempSync(join(tmpdir(), 'trust-playground-'));
let pgOutput = '';

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  if (playground && playground.exitCode === null) {
    const exited = new Promise((r) => playground!.once('exit', r));
    playground.kill('SIGTERM');
    const hard = setTimeout(() => playground?.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(hard);
  }
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 20_000);

test('the CEO asks the bot how Brook Lane is doing in the Agents Playground and reads the status card', async () => {
  stack = await startLocalStack();
  // The demo trust's people as Playground users, in a scratch folder (the Playground writes its log beside it).
  copyFileSync(join(PLAYGROUND_DIR, '.m365agentsplayground.yml'), join(dir, '.m365agentsplayground.yml'));
  const port = await freeLoopbackPort();
  playground = startPlayground({ botEndpoint: `${stack.base}/api/messages`, port, dir, log: (l) => (pgOutput += `${l}\n`) });
  expect(playground).toBeDefined();

  const url = `http://127.0.0.1:${port}/`;
  const ready = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > ready || playground!.exitCode !== null) throw new Error(`Agents Playground did not start: ${pgOutput}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  // A fresh profile each run (playwright passes it to Chromium as --user-data-dir).
  browser = await chromium.launchPersistentContext(join(dir, 'chromium'), { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, timeout: 20_000 });
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(url, { timeout: 20_000 });
  // The Playground installs the app in the personal chat on load: the CEO's reference is stored.
  const installed = Date.now() + 15_000;
  while (!(await stack.local.bot.references.get('ceo')) && Date.now() < installed) await new Promise((r) => setTimeout(r, 200));
  expect(await stack.local.bot.references.get('ceo')).toBeDefined();

  const box = page.getByRole('textbox').first();
  await box.click({ timeout: 15_000 });
  await box.pressSequentially('how is Brook Lane doing?');
  await box.press('Enter');

  const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Brook Lane Academy' }).last();
  await card.waitFor({ state: 'visible', timeout: 20_000 });
  const text = await card.innerText();
  expect(text).toContain('Brook Lane Academy');
  expect(text).toMatch(/Escalation/);
  expect(text).toMatch(/Support days/);
}, 85_000);
