import { join } from 'node:path';
import { startBrowserStack } from './browser-stack';

/**
 * `npm run screenshots`: every page of the tab, light and dark, against the seeded demo trust on
 * a fixed school day, into docs/screenshots/ (shown in the README); the dashboard and the meeting
 * also in Teams' high-contrast theme (`?theme=contrast`, as tab/src/app/use-app-shell.ts reads it).
 * `npm run screenshots -- contrast` takes only the high-contrast ones.
 */
const OUT = join(__dirname, '..', '..', 'docs', 'screenshots');
const CONTRAST = new Set(['dashboard', 'meeting']);
type Theme = 'light' | 'dark' | 'contrast';

async function main(): Promise<void> {
  const b = await startBrowserStack('2026-11-23T10:00:00Z');
  try {
    const planner = await b.stack.call('GET', '/api/planner', { as: 'ceo' });
    const meetings = planner.body.meetings as { id: string; status: string; academyId: string; kind: string }[];
    const held = meetings.find((m) => m.status === 'held' && m.academyId === 'oakfield')!.id;
    const next = meetings.find((m) => m.status === 'planned' && m.academyId === 'oakfield' && m.kind === 'aim')!.id;
    const shots: { name: string; path: string; as?: string; width?: number }[] = [
      { name: 'dashboard', path: '/tab/' },
      { name: 'academy', path: '/tab/academy/brook-lane' },
      { name: 'planner', path: '/tab/planner', as: 'aid-graham' },
      { name: 'meeting', path: `/tab/meeting/${held}` },
      { name: 'side-panel', path: `/tab/meeting/${next}/panel`, as: 'aid-graham', width: 320 },
      { name: 'my-work', path: '/tab/my-work', as: 'head-oakfield' },
      { name: 'settings', path: '/tab/settings', as: 'admin' },
      // The monitoring form as an observer fills it in walking round a school: phone width (issue 16).
      { name: 'visit-form-phone', path: '/tab/academy/oakfield/visit', as: 'aid-graham', width: 375 },
    ];
    const onlyContrast = process.argv.includes('contrast');
    for (const shot of shots) {
      const themes: Theme[] = [
        ...(onlyContrast ? [] : (['light', 'dark'] as const)),
        ...(CONTRAST.has(shot.name) ? (['contrast'] as const) : []),
      ];
      for (const theme of themes) {
        const path = theme === 'contrast' ? `${shot.path}${shot.path.includes('?') ? '&' : '?'}theme=contrast` : shot.path;
        const page = await b.open(path, {
          dark: theme === 'dark',
          ...(shot.as ? { as: shot.as } : {}),
          ...(shot.width ? { width: shot.width } : {}),
        });
        await page
          .getByRole('status')
          .first()
          .waitFor({ state: 'detached', timeout: 10_000 })
          .catch(() => undefined);
        await page.waitForTimeout(400); // the chart's entry animation
        const file = join(OUT, `${shot.name}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await page.close();
      }
    }
  } finally {
    await b.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
