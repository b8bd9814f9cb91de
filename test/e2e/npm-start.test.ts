import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

describe('npm start', () => {
  let child: ChildProcess | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'trust-start-'));
  // Waits for npm start to stop (it stops Azurite and the Playground first), so nothing outlives the test.
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      const hard = setTimeout(() => child?.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(hard);
    }
    rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it('seeds the demo trust into a fresh SQLite file and answers /health within a minute', async () => {
    const [port, tablePort, queuePort] = [await freePort(), await freePort(), await freePort()];
    const started = Date.now();
    child = spawn(process.execPath, [require.resolve('tsx/cli'), 'functions/local/start.ts'], {
      cwd: join(__dirname, '..', '..'),
      env: {
        ...process.env,
        PORT: String(port),
        TRUST_DB: join(dir, 'trust.db'),
        LOG_LEVEL: 'warn',
        AZURITE_TABLE_PORT: String(tablePort),
        AZURITE_QUEUE_PORT: String(queuePort),
        PLAYGROUND: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
    let health: { status?: string; trust?: string } | undefined;
    while (Date.now() - started < 60_000 && !health) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        if (res.ok) health = (await res.json()) as typeof health;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    expect(health).toMatchObject({ status: 'ok', trust: 'Meadowbank Learning Trust' });
    expect(output).toContain(`http://localhost:${port}/health`);
    const dashboard = await fetch(`http://127.0.0.1:${port}/api/dashboard?as=ceo`);
    expect(((await dashboard.json()) as { academies: unknown[] }).academies).toHaveLength(12);
  }, 90_000);
});
