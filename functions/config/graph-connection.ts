import { appTokenProvider, createConfidentialClient, type AppCredentials } from '../../core/adapters/graph/auth/msal-token-provider';
import { createGraphClient, type GraphClient } from '../../core/adapters/graph/graph-client';
import type { AppConfig } from './app-config';

/** The Graph client for the app's own work, from validated configuration (secrets never printed). */
export function graphClientFromConfig(config: AppConfig): GraphClient {
  const { AZURE_TENANT_ID: tenantId, AZURE_CLIENT_ID: clientId } = config;
  if (!tenantId || !clientId) throw new Error('Set AZURE_TENANT_ID and AZURE_CLIENT_ID (see the README: "Pointing the app at a real SharePoint site")');
  const credentials: AppCredentials = config.AZURE_CLIENT_SECRET
    ? { tenantId, clientId, clientSecret: config.AZURE_CLIENT_SECRET }
    : { tenantId, clientId, certificate: { thumbprintSha256: config.AZURE_CLIENT_CERTIFICATE_THUMBPRINT ?? '', privateKey: config.AZURE_CLIENT_CERTIFICATE_PEM ?? '' } };
  return createGraphClient({ baseUrl: config.GRAPH_BASE_URL, getToken: appTokenProvider(createConfidentialClient(credentials)) });
}
