import type { MyWork } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';
import { useActionList } from '../actions/use-action-list';

/** My work's state: my actions (with what I may do to each), papers I owe, approvals waiting for me, my next meetings. */
export function useMyWorkPage() {
  const data = useApiData<MyWork>('/api/my-work');
  const actions = useActionList({ mine: true }, data.reload);
  return { ctx: useAppContext(), data, actions };
}

export type MyWorkState = ReturnType<typeof useMyWorkPage>;
