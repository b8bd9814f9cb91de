import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { routeBatch } from './batch-route';
import { routeTeamwork, type TeamworkState } from './teamwork-routes';
import { routeEvents, type CancellationNotice, type EventRouteOptions, type EventsState } from './event-routes';
import { routeDrives } from './drive-routes';
import { graphError, notFound, type RouteResponse } from './graph-errors';
import { GraphState } from './graph-state';
import { NO_FAULTS, pickFault, seededRandom, type FaultOptions } from './faults';
import { routeSites, type RouteRequest } from './list-routes';
import { ResourceBudget, resourceUnitsOf } from './resource-units';
import { routeUploadSession, type UploadSessions } from './upload-sessions';
import { testCertificate } from './test-certificate';

export interface GraphServerOptions {
  faults?: Partial<FaultOptions>;
  /** Items per page at most (default 200). */
  maxPageSize?: number;
  /** Seeds faults, empty pages and batch response order. */
  seed?: number;
  /** Sites to create at start, as `hostname` + server-relative path. */
  sites?: { hostname: string; path: string }[];
  /** How a POST repeating an event's `transactionId` is answered (see event-routes.ts); default `error`. */
  repeatedTransaction?: EventRouteOptions['repeatedTransaction'];
  /** Outlook's concurrent requests per app per mailbox (throttling-limits.md): 4. */
  mailboxConcurrency?: number;
  /** Resource units the app may spend a minute (SharePoint: 1,200 to 6,000); past it, 429 with Retry-After. Unlimited by default. */
  resourceUnitsPerMinute?: number;
  /** The server's clock for the unit budget (a test's virtual clock); `Date.now` by default. */
  now?: () => number;
  /** SharePoint's list view threshold for filtered queries (default 5,000). */
  listViewThreshold?: number;
  /** How a clash on a unique column is answered: 409, or 500 as SharePoint REST does (pnp/pnpcore#1280). Default 409. */
  uniqueClashStatus?: 409 | 500;
  /** Every request must carry `Authorization: Bearer …` (default true), as Graph's does. */
  requireToken?: boolean;
  /** How long an upload session lives without a fragment (Graph renews it on each); 1 hour unless given. */
  uploadSessionMs?: number;
  /** Serve over HTTPS with a certificate made now (the SDK follows only https:// links); `ca` then holds it. */
  https?: boolean;
  /** The largest simple upload (PUT …/content); Graph's is 250 MB (driveitem-put-content.md). */
  simpleUploadLimitBytes?: number;
}

export interface GraphCall {
  method: string;
  path: string;
  status: number;
  inBatch: boolean;
  /** Resource units it cost (0 outside SharePoint, and for a request refused for the budget). */
  units: number;
}

/** A running Graph-compatible server on 127.0.0.1 (test code only). */
export interface GraphServer {
  /** Service root with version, e.g. `http://127.0.0.1:40123/v1.0`. */
  baseUrl: string;
  state: GraphState;
  /** Change faults while running (e.g. on for one phase of a test). */
  faults: FaultOptions;
  /** Every request answered, batch members included, in order. */
  calls: GraphCall[];
  /** HTTP requests received (a `$batch` is one); the most event requests one mailbox had at once, and how many of those were refused for it. */
  stats: GraphServerStats;
  /** Events per mailbox, as Outlook holds them. */
  events: EventsState;
  /** Every cancellation an organiser sent to attendees. */
  notices: CancellationNotice[];
  /** The certificate to trust when serving over HTTPS. */
  ca?: string;
  close(): Promise<void>;
}

export interface GraphServerStats {
  httpRequests: number;
  maxInFlight: number;
  /** `$batch` requests received. */
  batches: number;
  /** Peak of event requests one mailbox had in flight at once (the refused one included). */
  mailboxPeak: number;
  /** Event requests refused with 429 MailboxConcurrency. */
  mailboxThrottled: number;
  /** SharePoint resource units spent, and requests refused because the minute's budget was spent. */
  resourceUnits: number;
  budgetThrottled: number;
  /** Requests refused for want of a bearer token, and requests without the ISV User-Agent. */
  unauthorised: number;
  undecorated: number;
  /** `$batch`es refused for mixing parallel and sequential requests. */
  badLayouts: number;
}

/** Starts the server on a free port; `close()` stops it. */
export async function startGraphServer(options: GraphServerOptions = {}): Promise<GraphServer> {
  const state = new GraphState();
  const teamwork: TeamworkState = new Map();
  const events: EventsState = new Map();
  for (const s of options.sites ?? [{ hostname: 'contoso.sharepoint.com', path: '/sites/improvement' }]) state.addSite(s.hostname, s.path);
  const random = seededRandom(options.seed ?? 42);
  const faults: FaultOptions = { ...NO_FAULTS, ...options.faults };
  const calls: GraphCall[] = [];
  const stats: GraphServerStats = {
    httpRequests: 0,
    maxInFlight: 0,
    batches: 0,
    mailboxPeak: 0,
    mailboxThrottled: 0,
    resourceUnits: 0,
    budgetThrottled: 0,
    unauthorised: 0,
    undecorated: 0,
    badLayouts: 0,
  };
  const clock = options.now ?? (() => Date.now());
  const budget = new ResourceBudget(options.resourceUnitsPerMinute ?? Infinity, clock);
  const uploads: UploadSessions = new Map();
  const notices: CancellationNotice[] = [];
  const eventOptions: EventRouteOptions = { notices, repeatedTransaction: options.repeatedTransaction ?? 'error' };
  const mailboxLimit = options.mailboxConcurrency ?? 4;
  const mailboxInFlight = new Map<string, number>();
  let inFlight = 0;
  let root = '';
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
    }
    return xs;
  };
  const listOptions = {
    maxPageSize: options.maxPageSize ?? 200,
    emptyPageRate: () => faults.emptyPageRate > 0 && random() < faults.emptyPageRate,
    listViewThreshold: options.listViewThreshold ?? 5000,
    uniqueClashStatus: options.uniqueClashStatus ?? 409,
  };
  const simpleUploadLimit = options.simpleUploadLimitBytes ?? 250 * 1024 * 1024;

  const dispatch = async (
    method: string,
    pathAndQuery: string,
    headers: Record<string, string>,
    body: unknown,
    inBatch: boolean,
  ): Promise<RouteResponse> => {
    const [rawPath = '', search = ''] = pathAndQuery.split('?', 2) as [string, string?];
    const path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
    const req: RouteRequest = {
      method,
      segments: path
        .split('/')
        .slice(1)
        .map((s) => decodeURIComponent(s)),
      query: new URLSearchParams(search),
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
      body,
      root,
      rawPath: path,
    };
    let res: RouteResponse;
    const units = resourceUnitsOf(method, req.segments, req.query);
    const spent = budget.spend(units);
    if (!spent.ok) {
      stats.budgetThrottled++;
      res = graphError(429, 'activityLimitReached', "The app has used this minute's resource units.", {
        'Retry-After': String(spent.retryAfterSeconds),
        ...budget.headers(),
      });
      calls.push({ method, path, status: res.status, inBatch, units: 0 });
      return res;
    }
    stats.resourceUnits = budget.total;
    if (req.segments[0] === 'sites') res = routeSites(state, req, listOptions);
    else if (req.segments[0] === 'drives')
      res = routeDrives(state, req, {
        simpleUploadLimit,
        uploads,
        uploadRoot: `${root.replace(/\/v1\.0$/, '')}/upload`,
        now: clock,
        ...(options.uploadSessionMs ? { uploadSessionMs: options.uploadSessionMs } : {}),
      });
    else if (req.segments[0] === 'users')
      res =
        req.segments[2] === 'events'
          ? await inMailbox(req.segments[1] ?? '', () => routeEvents(events, req, eventOptions))
          : routeTeamwork(teamwork, req);
    else if (req.segments[0] === '$batch' && method === 'POST' && !inBatch) {
      stats.batches++;
      res = await routeBatch(body, (m, url, h, b) => subRequest(m, url, h, b), shuffle);
      if (res.status === 400 && /fully sequential or fully parallel/.test(JSON.stringify(res.body))) stats.badLayouts++;
    } else res = notFound('resource');
    if (units > 0) res = { ...res, headers: { ...(res.headers ?? {}), ...budget.headers() } };
    calls.push({ method, path, status: res.status, inBatch, units });
    return res;
  };

  /**
   * Outlook allows an app 4 concurrent requests per mailbox, batch members included; the 5th is
   * refused with 429 ApplicationThrottled / MailboxConcurrency (observed). Each request holds its
   * place for `latencyMs` (at least one turn of the event loop), so overlapping requests overlap here.
   */
  const inMailbox = async (mailbox: string, run: () => RouteResponse): Promise<RouteResponse> => {
    const now = (mailboxInFlight.get(mailbox) ?? 0) + 1;
    mailboxInFlight.set(mailbox, now);
    stats.mailboxPeak = Math.max(stats.mailboxPeak, now);
    try {
      if (now > mailboxLimit) {
        stats.mailboxThrottled++;
        return graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', {
          'Retry-After': String(faults.retryAfterSeconds),
        });
      }
      await new Promise((r) => setTimeout(r, faults.latencyMs));
      return run();
    } finally {
      mailboxInFlight.set(mailbox, (mailboxInFlight.get(mailbox) ?? 1) - 1);
    }
  };

  const throttled = (kind: '429' | '503'): RouteResponse =>
    kind === '429'
      ? graphError(429, 'activityLimitReached', 'The request has been throttled', { 'Retry-After': String(faults.retryAfterSeconds) })
      : graphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable', {
          'Retry-After': String(faults.retryAfterSeconds),
        });

  // Each request in a batch is throttled on its own (concepts/throttling.md).
  const subRequest = (
    method: string,
    url: string,
    headers: Record<string, string>,
    body: unknown,
  ): RouteResponse | Promise<RouteResponse> => {
    const fault = pickFault(faults, method, random, true);
    if (fault === '429' || fault === '503') {
      const res = throttled(fault);
      calls.push({ method, path: url.split('?')[0] ?? url, status: res.status, inBatch: true, units: 0 });
      return res;
    }
    return dispatch(method, url, headers, body, true);
  };

  const onRequest = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    void handle(incoming, outgoing).catch((e: unknown) => {
      outgoing.statusCode = 500;
      outgoing.end(JSON.stringify({ error: { code: 'generalException', message: String(e) } }));
    });
  };
  const certificate = options.https ? testCertificate() : undefined;
  const server: Server = certificate
    ? createTlsServer({ key: certificate.key, cert: certificate.cert }, onRequest)
    : createServer(onRequest);

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    stats.httpRequests++;
    inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    try {
      const chunks: Buffer[] = [];
      for await (const c of incoming) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks);
      const isJson = (incoming.headers['content-type'] ?? '').includes('json');
      const body = raw.length === 0 ? undefined : isJson ? JSON.parse(raw.toString('utf8')) : raw;
      if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
      const url = incoming.url ?? '/';
      const method = incoming.method ?? 'GET';
      const authorization = incoming.headers.authorization ?? '';
      // An upload session's URL is pre-authenticated: Graph asks for no Authorization header on it (driveitem-createuploadsession.md).
      if (url.startsWith('/upload/')) {
        if (authorization)
          return send(outgoing, graphError(401, 'unauthenticated', 'Do not send an Authorization header to an upload URL.'));
        const res = routeUploadSession(state, uploads, url.slice('/upload/'.length), method, incoming.headers, body, root, clock);
        calls.push({ method, path: '/upload', status: res.status, inBatch: false, units: 0 });
        return send(outgoing, res);
      }
      if (!url.startsWith('/v1.0/')) return send(outgoing, notFound('version'));
      if (!/^ISV\|[^|]+\|[^/|]+\/\S+$/.test(incoming.headers['user-agent'] ?? '')) stats.undecorated++;
      if ((options.requireToken ?? true) && !/^Bearer \S+$/.test(authorization)) {
        stats.unauthorised++;
        return send(outgoing, graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.'));
      }
      const fault = pickFault(faults, method, random, false);
      if (fault === '429' || fault === '503') {
        const res = throttled(fault);
        calls.push({ method, path: url.slice('/v1.0'.length).split('?')[0] ?? url, status: res.status, inBatch: false, units: 0 });
        return send(outgoing, res);
      }
      // No answer at all: the request never arrived, as far as the client can tell.
      if (fault === 'timeout') return void incoming.socket.destroy();
      const headers = Object.fromEntries(Object.entries(incoming.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
      const res = await dispatch(method, url.slice('/v1.0'.length), headers, body, false);
      // The write happened; the client never hears so.
      if (fault === 'lost-after-write') return void incoming.socket.destroy();
      send(outgoing, res);
    } finally {
      inFlight--;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  root = `${certificate ? 'https' : 'http'}://127.0.0.1:${port}/v1.0`;
  return {
    baseUrl: root,
    state,
    faults,
    calls,
    stats,
    events,
    notices,
    ...(certificate ? { ca: certificate.cert } : {}),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(outgoing: ServerResponse, res: RouteResponse): void {
  outgoing.statusCode = res.status;
  for (const [k, v] of Object.entries(res.headers ?? {})) outgoing.setHeader(k, v);
  if (res.body === undefined) return void outgoing.end();
  outgoing.end(Buffer.isBuffer(res.body) ? res.body : JSON.stringify(res.body));
}
