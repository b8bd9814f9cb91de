/** A failure from the API: the status, the stable code and the sentence to show (and the bad fields, for a 400). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Each bad field: its key (where the form shows the message) and its label as a person reads it. */
    readonly problems: { field: string; message: string; label?: string }[] = [],
  ) {
    super(message);
  }
}

/** Headers that say who is calling: the Teams SSO token, or locally the dev identity. */
export type AuthHeaders = () => Promise<Record<string, string>>;

export interface ApiClient {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown): Promise<T>;
  /** A file the API serves only to who may see it (a paper): fetched with the caller's identity. */
  download(path: string): Promise<Blob>;
  /** A file sent as itself (a paper, any size up to the trust's limit): streamed as the body, not base64 in JSON. */
  upload<T>(path: string, file: Blob): Promise<T>;
}

async function parse<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(res.status, 'RESPONSE.NOT_JSON', `The server answered ${res.status} without data; try again.`);
  }
  if (!res.ok) {
    const err = (
      body as { error?: { code?: string; message?: string; problems?: { field: string; message: string; label?: string }[] } } | undefined
    )?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'HTTP.' + res.status,
      err?.message ?? `The server answered ${res.status}.`,
      err?.problems ?? [],
    );
  }
  return body as T;
}

/** The tab's one way to the JSON API: every call carries the caller's identity. */
export function createApiClient(auth: AuthHeaders, base = ''): ApiClient {
  return {
    async get<T>(path: string, signal?: AbortSignal) {
      const res = await fetch(`${base}${path}`, {
        headers: { accept: 'application/json', ...(await auth()) },
        ...(signal ? { signal } : {}),
      });
      return parse<T>(res);
    },
    async send<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(await auth()) },
        body: JSON.stringify(body),
      });
      return parse<T>(res);
    },
    async upload<T>(path: string, file: Blob) {
      const res = await fetch(`${base}${path}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream', accept: 'application/json', ...(await auth()) },
        body: file,
      });
      return parse<T>(res);
    },
    async download(path: string) {
      const res = await fetch(`${base}${path}`, { headers: await auth() });
      if (!res.ok) return parse<never>(res);
      return res.blob();
    },
  };
}
