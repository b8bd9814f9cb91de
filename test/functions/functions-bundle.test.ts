import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The deployable bundle (`npm run build:functions`, package.json "main") builds and loads in plain
 * Node: every import resolves without node_modules, and it registers each function with the v4
 * programming model (outside the Functions host the package says so instead of registering).
 */
test('the Functions bundle builds, loads and registers every function', () => {
  const out = mkdtempSync(join(tmpdir(), 'functions-bundle-'));
  try {
    execFileSync(process.execPath, ['functions/azure/build.mjs', '--out', out, '--no-tab'], {
      cwd: join(__dirname, '..', '..'),
      stdio: 'pipe',
    });
    const bundle = join(out, 'functions', 'index.js');
    expect(statSync(bundle).size).toBeGreaterThan(100_000);
    // Loaded from a folder with no node_modules beside it, as in the deployed package.
    const run = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(bundle)})`], {
      cwd: out,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: '' },
    });
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
    const registered = [...run.stderr.matchAll(/register function "([^"]+)"/g)].map((m) => m[1]);
    expect(registered).toEqual(['health', 'messages', 'api', 'tab', 'dailySweep', 'deliverySweep', 'deliverReminder', 'reminderPoison']);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
