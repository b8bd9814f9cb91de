import { createGraphClient, type GraphClient } from '../../core/adapters/graph/graph-client';
import type { RetryOptions } from '../../core/adapters/graph/behaviors/retry';
import type { GraphHandler } from '../../core/adapters/graph/graph-types';
import type { RetryPolicy } from '../../core/adapters/graph/retry-decision';
import { provisionSite } from '../../core/adapters/sharepoint/provisioning/provision-site';
import { createSharePointRecordStore } from '../../core/adapters/sharepoint/sharepoint-record-store';
import type { RecordStore } from '../../core/ports/record-store.port';
import type { GraphServer } from './graph-server';

/** Quick retries for tests: the server asks for 10 ms waits, so the budget stays small. */
export const TEST_RETRY_POLICY: RetryPolicy = { maxRetries: 8, baseDelayMs: 5, maxDelayMs: 1000, budgetMs: 5000, jitter: 0.2 };

/** The token the test server wants on every request (it checks that one is there, as Graph does). */
export const testToken = async (): Promise<string> => 'test-token';

let sites = 0;

export interface TestClientOptions {
  timeoutMs?: number;
  /** Replaces the quick test policy (e.g. patience, a virtual clock, a shared gate). */
  retry?: RetryOptions;
  transport?: GraphHandler;
}

/** A Graph client on the test server, with a bearer token and the ISV User-Agent. */
export function testClient(server: GraphServer, overrides: TestClientOptions = {}): GraphClient {
  return createGraphClient({
    baseUrl: server.baseUrl,
    getToken: testToken,
    retry: overrides.retry ?? { policy: TEST_RETRY_POLICY },
    timeoutMs: overrides.timeoutMs ?? 5000,
    ...(overrides.transport ? { transport: overrides.transport } : {}),
  });
}

/** A new, provisioned site on the server and a record store on it. */
export async function freshSharePointStore(
  server: GraphServer,
  options: { maxConcurrentBatches?: number; client?: GraphClient } = {},
): Promise<{ store: RecordStore; siteId: string; client: GraphClient }> {
  const site = server.state.addSite('contoso.sharepoint.com', `/sites/test-${++sites}`);
  const client = options.client ?? testClient(server);
  await provisionSite(client, site.id);
  const store = await createSharePointRecordStore({
    client,
    site: { url: `https://contoso.sharepoint.com${site.path}` },
    ...(options.maxConcurrentBatches ? { maxConcurrentBatches: options.maxConcurrentBatches } : {}),
  });
  return { store, siteId: site.id, client };
}
