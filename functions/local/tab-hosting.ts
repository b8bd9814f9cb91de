import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';

/** Where the built tab is and, locally, who the dev identity switcher may become. */
export interface TabHosting {
  /** The Vite build output (`tab/dist`). */
  dir: string;
  /** Local mode only: the people the switcher lists. Absent in production, so the switcher never appears there. */
  devPeople?: () => Promise<{ id: string; name: string; jobTitle?: string | undefined }[]>;
}

/**
 * Serves the tab at `/tab`: hashed assets cached for a year, and every other `/tab/...` path
 * answered with `index.html`, so a deep link (`/tab/academy/oakfield`) opens the right page.
 */
export function mountTab(app: Express, tab: TabHosting): void {
  const index = join(tab.dir, 'index.html');
  if (tab.devPeople) {
    const devPeople = tab.devPeople;
    app.get('/tab/dev/people', async (_req, res) => {
      res.json({ people: await devPeople() });
    });
  }
  app.use('/tab/assets', express.static(join(tab.dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  app.get(/^\/tab(\/.*)?$/, (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text').send('The tab is not built yet: run `npx vite build --config tab/vite.config.ts` (npm start does it for you).');
      return;
    }
    res.set('cache-control', 'no-cache').sendFile(index);
  });
}
