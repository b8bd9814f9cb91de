import { correlationIdFrom } from '../observability/correlation';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { ApiRequest, ApiResponse } from '../api/api-types';
import { takesFileBody } from '../api/file-bodies';
import { hostErrorResponse, MAX_BODY_MB, MAX_FILE_BODY_MB, notFoundRoute, problem } from '../api/error-responses';
import { allowedHostNames, isAllowedHost, misdirected } from '../security/host-guard';
import { botSenderOf, limitedApi, tooManyRequests, type RateLimits } from '../security/rate-limits';
import { securityMiddleware } from '../security/security-headers';
import { clientAddress } from '../security/client-address';
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

/** An API answer on Express: JSON, or a file's bytes (a paper download, with the headers the API chose). */
export function sendApiResponse(res: Response, out: ApiResponse, extraHeaders: Record<string, string> = {}): void {
  res.status(out.status).set({ ...extraHeaders, ...(out.headers ?? {}) });
  if (out.body instanceof Uint8Array) res.send(Buffer.from(out.body.buffer, out.body.byteOffset, out.body.byteLength));
  else res.json(out.body);
}

/**
 * The local host: one Express app on loopback :3978 serving `/health`, the JSON API, the bot at
 * `/api/messages`, the tab at `/tab` and private calendar feeds. Every response carries the security
 * headers (functions/security/security-headers.ts), every failure is JSON in the API's problem shape,
 * and only requests naming this host are answered (DNS rebinding).
 */
export function createLocalHost(options: {
  api: (req: ApiRequest) => Promise<ApiResponse>;
  health: () => Promise<object>;
  logger: Logger;
  tab?: TabHosting;
  messages?: (req: Request, res: express.Response) => Promise<void>;
  /** The calendar a private feed token opens (`.ics`), or undefined for an unknown or reset token. */
  calendarFeed?: (token: string) => Promise<string | undefined>;
  /** Rate limits for the API, the feeds and the bot; none when absent (benchmarks). */
  limits?: RateLimits;
  /** Host names answered (`localhost`, `127.0.0.1`, and a configured tunnel's); loopback names when absent. */
  allowedHosts?: readonly string[];
}): Express {
  const app = express();
  app.disable('x-powered-by');
  const allowed = options.allowedHosts ?? allowedHostNames({});
  const headers = { production: false };
  const tabHeaders = securityMiddleware('tab', headers);
  const apiHeaders = securityMiddleware('api', headers);
  // The tab's pages and assets may be framed by Teams; everything else is never framed nor rendered.
  app.use((req, res, next) => (req.path === '/tab' || req.path.startsWith('/tab/') ? tabHeaders : apiHeaders)(req, res, next));
  app.use((req, res, next) => {
    if (isAllowedHost(req.headers.host, allowed)) return next();
    const refused = misdirected(req.headers.host);
    res.status(refused.status).json(refused.body);
  });
  // A paper sent as the file itself arrives as bytes (up to the trust's limit, checked by the use case); everything else is JSON.
  const fileBodies = express.raw({ type: 'application/octet-stream', limit: `${MAX_FILE_BODY_MB}mb` });
  app.use((req, res, next) => (takesFileBody(req.method, req.path) ? fileBodies(req, res, next) : next()));
  app.use(express.json({ limit: `${MAX_BODY_MB}mb` }));
  const limits = options.limits;
  const addressOf = (req: Request) => clientAddress(headersOf(req), req.socket.remoteAddress);

  app.get('/health', async (_req, res) => {
    res.json(await options.health());
  });
  if (options.tab) mountTab(app, options.tab);
  // A calendar app subscribes to /calendar/<token>.ics: it cannot send a header, so the private token is the key.
  const calendarFeed = options.calendarFeed;
  if (calendarFeed) {
    app.get(/^\/calendar\/([^/]+)\.ics$/, async (req, res) => {
      const allowedNow = await limits?.address(addressOf(req));
      if (allowedNow && !allowedNow.ok) return sendApiResponse(res, tooManyRequests(allowedNow));
      const feed = await calendarFeed(String(req.params[0] ?? ''));
      if (feed === undefined)
        return sendApiResponse(
          res,
          problem(404, 'FEED.NOT_FOUND', 'No calendar at this address: the link may have been reset. Copy the new one from My work.'),
        );
      res.type('text/calendar; charset=utf-8').set('Cache-Control', 'private, no-cache').send(feed);
    });
  }
  const messages = options.messages;
  if (messages) {
    app.post('/api/messages', async (req, res, next) => {
      const allowedNow = await limits?.bot(addressOf(req), botSenderOf(req.body));
      if (allowedNow && !allowedNow.ok) return sendApiResponse(res, tooManyRequests(allowedNow));
      messages(req, res).catch(next);
    });
  }
  const api = limits ? limitedApi(options.api, limits) : (req: ApiRequest) => options.api(req);
  app.all(/^\/api\/(?!messages$).*/, async (req, res) => {
    const correlationId = correlationIdFrom(headersOf(req));
    const started = performance.now();
    const out = await api(
      { method: req.method, path: req.path, query: queryOf(req), headers: headersOf(req), body: req.body, correlationId },
      addressOf(req),
    );
    options.logger.info(
      { correlationId, method: req.method, path: req.path, status: out.status, ms: Math.round(performance.now() - started) },
      'api',
    );
    sendApiResponse(res, out, { 'x-correlation-id': correlationId });
  });
  // Anything else is a JSON 404, not Express's HTML page.
  app.use((req, res) => sendApiResponse(res, notFoundRoute(req.method, req.path)));
  // Every failure (a body too large, a bad encoding or gzip, bad JSON, a missing asset, a bug) as JSON, never a stack trace.

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const correlationId = correlationIdFrom(headersOf(req));
    const out = hostErrorResponse(err, req.path, correlationId);
    if (out.status >= 500) options.logger.error({ err, correlationId, path: req.path }, 'local host request failed');
    if (res.headersSent) return void res.end();
    sendApiResponse(res, out, { 'x-correlation-id': correlationId });
  });
  return app;
}
