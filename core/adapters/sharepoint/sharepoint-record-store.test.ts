import { describeRecordStoreContract } from '../../../test/contracts/record-store.contract';
import { startGraphServer, type GraphServer } from '../../../test/graph-server/graph-server';
import { freshSharePointStore } from '../../../test/graph-server/sharepoint-test-site';

let server: GraphServer;
beforeAll(async () => {
  // A small page size, and some empty pages, so every listing has to follow @odata.nextLink.
  server = await startGraphServer({ maxPageSize: 25, faults: { emptyPageRate: 0.1 } });
});
afterAll(() => server.close());

describeRecordStoreContract('SharePoint lists via the Graph test server', async () => ({ store: (await freshSharePointStore(server)).store }));
