import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { problem } from '../api/error-responses';

/** Where the built tab is and, locally, who the dev identity switcher may become. */
export interface TabHosting {
  /** The Vite build output (`tab/dist`). */
  dir: string;
  /** Plain local mode only (no tunnel, SSO or bot id): the people the switcher lists. Absent otherwise, so the switcher never appears. */
  devPeople?: () => Promise<{ id: string; name: string; jobTitle?: string | undefined }[]>;
}

/**
 * Serves the tab at `/tab`: hashed assets cached for a year, and every other `/tab/...` path
 * answered with `index.html`, so a deep link (`/tab/academy/oakfield`) opens the right page. A missing
 * asset is a JSON 404 (the host's error handler), never an HTML page.
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
      const notBuilt = problem(503, 'TAB.NOT_BUILT', 'The tab is not built yet: run `npm run build:tab` (npm start does it for you).');
      res.status(notBuilt.status).json(notBuilt.body);
      return;
    }
    res.set('cache-control', 'no-cache').sendFile(index);
  });
}
