import { describeRecordStoreContract } from '../../../test/contracts/record-store.contract';
import { startGraphServer, type GraphServer } from '../../../test/graph-server/graph-server';
import { freshSharePointStore, testClient } from '../../../test/graph-server/sharepoint-test-site';

let server: GraphServer;
beforeAll(async () => {
  // A small page size, and some empty pages, so every listing has to follow @odata.nextLink.
  server = await startGraphServer({ maxPageSize: 25, faults: { emptyPageRate: 0.1 } });
});
afterAll(() => server.close());

describeRecordStoreContract('SharePoint lists via the Graph test server', async () => ({
  store: (await freshSharePointStore(server)).store,
}));

// The same contract with Graph misbehaving as it does in a tenant: 10% of calls throttled, refused
// with 503, cut off, or applied with the answer lost; and unique clashes answered 500 as SharePoint
// REST does (pnp/pnpcore#1280).
describe('under error faults', () => {
  let faulty: GraphServer;
  beforeAll(async () => {
    faulty = await startGraphServer({
      maxPageSize: 25,
      seed: 17,
      uniqueClashStatus: 500,
      faults: { emptyPageRate: 0.1, errorRate: 0.1, kinds: ['429', '503', 'timeout', 'lost-after-write'], retryAfterSeconds: 0.005 },
    });
  });
  afterAll(() => faulty.close());

  describeRecordStoreContract('SharePoint lists via the Graph test server, 10% faults, unique clashes as 500', async () => {
    faulty.faults.errorRate = 0;
    const made = await freshSharePointStore(faulty, { client: testClient(faulty, { timeoutMs: 2000 }) });
    faulty.faults.errorRate = 0.1;
    return { store: made.store };
  });
});
