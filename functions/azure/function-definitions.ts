import { inBackground } from '../../core/adapters/graph/patience';
import type { HttpRequest, HttpResponseInit, InvocationContext, Timer } from '@azure/functions';
import type { Logger } from 'pino';
import { isDailySweepDue, sweepDateOf, SWEEP_TIMER_SCHEDULE } from '../../core/domain/daily-sweep';
import { correlationIdFrom, isSafeCorrelationId } from '../observability/correlation';
import { invocationLogger } from '../observability/app-logger';
import { apiRequestFrom, botBody, botExchange, httpResponseFrom } from './http-bridge';
import type { FunctionsApp } from './compose-production';
import { tabFileResponse } from './tab-files';
import { allowedHostNames, isAllowedHost, misdirected } from '../security/host-guard';
import {
  botSenderOf,
  createRateLimits,
  limitedApi,
  rateLimitSettingsFrom,
  tooManyRequests,
  type RateLimits,
} from '../security/rate-limits';
import { clientAddress } from '../security/client-address';
import { withSecurityHeaders, type SecurityHeaderOptions } from '../security/security-headers';
import type { ApiResponse } from '../api/api-types';
import type { SweepState } from './sweep-state';

/** The background work the timers and the queue trigger run; the same functions run locally on `npm start`. */
export interface BackgroundJobs {
  /** Every reminder due today onto the reminder queue (idempotent per reminder). */
  fanOutReminders(ctx: JobContext): Promise<Record<string, number>>;
  /** The year's meetings reconciled with the organiser's Outlook calendar. */
  syncCalendar(ctx: JobContext): Promise<Record<string, number>>;
  /** One queued reminder delivered; throws when the runtime should redeliver it. */
  deliverReminder(message: unknown, ctx: JobContext & { dequeueCount: number }): Promise<string>;
  /** A message the runtime gave up on: recorded for the trust admin, never silently dropped. */
  recordPoisoned(message: unknown, ctx: JobContext): Promise<void>;
  /** The frequent sweep: deliveries left half-done (a crashed instance, a lease run out) go back on the queue. */
  deliverySweep(ctx: JobContext): Promise<Record<string, number>>;
  /** The term's board pack into the board's papers folder when it is due (once a term); run by the daily sweep. */
  generateDueBoardPack?(ctx: JobContext): Promise<Record<string, number>>;
}

export interface JobContext {
  correlationId: string;
  logger: Logger;
  now: Date;
}

/** The app with its background jobs and sweep state, as the functions see it. */
export type RunningApp = FunctionsApp & { jobs: BackgroundJobs; sweepState: SweepState };

/** The app, built lazily once per worker. */
export interface FunctionsRuntime {
  app(): Promise<RunningApp>;
  tabDir: string;
}

type HttpHandler = (req: HttpRequest, ctx: InvocationContext) => Promise<HttpResponseInit>;
type TimerHandler = (timer: Timer, ctx: InvocationContext) => Promise<void>;
type QueueHandler = (message: unknown, ctx: InvocationContext) => Promise<void>;

export type FunctionDefinition =
  | {
      name: string;
      trigger: 'http';
      options: { route: string; methods: ('GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE')[]; authLevel: 'anonymous' };
      handler: HttpHandler;
    }
  | { name: string; trigger: 'timer'; options: { schedule: string; runOnStartup: false; useMonitor: true }; handler: TimerHandler }
  | { name: string; trigger: 'queue'; options: { queueName: string; connection: string }; handler: QueueHandler };

/** Every 5 minutes: a delivery whose instance died mid-way waits at most this long before it is retried. */
export const DELIVERY_SWEEP_SCHEDULE = '0 */5 * * * *';
export const DAILY_SWEEP = 'daily-reminders';

/** Before the configuration is read (the app did not start), assume production: HSTS over plain http is ignored anyway (RFC 6797 §8.1). */
const UNKNOWN_MODE: SecurityHeaderOptions = { production: true };
const securityOf = (app: RunningApp): SecurityHeaderOptions => ({ production: app.config.TRUST_MODE === 'production' });

const unavailable = (correlationId: string): HttpResponseInit => ({
  status: 503,
  jsonBody: {
    error: {
      code: 'APP.UNAVAILABLE',
      message: 'The app is starting or misconfigured; the trust IT admin can see why in Application Insights',
      correlationId,
    },
  },
  headers: withSecurityHeaders('api', UNKNOWN_MODE, { 'x-correlation-id': correlationId, 'retry-after': '30' }),
});

const headerRecord = (req: HttpRequest): Record<string, string | undefined> => {
  const out: Record<string, string | undefined> = {};
  req.headers.forEach((value, key) => (out[key.toLowerCase()] = value));
  return out;
};

/**
 * The Azure Functions of the app, thin: each turns its trigger into a call of the same handler the
 * local host uses (the API, the bot, the sweeps) and logs one structured line with the correlation id.
 * `index.ts` registers them; tests call them with real `HttpRequest` objects.
 */
export function defineFunctions(runtime: FunctionsRuntime, baseLogger: Logger): FunctionDefinition[] {
  const logFor = (ctx: InvocationContext, correlationId: string) =>
    invocationLogger(baseLogger, { functionName: ctx.functionName, invocationId: ctx.invocationId, correlationId });

  /** The rate limits of this worker, in its memory (the README says what that means with several instances). */
  let limits: RateLimits | undefined;
  const limitsOf = (app: RunningApp): RateLimits => (limits ??= createRateLimits(rateLimitSettingsFrom(app.config)));

  /**
   * Builds the app, or answers 503 (and logs why) when it cannot be built: a bad setting names itself
   * in the log. In local mode (`func start`, with the dev identity) only requests naming localhost are
   * answered, as on the local host (DNS rebinding).
   */
  const withApp = async (
    ctx: InvocationContext,
    correlationId: string,
    req: HttpRequest,
    run: (app: RunningApp, log: Logger) => Promise<HttpResponseInit>,
  ): Promise<HttpResponseInit> => {
    const log = logFor(ctx, correlationId);
    let app;
    try {
      app = await runtime.app();
    } catch (e) {
      log.error({ err: e }, 'the app could not start');
      return unavailable(correlationId);
    }
    if (app.config.TRUST_MODE === 'local') {
      const host = req.headers.get('host') ?? new URL(req.url).host;
      if (!isAllowedHost(host, allowedHostNames(app.config))) {
        const refused = misdirected(host);
        return { status: refused.status, jsonBody: refused.body, headers: withSecurityHeaders('api', securityOf(app)) };
      }
    }
    return run(app, log);
  };

  const api: HttpHandler = async (req, ctx) => {
    const correlationId = correlationIdFrom(req.headers, () => ctx.invocationId);
    return withApp(ctx, correlationId, req, async (app, log) => {
      const started = performance.now();
      const parsed = await apiRequestFrom(req, correlationId);
      const address = clientAddress(headerRecord(req));
      const out: ApiResponse = parsed.ok ? await limitedApi((r) => app.api(r), limitsOf(app))(parsed.request, address) : parsed.response;
      log.info(
        { method: req.method, path: new URL(req.url).pathname, status: out.status, ms: Math.round(performance.now() - started) },
        'api',
      );
      return httpResponseFrom(out, correlationId, securityOf(app));
    });
  };

  const messages: HttpHandler = async (req, ctx) => {
    const correlationId = correlationIdFrom(req.headers, () => ctx.invocationId);
    return withApp(ctx, correlationId, req, async (app, log) => {
      const body = await botBody(req);
      const allowed = await limitsOf(app).bot(clientAddress(headerRecord(req)), body.ok ? botSenderOf(body.value) : undefined);
      if (!allowed.ok) return httpResponseFrom(tooManyRequests(allowed), correlationId, securityOf(app));
      const out = await botExchange((q, s) => app.messages(q, s), req, securityOf(app), body);
      log.info({ status: out.status }, 'bot activity');
      return out;
    });
  };

  const health: HttpHandler = async (req, ctx) => {
    const correlationId = correlationIdFrom(req.headers, () => ctx.invocationId);
    return withApp(ctx, correlationId, req, async (app) => {
      return {
        status: 200,
        jsonBody: {
          status: 'ok',
          store: app.config.TRUST_STORE,
          trust: await app.services.health(),
          time: app.services.clock.now().toISOString(),
        },
        headers: withSecurityHeaders('api', securityOf(app)),
      };
    });
  };

  // The tab is served even when the app cannot start (it then shows the API's 503), with the tab's headers.
  const tab: HttpHandler = async (req) => {
    const app = await runtime.app().catch(() => undefined);
    if (app?.config.TRUST_MODE === 'local') {
      const host = req.headers.get('host') ?? new URL(req.url).host;
      if (!isAllowedHost(host, allowedHostNames(app.config))) {
        const refused = misdirected(host);
        return { status: refused.status, jsonBody: refused.body, headers: withSecurityHeaders('api', securityOf(app)) };
      }
    }
    return tabFileResponse(runtime.tabDir, new URL(req.url).pathname, app ? securityOf(app) : UNKNOWN_MODE);
  };

  /** Runs a background job with its own correlation id; a failure is logged and rethrown so the runtime records it. */
  const job = async <T>(
    ctx: InvocationContext,
    name: string,
    run: (app: RunningApp, jc: JobContext) => Promise<T>,
    correlationId = ctx.invocationId,
  ): Promise<T> => {
    const log = logFor(ctx, correlationId);
    try {
      const app = await runtime.app();
      // Timers and queue work wait out SharePoint's throttling as long as Graph asks (its Retry-After
      // runs to minutes); only a person's request fails fast.
      return await inBackground(() => run(app, { correlationId, logger: log, now: app.services.clock.now() }));
    } catch (e) {
      log.error({ err: e }, `${name} failed`);
      throw e;
    }
  };

  const dailySweep: TimerHandler = async (_timer, ctx) =>
    job(ctx, 'daily sweep', async (app, jc) => {
      const at = app.config.REMINDER_SWEEP_AT;
      const last = await app.sweepState.lastCompleted(DAILY_SWEEP);
      if (!isDailySweepDue(jc.now, at, last)) return;
      const reminders = await app.jobs.fanOutReminders(jc);
      const calendar = await app.jobs.syncCalendar(jc);
      // A pack that cannot be drawn up today is tried again tomorrow; it never holds up the reminders.
      const boardPack = await app.jobs.generateDueBoardPack?.(jc).catch((e: unknown) => {
        jc.logger.warn({ err: e }, 'the board pack could not be generated; tomorrow’s sweep tries again');
        return { generated: 0 };
      });
      await app.sweepState.markCompleted(DAILY_SWEEP, sweepDateOf(jc.now));
      jc.logger.info({ reminders, calendar, boardPack, date: sweepDateOf(jc.now) }, 'daily sweep done');
    });

  const deliverySweep: TimerHandler = async (_timer, ctx) =>
    job(ctx, 'delivery sweep', async (app, jc) => {
      const counts = await app.jobs.deliverySweep(jc);
      if (Object.values(counts).some((n) => n > 0)) jc.logger.info({ counts }, 'delivery sweep');
    });

  const messageCorrelation = (message: unknown, ctx: InvocationContext): string => {
    const id = typeof message === 'object' && message !== null ? (message as { correlationId?: unknown }).correlationId : undefined;
    return isSafeCorrelationId(id) ? id : ctx.invocationId;
  };

  const deliver: QueueHandler = async (message, ctx) => {
    const dequeueCount = Number((ctx.triggerMetadata as { dequeueCount?: unknown } | undefined)?.dequeueCount ?? 1);
    await job(
      ctx,
      'reminder delivery',
      async (app, jc) => {
        const outcome = await app.jobs.deliverReminder(message, { ...jc, dequeueCount });
        jc.logger.info({ outcome, dequeueCount }, 'reminder delivery');
      },
      messageCorrelation(message, ctx),
    );
  };

  const poisoned: QueueHandler = async (message, ctx) =>
    job(
      ctx,
      'poison record',
      async (app, jc) => {
        await app.jobs.recordPoisoned(message, jc);
        jc.logger.warn({}, 'reminder delivery gave up; recorded for the trust admin');
      },
      messageCorrelation(message, ctx),
    );

  return [
    { name: 'health', trigger: 'http', options: { route: 'health', methods: ['GET'], authLevel: 'anonymous' }, handler: health },
    // The bot authenticates itself: the Bot Framework token is checked by botbuilder.
    { name: 'messages', trigger: 'http', options: { route: 'api/messages', methods: ['POST'], authLevel: 'anonymous' }, handler: messages },
    // Anonymous at the gateway; every route checks the Teams SSO token itself.
    {
      name: 'api',
      trigger: 'http',
      options: { route: 'api/{*path}', methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], authLevel: 'anonymous' },
      handler: api,
    },
    { name: 'tab', trigger: 'http', options: { route: 'tab/{*path}', methods: ['GET'], authLevel: 'anonymous' }, handler: tab },
    {
      name: 'dailySweep',
      trigger: 'timer',
      options: { schedule: SWEEP_TIMER_SCHEDULE, runOnStartup: false, useMonitor: true },
      handler: dailySweep,
    },
    {
      name: 'deliverySweep',
      trigger: 'timer',
      options: { schedule: DELIVERY_SWEEP_SCHEDULE, runOnStartup: false, useMonitor: true },
      handler: deliverySweep,
    },
    {
      name: 'deliverReminder',
      trigger: 'queue',
      options: { queueName: '%REMINDER_QUEUE%', connection: 'AzureWebJobsStorage' },
      handler: deliver,
    },
    {
      name: 'reminderPoison',
      trigger: 'queue',
      options: { queueName: '%REMINDER_QUEUE%-poison', connection: 'AzureWebJobsStorage' },
      handler: poisoned,
    },
  ];
}
