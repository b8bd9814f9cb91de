import { join } from 'node:path';

/** Where `vite build --config tab/vite.config.ts` writes the tab. */
export const TAB_DIST_DIR = join(__dirname, '..', '..', 'tab', 'dist');
