import type { TeamsAppInstaller } from '../../ports/teams-app-installer.port';
import type { GraphClient } from '../graph/graph-client';
import { isGraphStatus } from '../graph/graph-error';

interface Installation {
  id: string;
}

/**
 * Proactive install through Graph (userteamwork-post-installedapps.md): look for the app in the
 * user's personal scope first, install it if missing — a 409 (already installed, as observed when
 * two sweeps race) is fine — then fetch the installation's chat
 * (userscopeteamsappinstallation-get-chat.md) so the bot can post into it.
 */
export function createGraphTeamsAppInstaller(options: { client: GraphClient; teamsAppId: string }): TeamsAppInstaller {
  const { client, teamsAppId } = options;
  const base = (user: string) => `/users/${encodeURIComponent(user)}/teamwork/installedApps`;
  const find = async (user: string, signal?: AbortSignal): Promise<Installation | undefined> => {
    const filter = encodeURIComponent(`teamsApp/id eq '${teamsAppId}'`);
    const page = await client.call<{ value?: Installation[] }>('GET', `${base(user)}?$expand=teamsApp&$filter=${filter}`, { signal });
    return page.value?.[0];
  };
  return {
    async ensureInstalledForUser(user, o) {
      let installation = await find(user, o?.signal);
      let newlyInstalled = false;
      if (!installation) {
        try {
          await client.call('POST', base(user), {
            body: { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${teamsAppId}` },
            signal: o?.signal,
          });
          newlyInstalled = true;
        } catch (e) {
          if (!isGraphStatus(e, 409)) throw e;
        }
        installation = await find(user, o?.signal);
        if (!installation)
          throw new Error(`The app was installed for ${user} but Graph does not list it yet; the next delivery attempt will pick it up`);
      }
      const chat = await client.call<{ id: string }>('GET', `${base(user)}/${encodeURIComponent(installation.id)}/chat`, {
        signal: o?.signal,
      });
      return { chatId: chat.id, newlyInstalled };
    },
  };
}
