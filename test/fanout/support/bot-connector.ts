import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  conversationId: string;
  at: number;
  /** The adaptive card's JSON, to tell one reminder from another. */
  card: string;
}

export interface TestConnector {
  /** The `serviceUrl` to put in conversation references (ends with a slash, as Teams' does). */
  serviceUrl: string;
  received: ReceivedActivity[];
  rejected429: number;
  /** Per conversation: how many times each card arrived. */
  countsByConversation(): Map<string, Map<string, number>>;
  /** Most requests accepted in any sliding window of `windowMs`. */
  maxInAnyWindow(windowMs?: number): number;
  close(): Promise<void>;
}

/**
 * A local stand-in for the Bot Connector: `POST /v3/conversations/:id/activities[/:replyToId]` answers 200 with an
 * id, and when `perSecond` is set it enforces Teams' per-app limit over a sliding second the way
 * Teams does, with 429 and `Retry-After`.
 */
export async function startTestConnector(options: { perSecond?: number; retryAfterSeconds?: number } = {}): Promise<TestConnector> {
  const received: ReceivedActivity[] = [];
  const accepted: number[] = [];
  const state = { rejected429: 0 };
  const server: Server = createServer((req, res) => {
    // botbuilder's continueConversation replies to its own continuation event: `…/activities/<id>`.
    const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?\/?$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !m) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = Date.now();
      if (options.perSecond !== undefined) {
        while (accepted.length && accepted[0]! <= now - 1000) accepted.shift();
        if (accepted.length >= options.perSecond) {
          state.rejected429++;
          res
            .writeHead(429, { 'content-type': 'application/json', 'retry-after': String(options.retryAfterSeconds ?? 1) })
            .end(JSON.stringify({ error: { code: 'TooManyRequests' } }));
          return;
        }
        accepted.push(now);
      }
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { attachments?: { content?: unknown }[] };
      received.push({
        conversationId: decodeURIComponent(m[1]!),
        at: now,
        card: JSON.stringify(activity.attachments?.[0]?.content ?? null),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `activity-${received.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    get rejected429() {
      return state.rejected429;
    },
    countsByConversation() {
      const out = new Map<string, Map<string, number>>();
      for (const r of received) {
        const m = out.get(r.conversationId) ?? new Map<string, number>();
        m.set(r.card, (m.get(r.card) ?? 0) + 1);
        out.set(r.conversationId, m);
      }
      return out;
    },
    maxInAnyWindow(windowMs = 1000) {
      const t = received.map((r) => r.at).sort((a, b) => a - b);
      let best = 0;
      for (let i = 0, j = 0; i < t.length; i++) {
        while (t[i]! - t[j]! >= windowMs) j++;
        best = Math.max(best, i - j + 1);
      }
      return best;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
