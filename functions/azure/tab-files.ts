import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { HttpResponseInit } from '@azure/functions';

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

/**
 * The built tab in the Functions app, as the local host serves it: hashed assets cached for a year,
 * every other `/tab/...` path answered with `index.html` so a deep link opens the right page. Paths
 * that climb out of the folder are refused.
 */
export async function tabFileResponse(distDir: string, urlPath: string): Promise<HttpResponseInit> {
  const rel = decodeURIComponent(urlPath.replace(/^\/tab\/?/, ''));
  if (rel.startsWith('assets/')) {
    const file = normalize(join(distDir, rel));
    if (!file.startsWith(normalize(distDir) + sep)) return { status: 404 };
    try {
      return { status: 200, body: await readFile(file), headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=31536000, immutable' } };
    } catch {
      return { status: 404 };
    }
  }
  try {
    return { status: 200, body: await readFile(join(distDir, 'index.html')), headers: { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' } };
  } catch {
    return { status: 503, body: 'The tab is not in this deployment: build it with `npm run build:functions`.' };
  }
}
