import type { Page } from 'playwright-core';
import { startBrowserStack, type BrowserStack } from '../browser/browser-stack';

/**
 * The tab in headless Chromium under its Content-Security-Policy (issue 14): nothing the tab does is
 * blocked by it, and My work gives a person their private calendar link, to copy and to reset.
 */
jest.setTimeout(90_000);

let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack('2026-11-23T10:00:00Z');
}, 180_000);
afterAll(async () => b?.stop());

/** Every CSP violation the page reports (the `securitypolicyviolation` event and Chromium's console line). */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  await page.exposeFunction('reportViolation', (v: string) => void seen.push(v));
  // Runs in the page (a string: this project's TypeScript has no DOM types).
  await page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI));",
  });
  return seen;
}

describe('the tab under its CSP', () => {
  it('renders the dashboard and builds the board’s Excel export with nothing blocked', async () => {
    const page = await b.browser.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${b.stack.base}/tab/?as=ceo`);
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export for the board (Excel)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^trust-dashboard-.*\.xlsx$/);
    expect(violations).toEqual([]);
    // And script injected into the page (what an XSS would do) is refused.
    await page.addScriptTag({ content: 'window.injected = true;' }).catch(() => undefined);
    expect(await page.evaluate('window.injected === true')).toBe(false);
    await page.waitForTimeout(200);
    expect(violations.some((v) => /script-src/.test(v))).toBe(true);
    await page.close();
  });

  it('My work makes a private calendar link that opens the person’s meetings; reset replaces it', async () => {
    const page = await b.browser.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${b.stack.base}/tab/my-work?as=aid-graham`);
    const section = page.getByRole('region', { name: 'My meetings in my calendar' });
    await section.getByRole('button', { name: 'Get my calendar link' }).click();
    const link = section.getByRole('textbox', { name: 'My private calendar link' });
    await link.waitFor();
    const first = await link.inputValue();
    expect(first).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await fetch(`${b.stack.base}${new URL(first).pathname}`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await section.getByRole('button', { name: 'Copy link' }).click();
    await section.getByRole('status').waitFor();

    await section.getByRole('button', { name: 'Reset link' }).click();
    await section.getByText('Any earlier link has stopped working.').waitFor();
    const second = await link.inputValue();
    expect(second).not.toBe(first);
    expect((await fetch(`${b.stack.base}${new URL(first).pathname}`)).status).toBe(404);

    // Opened again later, the link is live but not shown: only its hash is kept.
    await page.reload();
    await section.getByText(/Your link is live/).waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });
});
