import { useState } from 'react';
import { asApiError } from '../api/use-api-data';
import { useAppContext } from '../app/app-context';

/**
 * A paper's link. A file the app keeps itself (`/api/.../papers/files/…`) is served only to who may
 * see the meeting, so a plain link (which carries no identity) cannot open it: it is fetched through
 * the API client and saved. Anything else (a SharePoint address) opens as a link.
 */
export function PaperLink(props: { href: string; label?: string }) {
  const { api } = useAppContext();
  const [problem, setProblem] = useState<string>();
  const url = new URL(props.href, window.location.href);
  // The app's own paper files, wherever the host said it lives (its configured address may differ from the page's).
  const ours = /^\/api\/meetings\/[^/]+\/papers\/files\/[^/]+$/.test(url.pathname);
  if (!ours)
    return (
      <a href={props.href} target="_blank" rel="noopener noreferrer">
        {props.label ?? 'open'}
      </a>
    );
  const save = async () => {
    setProblem(undefined);
    try {
      const blob = await api.download(url.pathname);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = decodeURIComponent(url.pathname.split('/').pop() ?? 'paper');
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      setProblem(asApiError(e).message);
    }
  };
  return (
    <>
      <a
        href={props.href}
        onClick={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {props.label ?? 'open'}
      </a>
      {problem ? <span role="alert"> {problem}</span> : null}
    </>
  );
}
