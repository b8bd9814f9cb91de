import { request } from 'node:https';
import type { FetchLike } from '../../core/adapters/graph/fetch-transport';

/**
 * A `fetch` for the HTTPS test server that trusts its certificate (made at test time; Node's own
 * `fetch` reads extra CAs only at start-up). Production uses the global `fetch`.
 */
export function trustingFetch(ca: string): FetchLike {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const req = request(
        url,
        { method: init.method, headers: init.headers, ca, ...(init.signal ? { signal: init.signal } : {}) },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const headers = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
            const status = res.statusCode ?? 0;
            resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers }));
          });
        },
      );
      req.on('error', reject);
      if (init.body !== undefined) req.write(init.body);
      req.end();
    });
}
