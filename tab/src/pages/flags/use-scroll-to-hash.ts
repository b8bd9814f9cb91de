import { useEffect } from 'react';
import { HASH_EVENT } from './FlagLink';

/**
 * Once the page has its data, brings the part of it the address names (`#action-…`, `#kpi-drops`)
 * into view and moves focus there, so a flag's link lands on its fix for keyboard and screen-reader
 * users too; and again whenever a link on the page names another part.
 */
export function useScrollToHash(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const go = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id) return;
      // After the browser has laid the page out (sections load their own data).
      requestAnimationFrame(() => {
        const el = document.getElementById(id);
        if (!el) return;
        el.scrollIntoView({ block: 'start' });
        if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
        el.focus({ preventScroll: true });
      });
    };
    go();
    window.addEventListener(HASH_EVENT, go);
    window.addEventListener('hashchange', go);
    return () => {
      window.removeEventListener(HASH_EVENT, go);
      window.removeEventListener('hashchange', go);
    };
  }, [ready]);
}
