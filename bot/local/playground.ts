import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Folder holding `.m365agentsplayground.yml` (the demo trust's people as Playground users). */
export const PLAYGROUND_DIR = join(__dirname, '..', 'playground');

/**
 * Starts the Microsoft 365 Agents Playground beside the local host (it runs offline; no browser is
 * opened with TEAMSAPPTESTER_BROWSER=none). Returns undefined when it is not installed, so
 * `npm start` keeps working without it.
 */
export function startPlayground(options: { botEndpoint: string; port?: number; log?: (line: string) => void }): ChildProcess | undefined {
  const cli = join(__dirname, '..', '..', 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  if (!existsSync(cli)) return undefined;
  const child = spawn(process.execPath, [cli, 'start', '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port ?? 56150), '--disable-telemetry'], {
    cwd: PLAYGROUND_DIR,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = options.log;
  if (log) {
    child.stdout?.on('data', (b: Buffer) => log(b.toString().trim()));
    child.stderr?.on('data', (b: Buffer) => log(b.toString().trim()));
  }
  child.on('error', () => undefined);
  return child;
}
