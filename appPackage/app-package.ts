import { once } from 'node:events';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ZipFile } from 'yazl';
import { readEnvValues } from './env-values';
import { fillPlaceholders } from './placeholders';
import { describeProblems, validateAppPackage, type PackageProblem } from './validate-package';

/** Where the package's sources are: the manifest template and icons, and the Toolkit's `env/` folder. */
export interface AppPackagePaths {
  /** Folder with `manifest.json`, `color.png`, `outline.png`; the zip goes to its `build/`. */
  appPackageDir: string;
  envDir: string;
}

export interface BuildAppPackageOptions {
  env: string;
  paths: AppPackagePaths;
  /** Values that win over the env files (the CLI passes `process.env`). */
  overrides?: Readonly<Record<string, string | undefined>>;
  /** Output folder; `<appPackageDir>/build` when not given. */
  outDir?: string;
}

export interface BuiltAppPackage {
  zipPath: string;
  manifestPath: string;
  manifest: Record<string, unknown>;
  /** Entry names in the zip, in order. */
  entries: string[];
}

/** The package was refused; `problems` says every reason, `unresolved` names the values still missing. */
export class AppPackageError extends Error {
  override readonly name = 'AppPackageError';
  readonly code = 'APP_PACKAGE.INVALID';
  constructor(
    message: string,
    readonly problems: readonly PackageProblem[],
    readonly unresolved: readonly string[] = [],
  ) {
    super(message);
  }
}

export const isAppPackageError = (e: unknown): e is AppPackageError =>
  e instanceof Error && (e as { code?: unknown }).code === 'APP_PACKAGE.INVALID';

// A fixed timestamp keeps the zip byte-for-byte the same for the same inputs.
const ZIP_MTIME = new Date(Date.UTC(2026, 0, 1));
const ICONS = ['color.png', 'outline.png'] as const;

/**
 * `npm run package -- --env <env>`: fills the manifest template with the environment's values,
 * refuses (naming every missing value and every schema or icon problem) or writes
 * `appPackage.<env>.zip` holding manifest.json, color.png and outline.png at its root.
 */
export async function buildAppPackage(options: BuildAppPackageOptions): Promise<BuiltAppPackage> {
  const { env, paths } = options;
  const { values, files } = readEnvValues(paths.envDir, env, options.overrides);
  const template = readFileSync(join(paths.appPackageDir, 'manifest.json'), 'utf8');
  const filled = fillPlaceholders(template, values);
  if (filled.unresolved.length) {
    const list = filled.unresolved.join(', ');
    const where = files.map((f) => relative(process.cwd(), f) || f).join(' and ');
    throw new AppPackageError(
      `Cannot package "${env}": no value for ${list}.\nSet ${filled.unresolved.length === 1 ? 'it' : 'them'} in ${where} (the Toolkit's provision writes most of them), or in the environment.`,
      filled.unresolved.map((name) => ({ where: `env ${env}`, message: `no value for ${name}` })),
      filled.unresolved,
    );
  }
  const manifest = JSON.parse(filled.text) as Record<string, unknown>;
  const iconFiles = Object.fromEntries(ICONS.map((name) => [name, readFileSync(join(paths.appPackageDir, name))]));
  const problems = validateAppPackage({ manifest, files: iconFiles });
  if (problems.length) throw new AppPackageError(`The "${env}" app package is not valid:\n${describeProblems(problems)}`, problems);

  const outDir = options.outDir ?? join(paths.appPackageDir, 'build');
  mkdirSync(outDir, { recursive: true });
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const manifestPath = join(outDir, `manifest.${env}.json`);
  writeFileSync(manifestPath, manifestText);
  const zipPath = join(outDir, `appPackage.${env}.zip`);
  const zip = new ZipFile();
  const entries = ['manifest.json', ...ICONS];
  zip.addBuffer(Buffer.from(manifestText), 'manifest.json', { mtime: ZIP_MTIME });
  for (const name of ICONS) zip.addBuffer(iconFiles[name]!, name, { mtime: ZIP_MTIME, compress: false });
  const out = createWriteStream(zipPath);
  zip.outputStream.pipe(out);
  zip.end();
  await once(out, 'close');
  return { zipPath, manifestPath, manifest, entries };
}
