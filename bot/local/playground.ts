import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PLAYGROUND_DIR } from './playground-config';

/**
 * Starts the Microsoft 365 Agents Playground beside the local host (it runs offline; no browser is
 * opened with TEAMSAPPTESTER_BROWSER=none). Its server is kept on 127.0.0.1 by a preloaded shim,
 * and its mock connector is addressed as 127.0.0.1 too. Returns undefined when it is not installed,
 * so `npm start` keeps working without it.
 */
export function startPlayground(options: {
  botEndpoint: string;
  port?: number;
  dir?: string;
  log?: (line: string) => void;
}): ChildProcess | undefined {
  const cli = join(__dirname, '..', '..', 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  if (!existsSync(cli)) return undefined;
  const port = options.port ?? 56150;
  const args = [
    '-r',
    join(__dirname, 'loopback-only.cjs'),
    cli,
    'start',
    '-e',
    options.botEndpoint,
    '-c',
    'msteams',
    '-p',
    String(port),
    '--su',
    `http://127.0.0.1:${port}/_connector`,
    '--disable-telemetry',
  ];
  const child = spawn(process.execPath, args, {
    cwd: options.dir ?? PLAYGROUND_DIR,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = options.log;
  if (log) {
    child.stdout?.on('data', (b: Buffer) => log(b.toString().trim()));
    child.stderr?.on('data', (b: Buffer) => log(b.toString().trim()));
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  child.on('error', () => undefined);
  return child;
}
