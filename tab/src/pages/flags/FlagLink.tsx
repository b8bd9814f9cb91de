import { Link } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import type { RagFix } from '../../api/api-types';
import { navigate, pathOf } from '../../app/router';

/** Fired when the tab moves to a part of a page, so a page already showing scrolls to it. */
export const HASH_EVENT = 'tab:hash';

/** The tab path of where a flag is resolved: the page, then the part of it ("#kpi-drops"). */
export const fixHref = (fix: RagFix): string =>
  `${pathOf(fix.page === 'meeting' ? { page: 'meeting', meetingId: fix.id } : { page: 'academy', academyId: fix.id })}#${fix.anchor}`;

/** Goes to a part of a page without reloading: the page, keeping the query (dev identity, theme), then the anchor. */
export function goToFix(fix: RagFix): void {
  const [path, anchor] = fixHref(fix).split('#') as [string, string];
  if (window.location.pathname !== path) navigate(path);
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${anchor}`);
  window.dispatchEvent(new Event(HASH_EVENT));
}

/**
 * A flag that leads to its fix: the reason's words as a link to where the person responsible
 * resolves it (the overdue action, the drop to review, the missed review, the late paper).
 */
export function FlagLink(props: { fix?: RagFix; children: ReactNode }) {
  if (!props.fix) return <>{props.children}</>;
  const fix = props.fix;
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    goToFix(fix);
  };
  return (
    <Link href={fixHref(fix)} onClick={onClick} title={fix.label}>
      {props.children}
    </Link>
  );
}
