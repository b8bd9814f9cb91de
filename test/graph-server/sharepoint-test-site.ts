import { createGraphClient, type GraphClient } from '../../core/adapters/graph/graph-client';
import type { RetryPolicy } from '../../core/adapters/graph/retry-decision';
import { provisionSite } from '../../core/adapters/sharepoint/provisioning/provision-site';
import { createSharePointRecordStore } from '../../core/adapters/sharepoint/sharepoint-record-store';
import type { RecordStore } from '../../core/ports/record-store.port';
import type { GraphServer } from './graph-server';

/** Quick retries for tests: the server asks for 10 ms waits, so the budget stays small. */
export const TEST_RETRY_POLICY: RetryPolicy = { maxRetries: 8, baseDelayMs: 5, maxDelayMs: 1000, budgetMs: 5000, jitter: 0.2 };

let sites = 0;

/** A Graph client on the test server (no token: the server does not check one). */
export function testClient(server: GraphServer, overrides: { timeoutMs?: number } = {}): GraphClient {
  return createGraphClient({ baseUrl: server.baseUrl, retry: { policy: TEST_RETRY_POLICY }, timeoutMs: overrides.timeoutMs ?? 5000 });
}

/** A new, provisioned site on the server and a record store on it. */
export async function freshSharePointStore(server: GraphServer, options: { maxConcurrentBatches?: number } = {}): Promise<{ store: RecordStore; siteId: string; client: GraphClient }> {
  const site = server.state.addSite('contoso.sharepoint.com', `/sites/test-${++sites}`);
  const client = testClient(server);
  await provisionSite(client, site.id);
  const store = await createSharePointRecordStore({ client, site: { url: `https://contoso.sharepoint.com${site.path}` }, ...options });
  return { store, siteId: site.id, client };
}
