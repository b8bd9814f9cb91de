/** Where cards link to: the tab's pages (a Teams deep link in production, the local host's `/tab` locally). */
export interface CardLinks {
  /** The trust dashboard (every academy the person may see). */
  dashboard(): string;
  academy(academyId: string): string;
  /** The meeting's papers folder (the tab's folder page, which opens the store's own folder where it has one). */
  meetingPapers(meetingId: string): string;
  meeting(meetingId: string): string;
}

/** Links into the tab served at `base` (e.g. `http://localhost:3978/tab`), matching the tab's router (`tab/src/app/router.ts`). */
export const tabLinks = (base: string): CardLinks => ({
  dashboard: () => `${base}/`,
  academy: (id) => `${base}/academy/${encodeURIComponent(id)}`,
  meetingPapers: (id) => `${base}/meeting/${encodeURIComponent(id)}/papers`,
  meeting: (id) => `${base}/meeting/${encodeURIComponent(id)}`,
});

/** The static tab's entity id in `appPackage/manifest.json`; its `subPageId` names the page to open. */
export const DASHBOARD_ENTITY_ID = 'dashboard';

/**
 * Links in cards, in production: a Teams deep link into the app's dashboard tab with the page as its
 * `subPageId` (the tab opens it: `tab/src/app/use-app-shell.ts`), so a head tapping "Open papers" stays
 * inside Teams. Without the Teams app id (not yet uploaded) they fall back to the tab's web address.
 */
export function teamsDeepLinks(options: { teamsAppId?: string | undefined; tabBase: string }): CardLinks {
  const { teamsAppId } = options;
  if (!teamsAppId) return tabLinks(options.tabBase);
  const link = (subPage: string) =>
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${DASHBOARD_ENTITY_ID}?context=${encodeURIComponent(JSON.stringify({ subEntityId: subPage }))}`;
  return {
    dashboard: () => link(''),
    academy: (id) => link(`academy/${id}`),
    meetingPapers: (id) => link(`meeting/${id}/papers`),
    meeting: (id) => link(`meeting/${id}`),
  };
}
