/**
 * The Azure Functions app's entry (package.json "main", bundled by `npm run build:functions`):
 * registers every function of `defineFunctions` with the v4 programming model. Nothing else lives here.
 */
import { join } from 'node:path';
import { app } from '@azure/functions';
import { createAppLogger } from '../observability/app-logger';
import { defineFunctions } from './function-definitions';
import { createFunctionsRuntime } from './runtime';

const logger = createAppLogger(process.env.LOG_LEVEL ?? 'info');
// In the bundle this file is dist/functions/index.js and the tab is dist/tab.
const runtime = createFunctionsRuntime(process.env, { logger, tabDir: join(__dirname, '..', 'tab') });

for (const f of defineFunctions(runtime, logger)) {
  if (f.trigger === 'http') app.http(f.name, { ...f.options, handler: f.handler });
  else if (f.trigger === 'timer') app.timer(f.name, { ...f.options, handler: f.handler });
  else app.storageQueue(f.name, { ...f.options, handler: f.handler });
}
