import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { startBrowserStack, type BrowserStack } from './browser-stack';

jest.setTimeout(240_000);

/**
 * axe-core over every page of the tab, in each theme Teams can give it (light, dark and high
 * contrast: tab/src/app/teams-host.ts), with every rule and nothing excluded: no serious or
 * critical violation anywhere (issue 20: `aria-hidden-focus` on the dashboard chart and the side
 * panel's tabs).
 */
let b: BrowserStack;
let held: string;
let next: string;

beforeAll(async () => {
  b = await startBrowserStack('2026-11-23T10:00:00Z');
  const meetings = (await b.stack.call('GET', '/api/planner', { as: 'ceo' })).body.meetings as {
    id: string;
    status: string;
    academyId: string;
    kind: string;
  }[];
  held = meetings.find((m) => m.status === 'held' && m.academyId === 'oakfield' && m.kind === 'aim')!.id;
  next = meetings.find((m) => m.status === 'planned' && m.academyId === 'oakfield' && m.kind === 'aim')!.id;
}, 180_000);
afterAll(async () => b?.stop());

const THEMES = ['default', 'dark', 'contrast'] as const;

async function seriousProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
}

/** A page in one theme, as Teams would set it (`?theme=`), with the browser's colour scheme to match; patient on a busy machine. */
async function openIn(theme: (typeof THEMES)[number], path: string, as: string, width?: number): Promise<Page> {
  const page = await b.browser.newPage();
  await page.emulateMedia({ colorScheme: theme === 'dark' ? 'dark' : 'light' });
  if (width) await page.setViewportSize({ width, height: 900 });
  await page.goto(`${b.stack.base}${path}?theme=${theme}&as=${encodeURIComponent(as)}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 45_000 });
  return page;
}

const PAGES: { name: string; path: () => string; as?: string; width?: number }[] = [
  { name: 'trust dashboard', path: () => '/tab/' },
  { name: 'head’s dashboard (their academy)', path: () => '/tab/', as: 'head-oakfield' },
  { name: 'academy', path: () => '/tab/academy/brook-lane' },
  { name: 'year planner', path: () => '/tab/planner', as: 'aid-graham' },
  { name: 'meeting after it was held', path: () => `/tab/meeting/${held}`, as: 'aid-graham' },
  { name: 'meeting before it', path: () => `/tab/meeting/${next}`, as: 'aid-graham' },
  { name: 'papers folder', path: () => `/tab/meeting/${next}/papers`, as: 'head-oakfield' },
  { name: 'meeting side panel', path: () => `/tab/meeting/${next}/panel`, as: 'aid-graham', width: 320 },
  { name: 'my work', path: () => '/tab/my-work', as: 'head-oakfield' },
  { name: 'settings', path: () => '/tab/settings', as: 'admin' },
];

describe('no serious or critical accessibility problem on any page, in light, dark and high contrast', () => {
  for (const p of PAGES) {
    it(`the ${p.name}`, async () => {
      const found: Record<string, string[]> = {};
      for (const theme of THEMES) {
        const page = await openIn(theme, p.path(), p.as ?? 'ceo', p.width);
        await expect(page.locator('[data-theme]').first().getAttribute('data-theme')).resolves.toBe(theme);
        await page
          .getByRole('status')
          .first()
          .waitFor({ state: 'detached', timeout: 10_000 })
          .catch(() => undefined);
        await page.waitForTimeout(300); // the chart's entry animation
        const problems = await seriousProblems(page);
        if (problems.length > 0) found[theme] = problems;
        await page.close();
      }
      expect(found).toEqual({});
    });
  }
});
