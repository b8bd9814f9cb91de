import type { GraphClient } from '../graph/graph-client';

/** GET /sites/{hostname}:/{path} (site-getbypath.md): the site id ("host,guid,guid") of a site URL. */
export async function resolveSiteId(client: GraphClient, siteUrl: string, signal?: AbortSignal): Promise<string> {
  const url = new URL(siteUrl);
  const path = url.pathname.replace(/\/$/, '');
  const site = await client.call<{ id: string }>('GET', `/sites/${url.hostname}:${path}`, { signal });
  return site.id;
}

/** Every list on the site by display name, following nextLinks. */
export async function listsByName(
  client: GraphClient,
  siteId: string,
  signal?: AbortSignal,
): Promise<Map<string, { id: string; template: string }>> {
  const out = new Map<string, { id: string; template: string }>();
  let path: string | undefined = `/sites/${siteId}/lists?$select=id,displayName,list`;
  while (path) {
    const page: { value?: { id: string; displayName: string; list?: { template?: string } }[]; '@odata.nextLink'?: string } =
      await client.call('GET', path, { signal });
    for (const l of page.value ?? []) out.set(l.displayName, { id: l.id, template: l.list?.template ?? 'genericList' });
    path = page['@odata.nextLink'];
  }
  return out;
}
