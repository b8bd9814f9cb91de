// `npm run build:functions`: the Azure Functions app as one CommonJS bundle (dist/functions/index.js,
// package.json's "main") plus the built tab (dist/tab), so a deployment needs no node_modules.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
// `--out <dir>` and `--no-tab` let the bundle test build it quickly into a scratch folder.
const args = process.argv.slice(2);
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : join(root, 'dist');
rmSync(out, { recursive: true, force: true });

if (!args.includes('--no-tab')) {
  execFileSync(process.execPath, [join(root, 'tab', 'ensure-built.mjs')], { stdio: 'inherit' });
  cpSync(join(root, 'tab', 'dist'), join(out, 'tab'), { recursive: true });
}

await build({
  entryPoints: [join(root, 'functions', 'azure', 'index.ts')],
  outfile: join(out, 'functions', 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  // The worker provides the core API; the local-only SQLite driver is never loaded in production.
  external: ['@azure/functions-core', 'better-sqlite3'],
  // Some Azure SDK ESM builds read import.meta.url (empty in CommonJS): give them this file's URL.
  banner: { js: "const __bundleImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundleImportMetaUrl' },
  logLevel: 'warning',
});
console.log(`Functions app built in ${out} (entry dist/functions/index.js, tab in dist/tab)`);
