import type { ApiResponse } from './api-types';

/** Security headers a served paper always carries, whichever host serves it. */
export const DOWNLOAD_HEADERS: Readonly<Record<string, string>> = {
  // Never rendered in the app's origin: the browser saves it, and would not guess another type (MDN: X-Content-Type-Options).
  'x-content-type-options': 'nosniff',
  // Opened anyway (a browser that ignores attachment): no script, no same-origin, nothing loads (CSP `sandbox`, MDN).
  'content-security-policy': "sandbox; default-src 'none'",
  'cache-control': 'private, no-store',
};

/** `Content-Disposition: attachment` with the name twice: an ASCII fallback and the UTF-8 name (RFC 6266 §4.3, RFC 8187). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A file as a download: its bytes with the type the app decided (never the uploader's), as an attachment. */
export const fileDownload = (file: { fileName: string; mime: string; content: Uint8Array }): ApiResponse => ({
  status: 200,
  body: file.content,
  headers: { ...DOWNLOAD_HEADERS, 'content-type': file.mime, 'content-disposition': attachmentDisposition(file.fileName) },
});
