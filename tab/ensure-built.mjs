// `npm start` runs this first: builds the tab when it has never been built or its sources changed since.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tab = fileURLToPath(new URL('.', import.meta.url));
const built = join(tab, 'dist', 'index.html');

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (t, e) => Math.max(t, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs),
    0,
  );

const sourcesChanged = () =>
  Math.max(newest(join(tab, 'src')), statSync(join(tab, 'index.html')).mtimeMs, statSync(join(tab, 'vite.config.mts')).mtimeMs) >
  statSync(built).mtimeMs;

if (!existsSync(built) || sourcesChanged()) {
  console.log('Building the tab (tab/dist) …');
  execFileSync(
    process.execPath,
    [join(tab, '..', 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(tab, 'vite.config.mts'), '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
}
