/** Where the tab runs: inside Teams (SSO, Teams theme) or in a plain browser on the local host. */
export type ThemeName = 'default' | 'dark' | 'contrast';

export interface TeamsHost {
  kind: 'teams';
  theme: ThemeName;
  /** The page a deep link or a configured tab asked for, e.g. "meeting/<id>/panel". */
  subPageId?: string;
  frameContext?: string;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** The Teams SSO token for the API (`authentication.getAuthToken`). */
  getToken(): Promise<string>;
}

export interface LocalHost {
  kind: 'local';
}

export type Host = TeamsHost | LocalHost;

const asTheme = (t: string | undefined): ThemeName => (t === 'dark' ? 'dark' : t === 'contrast' ? 'contrast' : 'default');

/** Teams loads tabs in an iframe; a top-level page is a plain browser. */
const inFrame = (): boolean => {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
};

/**
 * Connects to Teams when framed by it. teams-js is loaded only then, so the local page and the
 * first render do not pay for it; a frame that is not Teams falls back to local after 4 s.
 */
export async function connectToHost(): Promise<Host> {
  if (!inFrame()) return { kind: 'local' };
  try {
    const { app, authentication } = await import('@microsoft/teams-js');
    await Promise.race([app.initialize(), new Promise((_, reject) => setTimeout(() => reject(new Error('Teams did not answer')), 4000))]);
    const context = await app.getContext();
    void app.notifySuccess();
    return {
      kind: 'teams',
      theme: asTheme(context.app.theme),
      ...(context.page.subPageId ? { subPageId: context.page.subPageId } : {}),
      ...(context.page.frameContext ? { frameContext: context.page.frameContext } : {}),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((t) => handler(asTheme(t))),
      getToken: () => authentication.getAuthToken(),
    };
  } catch {
    return { kind: 'local' };
  }
}
