import { describePaperFilesContract } from '../../../test/contracts/paper-files.contract';
import { startGraphServer, type GraphServer } from '../../../test/graph-server/graph-server';
import { testClient } from '../../../test/graph-server/sharepoint-test-site';
import { trustingFetch } from '../../../test/graph-server/trusting-fetch';
import { fetchTransport } from '../graph/fetch-transport';
import type { GraphRequest, GraphResponse } from '../graph/graph-types';
import { provisionSite } from './provisioning/provision-site';
import { createSharePointPaperFiles } from './sharepoint-paper-files';

let server: GraphServer;
let sites = 0;
beforeAll(async () => {
  // Over HTTPS, as Graph is: the SDK's upload task follows only https:// upload URLs.
  server = await startGraphServer({ https: true });
});
afterAll(async () => server.close());

describePaperFilesContract('SharePoint Papers library (Graph test server)', async ({ maxBytes }) => {
  const site = server.state.addSite('contoso.sharepoint.com', `/sites/papers-${++sites}`);
  const client = testClient(server, { transport: fetchTransport(trustingFetch(server.ca!)) });
  await provisionSite(client, site.id);
  return { papers: createSharePointPaperFiles({ client, siteUrl: `https://contoso.sharepoint.com${site.path}`, maxBytes }) };
});

/** A site on `on`, a client whose requests the test sees (and may interfere with), and the papers adapter on it. */
async function papersOn(
  on: GraphServer,
  interfere: (r: GraphRequest, send: () => Promise<GraphResponse>) => Promise<GraphResponse> = (_r, s) => s(),
) {
  const site = on.state.addSite('contoso.sharepoint.com', `/sites/large-${++sites}`);
  const sent: GraphRequest[] = [];
  const inner = fetchTransport(trustingFetch(on.ca!));
  const client = testClient(on, {
    transport: (r) => {
      sent.push(r);
      return interfere(r, () => inner(r));
    },
  });
  await provisionSite(client, site.id);
  const papers = createSharePointPaperFiles({ client, siteUrl: `https://contoso.sharepoint.com${site.path}` });
  await papers.folderLink('m1');
  return { papers, sent, from: sent.length };
}

const contentOf = (bytes: number) => new Uint8Array(bytes).map((_, i) => (i * 7) % 256);
const rangeOf = (r: GraphRequest) => r.headers['Content-Range'];
const isFragment = (r: GraphRequest) => rangeOf(r) !== undefined;

describe('a paper past 4 MB in SharePoint (upload session by the SDK’s LargeFileUploadTask)', () => {
  it('20 MB: one session, then two fragments of whole 320 KiB units in order, with no token to the upload URL', async () => {
    const { papers, sent, from } = await papersOn(server);
    const content = contentOf(20 * 1024 * 1024);
    const file = await papers.upload('m1', 'Pack.pdf', content);
    expect(file.size).toBe(content.byteLength);
    const mine = sent.slice(from);
    expect(mine.filter((r) => r.url.endsWith('/createUploadSession'))).toHaveLength(1);
    expect(mine.filter((r) => r.url.endsWith('/content'))).toHaveLength(0);
    const fragments = mine.filter(isFragment);
    expect(fragments.map(rangeOf)).toEqual([`bytes 0-10485759/${content.byteLength}`, `bytes 10485760-20971519/${content.byteLength}`]);
    expect(fragments.every((r) => r.headers.Authorization === undefined)).toBe(true);
  });

  it('a fragment whose answer is lost is sent again, the session answers 416, and the upload goes on from where it says', async () => {
    let lost = false;
    const { papers, sent, from } = await papersOn(server, async (r, send) => {
      const answer = await send();
      if (!lost && rangeOf(r)?.startsWith('bytes 0-')) {
        lost = true;
        throw new TypeError('fetch failed: the connection was reset');
      }
      return answer;
    });
    const content = contentOf(12 * 1024 * 1024);
    const file = await papers.upload('m1', 'Pack.pdf', content);
    expect(file.size).toBe(content.byteLength);
    const fragments = sent.slice(from).filter(isFragment).map(rangeOf);
    expect(fragments).toEqual([
      `bytes 0-10485759/${content.byteLength}`,
      `bytes 0-10485759/${content.byteLength}`,
      `bytes 10485760-12582911/${content.byteLength}`,
    ]);
    expect((await papers.list('m1')).map((f) => f.size)).toEqual([content.byteLength]);
  });

  it('a session that expires between fragments is started again once, and the file arrives whole', async () => {
    let now = Date.parse('2026-11-23T10:00:00Z');
    let slept = false;
    const strict = await startGraphServer({ https: true, now: () => now, uploadSessionMs: 60_000 });
    try {
      const { papers, sent, from } = await papersOn(strict, async (r, send) => {
        const answer = await send();
        if (!slept && rangeOf(r)?.startsWith('bytes 0-') && answer.status === 202) {
          slept = true;
          now += 120_000; // the first session goes quiet for two minutes, past its one-minute life
        }
        return answer;
      });
      const content = contentOf(12 * 1024 * 1024);
      expect((await papers.upload('m1', 'Pack.pdf', content)).size).toBe(content.byteLength);
      expect(sent.slice(from).filter((r) => r.url.endsWith('/createUploadSession'))).toHaveLength(2);
    } finally {
      await strict.close();
    }
  });
});

describe('the test server’s upload sessions, as strict as Graph', () => {
  it('refuses a fragment out of order (416), one not a whole number of 320 KiB (400), and an expired session (404)', async () => {
    let now = Date.parse('2026-11-23T10:00:00Z');
    const strict = await startGraphServer({ https: true, now: () => now, uploadSessionMs: 60_000 });
    try {
      const client = testClient(strict, { transport: fetchTransport(trustingFetch(strict.ca!)) });
      const site = strict.state.addSite('contoso.sharepoint.com', '/sites/strict');
      await provisionSite(client, site.id);
      const papers = createSharePointPaperFiles({ client, siteUrl: `https://contoso.sharepoint.com${site.path}` });
      await papers.folderLink('m1');
      const drive = [...strict.state.drives.keys()][0]!;
      const folder = await client.call<{ id: string }>('GET', `/drives/${drive}/root:/m1`);
      const session = await client.call<{ uploadUrl: string }>('POST', `/drives/${drive}/items/${folder.id}:/x.pdf:/createUploadSession`, {
        body: {},
      });
      const put = (range: string, bytes: number) =>
        client.send('PUT', session.uploadUrl, { body: new Uint8Array(bytes), headers: { 'Content-Range': range }, idempotent: false });
      const unit = 320 * 1024;
      expect((await put(`bytes ${unit}-${2 * unit - 1}/${4 * unit}`, unit)).status).toBe(416);
      expect((await put(`bytes 0-99999/${4 * unit}`, 100_000)).status).toBe(400);
      expect((await put(`bytes 0-${unit - 1}/${4 * unit}`, unit)).status).toBe(202);
      expect((await put(`bytes ${unit}-${2 * unit - 1}/${5 * unit}`, unit)).status).toBe(416);
      now += 61_000;
      expect((await put(`bytes ${unit}-${2 * unit - 1}/${4 * unit}`, unit)).status).toBe(404);
    } finally {
      await strict.close();
    }
  });
});
