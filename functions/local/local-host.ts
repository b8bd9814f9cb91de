import { correlationIdFrom } from '../observability/correlation';
import express, { type Express, type Request } from 'express';
import type { Logger } from 'pino';
import type { ApiRequest, ApiResponse } from '../api/api-types';
import { mountTab, type TabHosting } from './tab-hosting';

/** Headers arrive as string | string[]; the API wants one string each. */
function headersOf(req: Request): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function queryOf(req: Request): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * The local host: one Express app on :3978 serving `/health` and the JSON API; later issues mount
 * `/api/messages` (the bot) and `/tab` here too.
 */
export function createLocalHost(options: {
  api: (req: ApiRequest) => Promise<ApiResponse>;
  health: () => Promise<object>;
  logger: Logger;
  tab?: TabHosting;
  papersDir?: string;
  messages?: (req: Request, res: express.Response) => Promise<void>;
  /** A person's subscribable calendar (`.ics`), or undefined for someone unknown. */
  calendarFeed?: (personId: string) => Promise<string | undefined>;
}): Express {
  const app = express();
  app.disable('x-powered-by');
  // 6 MB: a 4 MB paper arrives base64-encoded in JSON.
  app.use(express.json({ limit: '6mb' }));
  // Local only: the papers folder the PaperFiles adapter writes, read-only and never listing directories.
  if (options.papersDir) app.use('/papers', express.static(options.papersDir, { index: false, dotfiles: 'deny' }));
  // A body that is not JSON gets a 400 that says so, rather than Express's HTML page.
  app.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (err && typeof err === 'object' && (err as { type?: string }).type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'INPUT.INVALID', message: 'The request body is not valid JSON', problems: [{ field: '', message: 'not valid JSON' }] } });
      return;
    }
    next(err);
  });
  app.get('/health', async (_req, res) => {
    res.json(await options.health());
  });
  if (options.tab) mountTab(app, options.tab);
  // Local only: a calendar app subscribes to /calendar/<person id>.ics (it cannot send our dev identity header).
  const calendarFeed = options.calendarFeed;
  if (calendarFeed) {
    app.get(/^\/calendar\/([^/]+)\.ics$/, async (req, res) => {
      const feed = await calendarFeed(decodeURIComponent(req.params[0] ?? ''));
      if (feed === undefined) return void res.status(404).type('text/plain').send('No such person');
      res.type('text/calendar; charset=utf-8').set('Cache-Control', 'no-cache').send(feed);
    });
  }
  const messages = options.messages;
  if (messages) app.post('/api/messages', (req, res, next) => void messages(req, res).catch(next));
  app.all(/^\/api\/(?!messages$).*/, async (req, res) => {
    const correlationId = correlationIdFrom(headersOf(req));
    const started = performance.now();
    const out = await options.api({ method: req.method, path: req.path, query: queryOf(req), headers: headersOf(req), body: req.body, correlationId });
    options.logger.info({ correlationId, method: req.method, path: req.path, status: out.status, ms: Math.round(performance.now() - started) }, 'api');
    res.status(out.status).set({ 'x-correlation-id': correlationId, ...(out.headers ?? {}) }).json(out.body);
  });
  return app;
}
