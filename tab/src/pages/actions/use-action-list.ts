import { useCallback, useMemo, useState } from 'react';
import type { ActionList, ActionWithCan } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';

/**
 * Actions with what the viewer may do to each (the server's `can` flags), for a page's rows: an
 * academy's, a meeting's academy's, or the viewer's own. `changed` shows what was saved and reloads
 * this list and whatever else the page shows from the same records.
 */
export function useActionList(query: { academyId: string } | { meetingId: string } | { mine: true }, alsoReload?: () => void) {
  const qs =
    'academyId' in query
      ? `academyId=${encodeURIComponent(query.academyId)}`
      : 'meetingId' in query
        ? `meetingId=${encodeURIComponent(query.meetingId)}`
        : 'mine=true';
  const list = useApiData<ActionList>(`/api/actions?${qs}`);
  const [message, setMessage] = useState<string>();
  const { reload } = list;
  const byId = useMemo(() => new Map<string, ActionWithCan>(list.state === 'ready' ? list.data.items.map((a) => [a.id, a]) : []), [list]);
  const changed = useCallback(
    (m: string) => {
      setMessage(m);
      reload();
      alsoReload?.();
    },
    [reload, alsoReload],
  );
  return { list, byId, message, changed, defaultDueDate: list.state === 'ready' ? list.data.defaultDueDate : undefined };
}

export type ActionListState = ReturnType<typeof useActionList>;
