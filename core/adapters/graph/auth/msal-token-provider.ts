import { ConfidentialClientApplication, LogLevel, type Configuration } from '@azure/msal-node';
import type { TokenProvider } from '../behaviors/bearer-token';

/** Graph's application scope: the permissions granted to the app (here `Sites.Selected` on one site). */
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

/** The app registration's credentials, from configuration (Key Vault in production); never logged. */
export type AppCredentials =
  | { tenantId: string; clientId: string; clientSecret: string }
  | { tenantId: string; clientId: string; certificate: { thumbprintSha256: string; privateKey: string } };

/**
 * One `ConfidentialClientApplication` per app: msal-node keeps its tokens in its in-memory cache and
 * fetches a new one only when the cached one is near expiry, so callers ask for a token on every request.
 */
export function createConfidentialClient(credentials: AppCredentials): ConfidentialClientApplication {
  const auth: Configuration['auth'] = {
    clientId: credentials.clientId,
    authority: `https://login.microsoftonline.com/${credentials.tenantId}`,
    ...('clientSecret' in credentials
      ? { clientSecret: credentials.clientSecret }
      : {
          clientCertificate: { thumbprintSha256: credentials.certificate.thumbprintSha256, privateKey: credentials.certificate.privateKey },
        }),
  };
  return new ConfidentialClientApplication({
    auth,
    // Warnings only, and no personal data: tokens and secrets never reach the logs.
    system: { loggerOptions: { logLevel: LogLevel.Warning, piiLoggingEnabled: false } },
  });
}

/** Tokens for the app's own work (timers, provisioning, the copy command): client-credentials flow. */
export function appTokenProvider(app: ConfidentialClientApplication, scopes: readonly string[] = [GRAPH_DEFAULT_SCOPE]): TokenProvider {
  return async (signal) => {
    signal?.throwIfAborted();
    const result = await app.acquireTokenByClientCredential({ scopes: [...scopes] });
    if (!result?.accessToken) throw new Error('Entra ID gave no access token for the app (check the app registration and its credentials)');
    return result.accessToken;
  };
}

/**
 * Tokens for calls made for a signed-in tab user: the on-behalf-of flow exchanges the Teams SSO
 * token (`userAssertion`) for a Graph token with the user's own permissions. msal caches it per assertion.
 */
export function onBehalfOfTokenProvider(
  app: ConfidentialClientApplication,
  userAssertion: string,
  scopes: readonly string[] = [GRAPH_DEFAULT_SCOPE],
): TokenProvider {
  return async (signal) => {
    signal?.throwIfAborted();
    const result = await app.acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes: [...scopes] });
    if (!result?.accessToken) throw new Error('Entra ID gave no access token on behalf of the signed-in user');
    return result.accessToken;
  };
}
