import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { HttpResponseInit } from '@azure/functions';
import { assetNotFound, problem } from '../api/error-responses';
import type { ApiResponse } from '../api/api-types';
import { withSecurityHeaders, type SecurityHeaderOptions } from '../security/security-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const asJson = (res: ApiResponse, security: SecurityHeaderOptions): HttpResponseInit => ({
  status: res.status,
  jsonBody: res.body,
  headers: withSecurityHeaders('tab', security, { 'content-type': 'application/json; charset=utf-8' }),
});

/**
 * The built tab in the Functions app, as the local host serves it: hashed assets cached for a year,
 * every other `/tab/...` path answered with `index.html` so a deep link opens the right page. Paths
 * that climb out of the folder, and missing assets, are a JSON 404. Every answer carries the tab's
 * security headers (its CSP names the Teams hosts that may frame it).
 */
export async function tabFileResponse(
  distDir: string,
  urlPath: string,
  security: SecurityHeaderOptions = { production: false },
): Promise<HttpResponseInit> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.replace(/^\/tab\/?/, ''));
  } catch {
    return asJson(assetNotFound(urlPath), security);
  }
  if (rel.startsWith('assets/')) {
    const file = normalize(join(distDir, rel));
    if (!file.startsWith(normalize(distDir) + sep) || rel.includes('\u0000')) return asJson(assetNotFound(urlPath), security);
    try {
      return {
        status: 200,
        body: await readFile(file),
        headers: withSecurityHeaders('tab', security, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'public, max-age=31536000, immutable',
        }),
      };
    } catch {
      return asJson(assetNotFound(urlPath), security);
    }
  }
  try {
    return {
      status: 200,
      body: await readFile(join(distDir, 'index.html')),
      headers: withSecurityHeaders('tab', security, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' }),
    };
  } catch {
    return asJson(problem(503, 'TAB.NOT_BUILT', 'The tab is not in this deployment: build it with `npm run build:functions`.'), security);
  }
}
