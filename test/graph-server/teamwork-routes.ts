import { randomUUID } from 'node:crypto';
import { badRequest, graphError, json, notFound, type RouteResponse } from './graph-errors';
import type { RouteRequest } from './list-routes';

/** Apps installed in each user's personal scope: userId → installations. */
export type TeamworkState = Map<string, { id: string; teamsAppId: string; chatId: string }[]>;

const APP_BIND = /\/appCatalogs\/teamsApps\/([^/]+)$/;

/**
 * `/users/{id}/teamwork/installedApps` as documented (userteamwork-post-installedapps.md,
 * userscopeteamsappinstallation-get-chat.md): list with `$filter=teamsApp/id eq '…'`, install
 * (201, no body; 409 when already installed, as observed), and the installation's chat.
 */
export function routeTeamwork(state: TeamworkState, req: RouteRequest): RouteResponse {
  const [, userId, teamwork, installedApps, installationId, chat] = req.segments;
  if (teamwork !== 'teamwork' || installedApps !== 'installedApps' || !userId) return notFound('resource');
  const mine = state.get(userId) ?? [];
  state.set(userId, mine);
  if (installationId === undefined && req.method === 'GET') {
    const filter = /teamsApp\/id eq '([^']+)'/.exec(req.query.get('$filter') ?? '');
    const found = filter ? mine.filter((i) => i.teamsAppId === filter[1]) : mine;
    return json(200, { value: found.map((i) => ({ id: i.id, teamsApp: { id: i.teamsAppId } })) });
  }
  if (installationId === undefined && req.method === 'POST') {
    const bind = (req.body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
    const appId = typeof bind === 'string' ? APP_BIND.exec(bind)?.[1] : undefined;
    if (!appId) return badRequest('teamsApp@odata.bind must name an app in the catalogue');
    if (mine.some((i) => i.teamsAppId === appId)) return graphError(409, 'Conflict', 'The app is already installed for this user');
    mine.push({ id: randomUUID(), teamsAppId: appId, chatId: `19:${userId}_${appId}@unq.gbl.spaces` });
    return { status: 201, headers: {}, body: undefined };
  }
  if (installationId !== undefined && chat === 'chat' && req.method === 'GET') {
    const inst = mine.find((i) => i.id === installationId);
    return inst ? json(200, { id: inst.chatId }) : notFound('installation');
  }
  return badRequest(`unsupported teamwork request ${req.method} ${req.rawPath}`);
}
