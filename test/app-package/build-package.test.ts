import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildAppPackage, isAppPackageError, type AppPackageError } from '../../appPackage/app-package';
import { readZip } from './read-zip';
import { SAMPLE_VALUES, sampleEnvFile } from './sample-values';

const ROOT = join(__dirname, '..', '..');
const appPackageDir = join(ROOT, 'appPackage');
let work: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'app-package-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const writeEnv = (name: string, text: string) => writeFileSync(join(work, name), text);
const build = (env: string, overrides: Record<string, string | undefined> = {}) =>
  buildAppPackage({ env, paths: { appPackageDir, envDir: work }, outDir: join(work, 'build'), overrides });

async function refusal(promise: Promise<unknown>): Promise<AppPackageError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isAppPackageError(e)) throw new Error(`expected the package to be refused, got ${String(e)}`);
  return e;
}

describe('npm run package', () => {
  it('writes appPackage.<env>.zip holding exactly manifest.json, color.png and outline.png, every placeholder filled', async () => {
    writeEnv('.env.test', sampleEnvFile());
    const built = await build('test');
    expect(built.zipPath).toBe(join(work, 'build', 'appPackage.test.zip'));
    const entries = readZip(readFileSync(built.zipPath));
    expect([...entries.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifestText = entries.get('manifest.json')!.toString('utf8');
    expect(manifestText).not.toMatch(/\$\{\{/);
    const manifest = JSON.parse(manifestText) as {
      id: string;
      name: { short: string };
      bots: { botId: string }[];
      webApplicationInfo: { resource: string };
    };
    expect(manifest.id).toBe(SAMPLE_VALUES.TEAMS_APP_ID);
    expect(manifest.name.short).toBe('School improvement (dev)');
    expect(manifest.bots[0]!.botId).toBe(SAMPLE_VALUES.BOT_ID);
    expect(manifest.webApplicationInfo.resource).toBe(`api://${SAMPLE_VALUES.FUNCTION_APP_DOMAIN}/${SAMPLE_VALUES.AAD_APP_CLIENT_ID}`);
    expect(entries.get('color.png')!.equals(readFileSync(join(appPackageDir, 'color.png')))).toBe(true);
    expect(entries.get('outline.png')!.equals(readFileSync(join(appPackageDir, 'outline.png')))).toBe(true);
  });

  it('is the same zip, byte for byte, when built twice from the same values', async () => {
    writeEnv('.env.test', sampleEnvFile());
    const first = readFileSync((await build('test')).zipPath);
    const second = readFileSync((await build('test')).zipPath);
    expect(second.equals(first)).toBe(true);
  });

  it('refuses when values are missing, naming every one of them and where to set them', async () => {
    const { BOT_ID: _bot, FUNCTION_APP_DOMAIN: _domain, ...rest } = SAMPLE_VALUES;
    writeEnv('.env.test', `${sampleEnvFile(rest)}BOT_ID=\n`);
    const e = await refusal(build('test'));
    expect(e.unresolved).toEqual(['BOT_ID', 'FUNCTION_APP_DOMAIN']);
    expect(e.message).toMatch(/^Cannot package "test": no value for BOT_ID, FUNCTION_APP_DOMAIN\./);
    expect(e.message).toContain('.env.test');
  });

  it('takes secrets and personal values from .env.<env>.user, and the shell’s values over both', async () => {
    const { AAD_APP_CLIENT_ID: _id, ...rest } = SAMPLE_VALUES;
    writeEnv('.env.test', sampleEnvFile({ ...rest, DEVELOPER_NAME: 'From the env file' }));
    writeEnv('.env.test.user', `AAD_APP_CLIENT_ID=${SAMPLE_VALUES.AAD_APP_CLIENT_ID}\nDEVELOPER_NAME=From the user file\n`);
    const built = await build('test', { DEVELOPER_NAME: 'From the shell', BOT_ID: '' });
    const manifest = built.manifest as { developer: { name: string }; webApplicationInfo: { id: string }; bots: { botId: string }[] };
    expect(manifest.developer.name).toBe('From the shell');
    expect(manifest.webApplicationInfo.id).toBe(SAMPLE_VALUES.AAD_APP_CLIENT_ID);
    expect(manifest.bots[0]!.botId).toBe(SAMPLE_VALUES.BOT_ID); // an empty shell variable blanks nothing
  });

  it('refuses a package the official schema refuses, with the field named', async () => {
    writeEnv('.env.test', sampleEnvFile({ ...SAMPLE_VALUES, BOT_ID: 'not-a-guid' }));
    const e = await refusal(build('test'));
    expect(e.message).toContain('The "test" app package is not valid:');
    expect(e.problems).toContainEqual({ where: 'manifest.json /bots/0/botId', message: expect.stringContaining('must match pattern') });
  });

  it('refuses a value that would break a limit Teams sets (developer name over 32 characters)', async () => {
    writeEnv('.env.test', sampleEnvFile({ ...SAMPLE_VALUES, DEVELOPER_NAME: 'The Meadowbank and District Learning Trust' }));
    const e = await refusal(build('test'));
    expect(e.problems).toEqual([{ where: 'manifest.json /developer/name', message: 'must NOT have more than 32 characters' }]);
  });

  it('names an environment that has no file', async () => {
    await expect(build('staging')).rejects.toThrow(/There is no .*\.env\.staging/);
  });

  it('runs from the command line: exit 0 with the zip, exit 1 naming what is missing', async () => {
    const run = (env: string) =>
      promisify(execFile)(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
          join(appPackageDir, 'build-package.ts'),
          '--env',
          env,
          '--env-dir',
          work,
          '--out-dir',
          join(work, 'out'),
        ],
        { cwd: ROOT },
      ).then(
        (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
      );
    writeEnv('.env.good', sampleEnvFile());
    writeEnv('.env.bad', sampleEnvFile({ ...SAMPLE_VALUES, TEAMS_APP_ID: '' }));
    const [good, bad] = await Promise.all([run('good'), run('bad')]);
    expect(good).toMatchObject({ code: 0, out: expect.stringContaining('appPackage.good.zip (manifest.json, color.png, outline.png)') });
    expect(readZip(readFileSync(join(work, 'out', 'appPackage.good.zip'))).size).toBe(3);
    expect(bad).toMatchObject({ code: 1, err: expect.stringContaining('no value for TEAMS_APP_ID') });
  }, 60_000);
});
