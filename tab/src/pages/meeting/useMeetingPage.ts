import { useState } from 'react';
import { useMeetingRecord } from './useMeetingRecord';

/** The meeting page's state: the record and its writes, who may record, and the notes drafts. */
export function useMeetingPage(meetingId: string) {
  const record = useMeetingRecord(meetingId);
  const { ctx, data } = record;
  const [notesDraft, setNotesDraft] = useState('');
  const [comment, setComment] = useState('');
  const meeting = data.state === 'ready' ? data.data.meeting : undefined;
  const trustWriter = ctx.me.roles.some((r) => r.role === 'ceo' || r.role === 'improvement-director' || r.role === 'trust-admin');
  const canRecord = !!meeting && (meeting.chairId === ctx.me.id || trustWriter);
  const canWrite = !!meeting && (trustWriter || ctx.me.roles.some((r) => r.academyId === meeting.academyId));
  return { ...record, canRecord, canWrite, notesDraft, setNotesDraft, comment, setComment };
}

export type MeetingPageState = ReturnType<typeof useMeetingPage>;
