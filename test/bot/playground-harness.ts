import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freeLoopbackPort } from '../../bot/local/azurite';
import { PLAYGROUND_DIR, startPlayground } from '../../bot/local/playground';

/**
 * The Microsoft 365 Agents Playground in headless Chromium, for end-to-end tests. The Playground
 * has no user switcher (its `currentUser` is fixed by `.m365agentsplayground.yml` for the run), so
 * each person gets their own Playground, like their own Teams client: a copy of the config with
 * `currentUser` swapped for them and a personal chat of their own, on a free loopback port, all
 * talking to the same bot. The bot's stored reference for each person then points at their
 * Playground's mock connector, so proactive cards land in that person's chat.
 */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const USER_LINE = /^ {2}- (\{ id: ([^,]+),.*\})\s*$/;
const CURRENT_LINE = /^currentUser: (\{ id: ([^,]+),.*\})\s*$/;

export interface PlaygroundPerson {
  id: string;
  name: string;
  email?: string;
}

/** A Playground user as a one-line YAML mapping (JSON strings are YAML scalars); the object id is made up, so the bot falls back to `from.id`. */
function userLine(p: PlaygroundPerson): string {
  const oid = `00000000-0000-4000-8000-${createHash('sha256').update(p.id).digest('hex').slice(0, 12)}`;
  const email = p.email ?? `${p.id}@meadowbank.example`;
  const [given = p.name, ...rest] = p.name.split(' ');
  const fields = { id: p.id, name: p.name, userPrincipleName: email, aadObjectId: oid, givenName: given, surname: rest.join(' ') || given, email };
  return `{ ${Object.entries(fields).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')} }`;
}

/**
 * The repo's Playground config with `person` (any person of the demo trust) as the current user,
 * the config's other people as the five `users` the schema requires, and a personal chat of their own.
 */
export function playgroundConfigFor(person: PlaygroundPerson): string {
  const lines = readFileSync(join(PLAYGROUND_DIR, '.m365agentsplayground.yml'), 'utf8').split('\n');
  const listed = lines.flatMap((l) => {
    const m = CURRENT_LINE.exec(l) ?? USER_LINE.exec(l);
    return m ? [{ id: m[2]!, line: m[1]! }] : [];
  });
  if (!lines.some((l) => CURRENT_LINE.test(l))) throw new Error('.m365agentsplayground.yml: `currentUser` must be a one-line { id: ... } mapping');
  const me = listed.find((u) => u.id === person.id)?.line ?? userLine(person);
  const others = listed.filter((u) => u.id !== person.id).slice(0, 5);
  return lines
    .filter((l) => !USER_LINE.test(l))
    .flatMap((l) => (CURRENT_LINE.test(l) ? [`currentUser: ${me}`] : l === 'users:' ? [l, ...others.map((u) => `  - ${u.line}`)] : [l]))
    .join('\n')
    .replace(/^( {2}id: )personal-chat$/m, `$1personal-chat-${person.id}`);
}

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
      if (Date.now() > ready || child.exitCode !== null) throw new Error(`Agents Playground for ${personId} did not start:\n${out}\n${playgroundLog(cwd)}`);
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
