import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Azurite's well-known development account (public, documented; only ever valid against the emulator). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** The `UseDevelopmentStorage=true` account with an explicit table endpoint on loopback. */
export const azuriteTableConnectionString = (port: number): string =>
  `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`;

export interface RunningAzurite {
  port: number;
  connectionString: string;
  child: ChildProcess;
  /** Stops the emulator (SIGTERM, then SIGKILL after 3 s); resolves once it has exited. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export const freeLoopbackPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const isFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

type AzuriteService = 'table' | 'queue';

/** The `UseDevelopmentStorage=true` account with an explicit queue endpoint on loopback. */
export const azuriteQueueConnectionString = (port: number): string =>
  `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};QueueEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`;

/**
 * Starts one Azurite service on 127.0.0.1 (no telemetry, loose mode, any API version). Data is
 * kept in `location`, or in memory when none is given. Rejects (with Azurite's own output) when it
 * is not installed, exits early or is not listening within `timeoutMs`; the child is killed then.
 */
async function startAzuriteService(
  service: AzuriteService,
  options: { port?: number; location?: string; timeoutMs?: number },
): Promise<RunningAzurite> {
  const main = join(__dirname, '..', '..', 'node_modules', 'azurite', 'dist', 'src', service, 'main.js');
  if (!existsSync(main)) throw new Error(`azurite is not installed (node_modules/azurite, ${service} service)`);
  const port = options.port ?? (await freeLoopbackPort());
  if (options.port !== undefined && !(await isFree(port)))
    throw new Error(`port ${port} on 127.0.0.1 is already in use (another Azurite?)`);
  const args = [
    main,
    '--loose',
    '--skipApiVersionCheck',
    '--disableTelemetry',
    '--silent',
    `--${service}Host`,
    '127.0.0.1',
    `--${service}Port`,
    String(port),
  ];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else args.push('--inMemoryPersistence');
  const child = spawn(process.execPath, args, { cwd: options.location ?? process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const hard = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(hard);
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Azurite (${service}) did not start within ${options.timeoutMs ?? 15_000} ms: ${output.trim()}`)),
        options.timeoutMs ?? 15_000,
      );
      const onData = (b: Buffer) => {
        output = (output + b.toString()).slice(-4000);
        // The table service says "successfully started", the queue service "successfully listens".
        if (/successfully (started|listens)/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`Azurite (${service}) exited: ${output.trim() || `code ${child.exitCode}`}`));
      });
    });
  } catch (e) {
    await stop();
    throw e;
  }
  const connectionString = service === 'table' ? azuriteTableConnectionString(port) : azuriteQueueConnectionString(port);
  return { port, connectionString, child, stop };
}

/** Starts Azurite's table service on 127.0.0.1 (see `startAzuriteService`). */
export const startAzuriteTable = (options: { port?: number; location?: string; timeoutMs?: number } = {}): Promise<RunningAzurite> =>
  startAzuriteService('table', options);

/** Starts Azurite's queue service on 127.0.0.1 (see `startAzuriteService`). */
export const startAzuriteQueue = (options: { port?: number; location?: string; timeoutMs?: number } = {}): Promise<RunningAzurite> =>
  startAzuriteService('queue', options);

export interface RunningAzuriteStorage {
  table: RunningAzurite;
  queue: RunningAzurite;
  /** One connection string with both endpoints (what `AzureWebJobsStorage` holds in Azure). */
  connectionString: string;
  stop(): Promise<void>;
}

/**
 * Azurite's table and queue services side by side (two processes, as the `azurite-table` and
 * `azurite-queue` binaries run them), sharing `location` when given. Either failing stops both.
 */
export async function startAzuriteStorage(
  options: { tablePort?: number; queuePort?: number; location?: string; timeoutMs?: number } = {},
): Promise<RunningAzuriteStorage> {
  const common = {
    ...(options.location ? { location: options.location } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  };
  const [table, queue] = await Promise.allSettled([
    startAzuriteTable({ ...common, ...(options.tablePort !== undefined ? { port: options.tablePort } : {}) }),
    startAzuriteQueue({ ...common, ...(options.queuePort !== undefined ? { port: options.queuePort } : {}) }),
  ]);
  if (table.status === 'rejected' || queue.status === 'rejected') {
    if (table.status === 'fulfilled') await table.value.stop();
    if (queue.status === 'fulfilled') await queue.value.stop();
    throw table.status === 'rejected' ? table.reason : (queue as PromiseRejectedResult).reason;
  }
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://127.0.0.1:${table.value.port}/${DEV_ACCOUNT};QueueEndpoint=http://127.0.0.1:${queue.value.port}/${DEV_ACCOUNT};`;
  return {
    table: table.value,
    queue: queue.value,
    connectionString,
    stop: async () => void (await Promise.all([table.value.stop(), queue.value.stop()])),
  };
}
