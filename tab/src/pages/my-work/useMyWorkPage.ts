import type { MyWork } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';

/** My work's state: my actions, papers I owe, approvals waiting for me, my next meetings. */
export function useMyWorkPage() {
  return { ctx: useAppContext(), data: useApiData<MyWork>('/api/my-work') };
}

export type MyWorkState = ReturnType<typeof useMyWorkPage>;
