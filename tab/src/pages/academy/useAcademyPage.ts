import { useCallback, useState } from 'react';
import type { AcademyDetail, AcademyImprovement } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';
import { useActionList } from '../actions/use-action-list';
import { useScrollToHash } from '../flags/use-scroll-to-hash';

/**
 * The academy page's state: its detail, what closes the loop on its flags (KPIs, interventions, the
 * ladder) and its actions with what the viewer may do; every write reloads them and says what it did.
 */
export function useAcademyPage(academyId: string) {
  const ctx = useAppContext();
  const data = useApiData<AcademyDetail>(`/api/academies/${encodeURIComponent(academyId)}/detail`);
  const improvement = useApiData<AcademyImprovement>(`/api/academies/${encodeURIComponent(academyId)}/improvement`);
  const { reload: reloadDetail } = data;
  const { reload: reloadImprovement } = improvement;
  const reloadPage = useCallback(() => {
    reloadDetail();
    reloadImprovement();
  }, [reloadDetail, reloadImprovement]);
  const actions = useActionList({ academyId }, reloadPage);
  const [message, setMessage] = useState<string>();
  const changed = useCallback(
    (m: string) => {
      setMessage(m);
      reloadPage();
      actions.list.reload();
    },
    [reloadPage, actions.list],
  );
  useScrollToHash(data.state === 'ready' && improvement.state === 'ready' && actions.list.state === 'ready');
  const meetings = data.state === 'ready' ? data.data.meetings : [];
  const today = data.state === 'ready' ? data.data.today : '';
  return {
    ctx,
    academyId,
    data,
    improvement,
    actions,
    message: message ?? actions.message,
    changed,
    past: meetings.filter((m) => m.status === 'held' || m.date < today).reverse(),
    future: meetings.filter((m) => m.status === 'planned' && m.date >= today),
  };
}

export type AcademyPageState = ReturnType<typeof useAcademyPage>;
