/**
 * `npm run package -- --env dev`: the Teams app package for one environment, validated offline
 * against the official manifest schema, written to appPackage/build/appPackage.<env>.zip.
 */
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAppPackage, isAppPackageError } from './app-package';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { env: { type: 'string', short: 'e', default: 'dev' }, 'env-dir': { type: 'string' }, 'out-dir': { type: 'string' } },
    strict: true,
  });
  const env = values.env ?? 'dev';
  // --env-dir / --out-dir: for a trust that keeps its env files elsewhere (and for tests).
  const envDir = resolve(values['env-dir'] ?? join(__dirname, '..', 'env'));
  try {
    const built = await buildAppPackage({
      env,
      paths: { appPackageDir: __dirname, envDir },
      overrides: process.env,
      ...(values['out-dir'] ? { outDir: resolve(values['out-dir']) } : {}),
    });
    console.log(
      `Teams app package for "${env}": ${relative(process.cwd(), built.zipPath)} (${built.entries.join(', ')}); the manifest passed the official v${String(built.manifest.manifestVersion)} schema.`,
    );
    console.log('Upload it in the Teams admin centre (Manage apps → Upload new app), or with `atk publish --env <env>`.');
    return 0;
  } catch (e) {
    console.error(isAppPackageError(e) || e instanceof Error ? e.message : String(e));
    return 1;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
