import { describePaperFilesContract } from '../../../test/contracts/paper-files.contract';
import { startGraphServer, type GraphServer } from '../../../test/graph-server/graph-server';
import { testClient } from '../../../test/graph-server/sharepoint-test-site';
import { provisionSite } from './provisioning/provision-site';
import { createSharePointPaperFiles } from './sharepoint-paper-files';

let server: GraphServer;
let sites = 0;
beforeAll(async () => {
  server = await startGraphServer();
});
afterAll(async () => server.close());

describePaperFilesContract('SharePoint Papers library (Graph test server)', async ({ maxBytes }) => {
  const site = server.state.addSite('contoso.sharepoint.com', `/sites/papers-${++sites}`);
  const client = testClient(server);
  await provisionSite(client, site.id);
  return { papers: createSharePointPaperFiles({ client, siteUrl: `https://contoso.sharepoint.com${site.path}`, maxBytes }) };
});
