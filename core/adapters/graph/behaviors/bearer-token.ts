import type { GraphBehavior } from '../graph-types';

/** Gives a bearer token for Graph; msal-node caches and refreshes it (see auth/msal-token-provider.ts). */
export type TokenProvider = (signal?: AbortSignal) => Promise<string>;

/** Adds `Authorization: Bearer …` to every request; the token never reaches a log or an error message. */
export function bearerToken(getToken: TokenProvider): GraphBehavior {
  return (next) => async (request) => {
    const token = await getToken(request.signal);
    return next({ ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } });
  };
}
