import { pathOf, type Route } from '../../app/router';

/** What a channel, chat or meeting tab can show: a trust-wide page or one academy. */
export type TabChoice = 'dashboard' | 'planner' | 'my-work' | `academy:${string}`;

/** The saved tab as Teams needs it (`pages.config.setConfig`): the page's address on this origin and a name for the tab. */
export interface TabTarget {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

const routeOf = (choice: TabChoice): Route =>
  choice.startsWith('academy:')
    ? { page: 'academy', academyId: choice.slice('academy:'.length) }
    : { page: choice as 'dashboard' | 'planner' | 'my-work' };

/** Where the configured tab opens; the address stays on the app's own origin, which the manifest lists in validDomains. */
export function tabTarget(choice: TabChoice, origin: string, academyName: (id: string) => string): TabTarget {
  const url = `${origin}${pathOf(routeOf(choice))}`;
  const names: Record<string, string> = { dashboard: 'Trust dashboard', planner: 'Year planner', 'my-work': 'My work' };
  const name = choice.startsWith('academy:') ? academyName(choice.slice('academy:'.length)) : (names[choice] ?? 'School improvement');
  return { entityId: choice, contentUrl: url, websiteUrl: url, suggestedDisplayName: name.slice(0, 50) };
}
