import type { GraphBehavior } from '../graph-types';

/** Gives a bearer token for Graph; msal-node caches and refreshes it (see auth/msal-token-provider.ts). */
export type TokenProvider = (signal?: AbortSignal) => Promise<string>;

/**
 * Adds `Authorization: Bearer …` to every request to Graph (`baseUrl`), and to nothing else: an
 * upload session's URL is pre-authenticated and must be sent no token (driveitem-createuploadsession.md),
 * and a Graph token never goes to another host. It never reaches a log or an error message.
 */
export function bearerToken(getToken: TokenProvider, baseUrl?: string): GraphBehavior {
  return (next) => async (request) => {
    if (baseUrl !== undefined && !request.url.startsWith(`${baseUrl}/`) && request.url !== baseUrl) return next(request);
    const token = await getToken(request.signal);
    return next({ ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } });
  };
}
