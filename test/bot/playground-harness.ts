import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freeLoopbackPort } from '../../bot/local/azurite';
import { startPlayground } from '../../bot/local/playground';
import { playgroundConfigFor, type PlaygroundPerson } from '../../bot/local/playground-config';

/**
 * The Microsoft 365 Agents Playground in headless Chromium, for end-to-end tests. The Playground
 * has no user switcher (its `currentUser` is fixed by `.m365agentsplayground.yml` for the run), so
 * each person gets their own Playground, like their own Teams client: a copy of the config with
 * `currentUser` swapped for them and a personal chat of their own, on a free loopback port, all
 * talking to the same bot. The bot's stored reference for each person then points at their
 * Playground's mock connector, so proactive cards land in that person's chat.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type { PlaygroundPerson };

/** The Playground's own log (it writes config errors there, not to stderr). */
function playgroundLog(cwd: string): string {
  try {
    return readFileSync(join(cwd, 'devTools', 'm365agentsplayground.log'), 'utf8').slice(-2000);
  } catch {
    return '';
  }
}

export interface PlaygroundHarness {
  /** Starts a Playground as `person` and opens it in its own browser context; the Playground installs the app in that person's chat on load. */
  open(person: PlaygroundPerson): Promise<Page>;
  /** Everything the Playgrounds printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export function createPlaygroundHarness(botEndpoint: string): PlaygroundHarness {
  const dir = mkdtempSync(join(tmpdir(), 'trust-playground-'));
  const children: ChildProcess[] = [];
  let browser: Browser | undefined;
  let out = '';

  async function open(person: PlaygroundPerson): Promise<Page> {
    const personId = person.id;
    // Its own folder: the Playground reads the config from, and writes its log beside, its cwd.
    const cwd = join(dir, personId);
    mkdirSync(cwd);
    writeFileSync(join(cwd, '.m365agentsplayground.yml'), playgroundConfigFor(person));
    const port = await freeLoopbackPort();
    const child = startPlayground({ botEndpoint, port, dir: cwd, log: (l) => (out += `[${personId}] ${l}\n`) });
    if (!child) throw new Error('@microsoft/m365agentsplayground is not installed');
    children.push(child);
    const url = `http://127.0.0.1:${port}/`;
    const ready = Date.now() + 20_000;
    for (;;) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > ready || child.exitCode !== null)
        throw new Error(`Agents Playground for ${personId} did not start:\n${out}\n${playgroundLog(cwd)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    browser ??= await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, timeout: 20_000 });
    // A fresh context per person; UK time so date inputs parse as they would for a UK user.
    const context = await browser.newContext({ timezoneId: 'Europe/London', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url, { timeout: 20_000 });
    return page;
  }

  async function stopChild(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const hard = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(hard);
  }

  return {
    open,
    output: () => out,
    async stop() {
      await browser?.close().catch(() => undefined);
      await Promise.all(children.map(stopChild));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a value (or the time is up, then returns undefined). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}
