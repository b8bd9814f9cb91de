import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startLocalStack, type RunningStack } from '../e2e/local-stack';

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=en-GB',
];

/** Builds the tab when it is missing or stale (the same step `npm start` runs first). */
export function ensureTabBuilt(): void {
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'tab', 'ensure-built.mjs')], { stdio: 'inherit' });
}

export interface BrowserStack {
  stack: RunningStack;
  browser: BrowserContext;
  /** Opens a tab path as a person, in light or dark, at a width, and waits for the page's first heading. */
  open(path: string, options?: { as?: string; dark?: boolean; width?: number }): Promise<Page>;
  stop(): Promise<void>;
}

/** The local host (in-memory SQLite, fixed clock) plus headless Chromium with a fresh profile. */
export async function startBrowserStack(at = '2026-11-23T10:00:00Z'): Promise<BrowserStack> {
  ensureTabBuilt();
  const stack = await startLocalStack(at);
  const profile = mkdtempSync(join(tmpdir(), 'trust-tab-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    env: { ...process.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' },
  });
  let closed = false;
  return {
    stack,
    browser,
    async open(path, options = {}) {
      const page = await browser.newPage();
      await page.emulateMedia({ colorScheme: options.dark ? 'dark' : 'light' });
      if (options.width) await page.setViewportSize({ width: options.width, height: 900 });
      const sep = path.includes('?') ? '&' : '?';
      await page.goto(`${stack.base}${path}${sep}as=${encodeURIComponent(options.as ?? 'ceo')}`);
      // Generous: on a busy two-core machine the first page of a suite can take a while to build its data; tests allow 60 s.
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
      return page;
    },
    async stop() {
      if (closed) return;
      closed = true;
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
      await stack.stop();
    },
  };
}

export type { Browser, Page };
