import { appTokenProvider, createConfidentialClient, type AppCredentials } from '../../core/adapters/graph/auth/msal-token-provider';
import { isvUserAgent } from '../../core/adapters/graph/behaviors/user-agent';
import { createGraphClient, type GraphClient } from '../../core/adapters/graph/graph-client';
import type { Patience } from '../../core/adapters/graph/patience';
import { memoryThrottleGate, type ThrottleGate } from '../../core/adapters/graph/throttle-gate';
import type { AppConfig } from './app-config';

/**
 * How the app's Graph traffic is decorated: SharePoint gives lower priority to traffic it cannot
 * attribute ("Avoid getting throttled or blocked in SharePoint Online": `ISV|<company>|<app>/<version>`).
 */
export const APP_USER_AGENT = isvUserAgent('TrustImprovement', 'TrustImprovementTeamsApp', '0.1.0');

/**
 * One throttle gate for every Graph client in this process when none is given (the CLIs): a 429
 * seen by one caller holds back the others too. The Functions app passes the gate in Table storage
 * (functions/azure/compose-production.ts), so every instance backs off together.
 */
const PROCESS_GATE: ThrottleGate = memoryThrottleGate();

export interface GraphConnectionOptions {
  /**
   * `interactive` (the Functions app: a person's request fails fast with 503 when SharePoint is
   * busy; timers run their work in `inBackground`) or `background` (the CLIs: provisioning, the
   * copy, the import wait as long as Graph asks).
   */
  patience?: Patience;
  gate?: ThrottleGate;
}

/** The Graph client for the app's own work, from validated configuration (secrets never printed). */
export function graphClientFromConfig(config: AppConfig, options: GraphConnectionOptions = {}): GraphClient {
  const { AZURE_TENANT_ID: tenantId, AZURE_CLIENT_ID: clientId } = config;
  if (!tenantId || !clientId)
    throw new Error('Set AZURE_TENANT_ID and AZURE_CLIENT_ID (see the README: "Pointing the app at a real SharePoint site")');
  const credentials: AppCredentials = config.AZURE_CLIENT_SECRET
    ? { tenantId, clientId, clientSecret: config.AZURE_CLIENT_SECRET }
    : {
        tenantId,
        clientId,
        certificate: {
          thumbprintSha256: config.AZURE_CLIENT_CERTIFICATE_THUMBPRINT ?? '',
          privateKey: config.AZURE_CLIENT_CERTIFICATE_PEM ?? '',
        },
      };
  return createGraphClient({
    baseUrl: config.GRAPH_BASE_URL,
    getToken: appTokenProvider(createConfidentialClient(credentials)),
    userAgent: APP_USER_AGENT,
    retry: { patience: options.patience ?? 'interactive', gate: options.gate ?? PROCESS_GATE },
  });
}
