import { fetchTransport } from '../../../core/adapters/graph/fetch-transport';
import type { GraphRequest } from '../../../core/adapters/graph/graph-types';
import { asInteractive } from '../../../core/adapters/graph/patience';
import { memoryThrottleGate } from '../../../core/adapters/graph/throttle-gate';
import { provisionSite } from '../../../core/adapters/sharepoint/provisioning/provision-site';
import { createSharePointPaperFiles } from '../../../core/adapters/sharepoint/sharepoint-paper-files';
import { startGraphServer } from '../../graph-server/graph-server';
import { testClient } from '../../graph-server/sharepoint-test-site';
import { trustingFetch } from '../../graph-server/trusting-fetch';
import { virtualClock } from '../../graph-server/virtual-clock';
import { ms, type BenchRow } from '../measure';

const MB = 1024 * 1024;

/** A 20 MB paper into the Papers library over HTTPS (as Graph is), by the SDK's LargeFileUploadTask over the app's client. */
export async function largePaperRow(): Promise<BenchRow> {
  const server = await startGraphServer({ https: true });
  try {
    const site = server.state.addSite('contoso.sharepoint.com', '/sites/large-paper');
    const sent: GraphRequest[] = [];
    const inner = fetchTransport(trustingFetch(server.ca!));
    const client = testClient(server, {
      transport: (r) => {
        sent.push(r);
        return inner(r);
      },
    });
    await provisionSite(client, site.id, { meetingFolders: false });
    const papers = createSharePointPaperFiles({ client, siteUrl: `https://contoso.sharepoint.com${site.path}` });
    await papers.folderLink('meeting-1');
    const content = new Uint8Array(20 * MB).map((_, i) => i % 251);
    const from = sent.length;
    const t0 = performance.now();
    const file = await papers.upload('meeting-1', 'Governors pack.pdf', content);
    const elapsed = performance.now() - t0;
    const mine = sent.slice(from);
    const fragments = mine.filter((r) => r.headers['Content-Range'] !== undefined);
    const bytes = fragments.reduce((n, r) => n + (r.body instanceof Uint8Array ? r.body.byteLength : 0), 0);
    const whole = file.size === content.byteLength;
    return {
      name: '20 MB paper upload (upload session, SDK LargeFileUploadTask)',
      figure: `${mine.length} requests (${fragments.length} fragments of ≤10 MiB), ${(bytes / MB).toFixed(1)} MB sent, ${ms(elapsed)}, stored ${whole ? 'whole' : 'NOT whole'}`,
      target: 'bytes sent once; fragments of 320 KiB units',
      pass:
        whole &&
        bytes === content.byteLength &&
        fragments.every((r) => (r.body as Uint8Array).byteLength % (320 * 1024) === 0 || r === fragments.at(-1)),
    };
  } finally {
    await server.close();
  }
}

/** Two instances sharing one throttle gate: after the first is answered "429, Retry-After 90", what the second sends. */
export async function sharedGateRow(): Promise<BenchRow> {
  const clock = virtualClock();
  const server = await startGraphServer({ now: clock.now });
  try {
    const gate = memoryThrottleGate();
    const [first, second] = [0, 1].map(() => testClient(server, { retry: { timers: clock, gate } }));
    const site = [...server.state.sites.values()][0]!;
    Object.assign(server.faults, { errorRate: 1, kinds: ['429'], methods: ['GET'], retryAfterSeconds: 90 });
    await asInteractive(() => first!.call('GET', `/sites/${site.id}/lists`)).catch(() => undefined);
    server.faults.errorRate = 0;
    const before = server.stats.httpRequests;
    const outcome = await asInteractive(() => second!.call('GET', `/sites/${site.id}/lists`)).then(
      () => 'answered',
      (e: unknown) =>
        `${(e as { code?: string }).code ?? 'error'} (Retry-After ${(e as { retryAfterSeconds?: number }).retryAfterSeconds ?? '?'} s)`,
    );
    const sentBySecond = server.stats.httpRequests - before;
    return {
      name: 'two instances, one gate: the second after the first is throttled',
      figure: `${sentBySecond} request(s) sent by the second; ${outcome}`,
      target: '0 sent; 503 SERVICE.BUSY',
      pass: sentBySecond === 0 && outcome.startsWith('SERVICE.BUSY'),
    };
  } finally {
    await server.close();
  }
}
