import { join } from 'node:path';
import type { Logger } from 'pino';
import { loadConfig } from '../config/app-config';
import { composeProduction, type ProductionOverrides } from './compose-production';
import { createBackgroundJobs } from './background-jobs';
import type { FunctionsRuntime } from './function-definitions';
import { createTableSweepState } from './sweep-state';

/** Loaded only in local mode: production never loads the SQLite driver, which the deployed bundle leaves out. */
const loadLocalComposition = (): typeof import('./compose-local-functions') =>
  // A lazy require on purpose: the bundle must not load (or contain) the SQLite driver in production.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./compose-local-functions') as typeof import('./compose-local-functions');

/**
 * The app (production, or local mode under `func start`), built on first use by each Functions worker and then shared by every
 * invocation. A failed build (a missing setting, SharePoint unreachable) is not cached: the next
 * invocation tries again, and until then HTTP answers 503 and the failure is logged with its reason.
 */
export function createFunctionsRuntime(
  env: Record<string, string | undefined>,
  options: { logger: Logger; tabDir?: string; overrides?: ProductionOverrides },
): FunctionsRuntime {
  let built: ReturnType<FunctionsRuntime['app']> | undefined;
  const build: FunctionsRuntime['app'] = async () => {
    const config = loadConfig(env);
    const overrides = { logger: options.logger, ...options.overrides };
    // Local mode is `func start` on the embedded default; the test overrides apply to production only.
    const local = config.TRUST_MODE === 'local';
    const app = local
      ? await loadLocalComposition().composeLocalFunctions(config, {
          logger: options.logger,
          ...(overrides.clock ? { clock: overrides.clock } : {}),
        })
      : await composeProduction(config, overrides);
    const sweepState = await createTableSweepState(
      app.storage,
      local || overrides.allowInsecureStorage ? { allowInsecureConnection: true } : {},
    );
    const jobs = await createBackgroundJobs(app);
    return { ...app, jobs, sweepState };
  };
  return {
    app() {
      built ??= build().catch((e: unknown) => {
        built = undefined;
        throw e;
      });
      return built;
    },
    tabDir: options.tabDir ?? join(__dirname, '..', '..', 'tab', 'dist'),
  };
}
