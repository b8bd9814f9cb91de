import { useCallback, useState } from 'react';
import type { MeetingKpiDrops } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { useActionList } from '../actions/use-action-list';
import { useScrollToHash } from '../flags/use-scroll-to-hash';
import { useMeetingRecord } from './useMeetingRecord';

/**
 * The meeting page's state: the record and its writes, who may record, the notes drafts, the
 * actions with what the viewer may do to each, and the KPI drops on the agenda.
 */
export function useMeetingPage(meetingId: string) {
  const record = useMeetingRecord(meetingId);
  const { data } = record;
  const [notesDraft, setNotesDraft] = useState('');
  const [comment, setComment] = useState('');
  const drops = useApiData<MeetingKpiDrops>(`/api/meetings/${encodeURIComponent(meetingId)}/kpi-drops`);
  const { reload: reloadMeeting } = data;
  const { reload: reloadDrops } = drops;
  const reloadBoth = useCallback(() => {
    reloadMeeting();
    reloadDrops();
  }, [reloadMeeting, reloadDrops]);
  const actions = useActionList({ meetingId }, reloadBoth);
  const [message, setMessage] = useState<string>();
  const changed = useCallback(
    (m: string) => {
      setMessage(m);
      reloadBoth();
      actions.list.reload();
    },
    [reloadBoth, actions.list],
  );
  useScrollToHash(data.state === 'ready' && drops.state !== 'loading');
  // What the viewer may do comes from the server (core/domain/viewer-can.ts), never from a copy here.
  const can = data.state === 'ready' ? data.data.can : undefined;
  const canRecord = can?.run ?? false;
  const canWrite = can?.write ?? false;
  return {
    ...record,
    can,
    canRecord,
    canWrite,
    notesDraft,
    setNotesDraft,
    comment,
    setComment,
    drops,
    actions,
    message: message ?? actions.message,
    changed,
  };
}

export type MeetingPageState = ReturnType<typeof useMeetingPage>;
