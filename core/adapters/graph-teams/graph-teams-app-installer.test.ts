import { startGraphServer, type GraphServer } from '../../../test/graph-server/graph-server';
import { testClient } from '../../../test/graph-server/sharepoint-test-site';
import { createGraphTeamsAppInstaller } from './graph-teams-app-installer';

let server: GraphServer;
beforeAll(async () => {
  server = await startGraphServer();
});
afterAll(async () => server.close());

const APP = 'a1b2c3d4-0000-4000-8000-00000000a0a0';

describe('installing the app for a head who never opened it', () => {
  it('installs it, then returns the chat the bot can post into', async () => {
    const installer = createGraphTeamsAppInstaller({ client: testClient(server), teamsAppId: APP });
    const first = await installer.ensureInstalledForUser('head-oid-1');
    expect(first.newlyInstalled).toBe(true);
    expect(first.chatId).toMatch(/^19:.*@unq\.gbl\.spaces$/);
  });

  it('an existing installation is fine: same chat, nothing installed again', async () => {
    const installer = createGraphTeamsAppInstaller({ client: testClient(server), teamsAppId: APP });
    const a = await installer.ensureInstalledForUser('head-oid-2');
    const b = await installer.ensureInstalledForUser('head-oid-2');
    expect(b).toEqual({ chatId: a.chatId, newlyInstalled: false });
    const posts = server.calls.filter((c) => c.method === 'POST' && c.path.includes('head-oid-2'));
    expect(posts).toHaveLength(1);
  });

  it('two deliveries racing for the same person end with one installation and the same chat', async () => {
    const installer = createGraphTeamsAppInstaller({ client: testClient(server), teamsAppId: APP });
    const [a, b] = await Promise.all([installer.ensureInstalledForUser('head-oid-3'), installer.ensureInstalledForUser('head-oid-3')]);
    expect(a.chatId).toBe(b.chatId);
    expect(server.calls.filter((c) => c.method === 'POST' && c.path.includes('head-oid-3') && c.status === 201)).toHaveLength(1);
  });
});
