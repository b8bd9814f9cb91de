import { useEffect, useRef, useState } from 'react';
import { academyName, useAppContext } from '../../app/app-context';
import { tabTarget, type TabChoice } from './tab-choice';

/**
 * The configurable tab's setup page: the person picks what the tab shows, and Teams' Save
 * (`pages.config.registerOnSaveHandler`) stores that page's address. Outside Teams there is no Save.
 */
export function useConfigPage() {
  const ctx = useAppContext();
  const [choice, setChoice] = useState<TabChoice>('dashboard');
  const [saveError, setSaveError] = useState<string>();
  const latest = useRef(choice);
  latest.current = choice;

  useEffect(() => {
    if (ctx.mode !== 'teams') return;
    let live = true;
    void import('@microsoft/teams-js').then(({ pages }) => {
      if (!live) return;
      pages.config.registerOnSaveHandler((event) => {
        const target = tabTarget(latest.current, window.location.origin, (id) => academyName(ctx, id));
        pages.config.setConfig(target).then(
          () => event.notifySuccess(),
          (e: unknown) => {
            const why = e instanceof Error ? e.message : String(e);
            setSaveError(why);
            event.notifyFailure(why);
          },
        );
      });
      // Every choice is a valid tab, the default included, so Save is available at once.
      pages.config.setValidityState(true);
    });
    return () => {
      live = false;
    };
  }, [ctx]);

  const academies = [...ctx.academies.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { ctx, choice, setChoice, academies, saveError, inTeams: ctx.mode === 'teams' };
}

export type ConfigState = ReturnType<typeof useConfigPage>;
