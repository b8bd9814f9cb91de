import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { routeBatch } from './batch-route';
import { routeTeamwork, type TeamworkState } from './teamwork-routes';
import { routeEvents, type CancellationNotice, type EventRouteOptions, type EventsState } from './event-routes';
import { routeDrives } from './drive-routes';
import { graphError, notFound, type RouteResponse } from './graph-errors';
import { GraphState } from './graph-state';
import { NO_FAULTS, pickFault, seededRandom, type FaultOptions } from './faults';
import { routeSites, type RouteRequest } from './list-routes';

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
}

export interface GraphCall {
  method: string;
  path: string;
  status: number;
  inBatch: boolean;
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
  const stats: GraphServerStats = { httpRequests: 0, maxInFlight: 0, batches: 0, mailboxPeak: 0, mailboxThrottled: 0 };
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
  const listOptions = { maxPageSize: options.maxPageSize ?? 200, emptyPageRate: () => faults.emptyPageRate > 0 && random() < faults.emptyPageRate };

  const dispatch = async (method: string, pathAndQuery: string, headers: Record<string, string>, body: unknown, inBatch: boolean): Promise<RouteResponse> => {
    const [rawPath = '', search = ''] = pathAndQuery.split('?', 2) as [string, string?];
    const path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
    const req: RouteRequest = {
      method,
      segments: path.split('/').slice(1).map((s) => decodeURIComponent(s)),
      query: new URLSearchParams(search),
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
      body,
      root,
      rawPath: path,
    };
    let res: RouteResponse;
    if (req.segments[0] === 'sites') res = routeSites(state, req, listOptions);
    else if (req.segments[0] === 'drives') res = routeDrives(state, req);
    else if (req.segments[0] === 'users') res = req.segments[2] === 'events' ? await inMailbox(req.segments[1] ?? '', () => routeEvents(events, req, eventOptions)) : routeTeamwork(teamwork, req);
    else if (req.segments[0] === '$batch' && method === 'POST' && !inBatch) {
      stats.batches++;
      res = await routeBatch(body, (m, url, h, b) => subRequest(m, url, h, b), shuffle);
    } else res = notFound('resource');
    calls.push({ method, path, status: res.status, inBatch });
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
        return graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'Retry-After': String(faults.retryAfterSeconds) });
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
      : graphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable', { 'Retry-After': String(faults.retryAfterSeconds) });

  // Each request in a batch is throttled on its own (concepts/throttling.md).
  const subRequest = (method: string, url: string, headers: Record<string, string>, body: unknown): RouteResponse | Promise<RouteResponse> => {
    const fault = pickFault(faults, method, random, true);
    if (fault === '429' || fault === '503') {
      const res = throttled(fault);
      calls.push({ method, path: url.split('?')[0] ?? url, status: res.status, inBatch: true });
      return res;
    }
    return dispatch(method, url, headers, body, true);
  };

  const server = createServer((incoming, outgoing) => {
    void handle(incoming, outgoing).catch((e: unknown) => {
      outgoing.statusCode = 500;
      outgoing.end(JSON.stringify({ error: { code: 'generalException', message: String(e) } }));
    });
  });

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
      if (!url.startsWith('/v1.0/')) return send(outgoing, notFound('version'));
      const method = incoming.method ?? 'GET';
      const fault = pickFault(faults, method, random, false);
      if (fault === '429' || fault === '503') return send(outgoing, throttled(fault));
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
  root = `http://127.0.0.1:${port}/v1.0`;
  return {
    baseUrl: root,
    state,
    faults,
    calls,
    stats,
    events,
    notices,
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
