import { useState } from 'react';
import { useMeetingRecord } from './useMeetingRecord';

/** The meeting page's state: the record and its writes, who may record, and the notes drafts. */
export function useMeetingPage(meetingId: string) {
  const record = useMeetingRecord(meetingId);
  const { ctx, data } = record;
  const [notesDraft, setNotesDraft] = useState('');
  const [comment, setComment] = useState('');
  // What the viewer may do comes from the server (core/domain/viewer-can.ts), never from a copy here.
  const can = data.state === 'ready' ? data.data.can : undefined;
  const canRecord = can?.run ?? false;
  const canWrite = can?.write ?? false;
  return { ...record, can, canRecord, canWrite, notesDraft, setNotesDraft, comment, setComment };
}

export type MeetingPageState = ReturnType<typeof useMeetingPage>;
