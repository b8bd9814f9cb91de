import { Link } from '@fluentui/react-components';
import type { ReactNode, MouseEvent } from 'react';
import { navigate } from '../app/router';

/** A link to another page of the tab: a real href (deep link, open in new tab) that navigates in place on a plain click. */
export function AppLink(props: { to: string; children: ReactNode; current?: boolean; className?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(props.to);
  };
  return (
    <Link
      href={props.to}
      onClick={onClick}
      {...(props.current ? { 'aria-current': 'page' as const } : {})}
      {...(props.className ? { className: props.className } : {})}
    >
      {props.children}
    </Link>
  );
}
