import type { AcademyDetail } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';

/** The academy page's state: its detail from the API, split into past and future meetings. */
export function useAcademyPage(academyId: string) {
  const ctx = useAppContext();
  const data = useApiData<AcademyDetail>(`/api/academies/${encodeURIComponent(academyId)}/detail`);
  const meetings = data.state === 'ready' ? data.data.meetings : [];
  const today = data.state === 'ready' ? data.data.today : '';
  return {
    ctx,
    data,
    past: meetings.filter((m) => m.status === 'held' || m.date < today).reverse(),
    future: meetings.filter((m) => m.status === 'planned' && m.date >= today),
  };
}

export type AcademyPageState = ReturnType<typeof useAcademyPage>;
