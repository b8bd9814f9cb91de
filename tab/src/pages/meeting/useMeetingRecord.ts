import { useCallback, useState } from 'react';
import type { Grade, MeetingView } from '../../api/api-types';
import { asApiError, useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';
import { problemsSentence } from '../../format/words';

export type Feedback = { intent: 'success' | 'error'; text: string } | undefined;

/**
 * A meeting and what can be recorded on it: judgements, notes and their approval, attendance, papers
 * (actions are captured and moved on by `ActionCaptureForm` and `ActionControls`).
 * Every write sends the version read, so two people recording at once never overwrite each other.
 */
export function useMeetingRecord(meetingId: string) {
  const ctx = useAppContext();
  const data = useApiData<MeetingView>(`/api/meetings/${encodeURIComponent(meetingId)}`);
  const [feedback, setFeedback] = useState<Feedback>();
  const [busy, setBusy] = useState(false);
  const base = `/api/meetings/${encodeURIComponent(meetingId)}`;
  const version = data.state === 'ready' ? data.data.meeting.version : '';
  const { reload } = data;

  const run = useCallback(
    async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
      setBusy(true);
      try {
        await work();
        setFeedback({ intent: 'success', text: done });
        reload();
        return true;
      } catch (e) {
        const err = asApiError(e);
        setFeedback({
          intent: 'error',
          text: err.problems.length > 0 ? problemsSentence(err.problems) : err.message,
        });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [reload],
  );

  return {
    ctx,
    data,
    feedback,
    busy,
    recordJudgement: (j: { area: string; evidence: string; indicativeGrade?: Grade }) =>
      run(() => ctx.api.send('POST', `${base}/judgements`, { ...j, version }), 'Judgement recorded.'),
    writeNotes: (text: string) => run(() => ctx.api.send('PUT', `${base}/notes`, { text, version }), 'Notes saved and sent for approval.'),
    approveNotes: (approve: boolean, comment?: string) =>
      run(
        () => ctx.api.send('POST', `${base}/notes/approval`, { approve, ...(comment ? { comment } : {}), version }),
        approve ? 'Notes approved.' : 'Changes requested.',
      ),
    recordAttendance: (personId: string, attendance: 'attended' | 'absent') =>
      run(
        () => ctx.api.send('POST', `${base}/attendance`, { personId, attendance, version }),
        `${ctx.people.get(personId)?.name ?? personId} marked as ${attendance}.`,
      ),
    sendApologies: (a: { personId: string; reason: string; substituteId?: string }) =>
      run(
        () => ctx.api.send('POST', `${base}/apologies`, { ...a, version }),
        `Apologies recorded for ${ctx.people.get(a.personId)?.name ?? a.personId}.`,
      ),
    requestExtension: (requirementId: string, e: { newDueDate: string; reason: string }) =>
      run(
        () => ctx.api.send('POST', `${base}/papers/${encodeURIComponent(requirementId)}/extension`, { ...e, version }),
        'Extension asked for; the chair decides.',
      ),
    decideExtension: (requirementId: string, approve: boolean) =>
      run(
        () => ctx.api.send('POST', `${base}/papers/${encodeURIComponent(requirementId)}/extension/decision`, { approve, version }),
        approve ? 'Extension granted; the deadline has moved.' : 'Extension declined.',
      ),
    submitPaper: (requirementId: string, link?: string) =>
      run(
        () => ctx.api.send('POST', `${base}/papers/${encodeURIComponent(requirementId)}/submit`, { ...(link ? { link } : {}), version }),
        'Paper marked as in.',
      ),
    /** Puts the file in the meeting's folder and marks the paper in (PUT …/file: the file as the body, past 4 MB too). */
    uploadPaper: (requirementId: string, file: File) =>
      run(
        () =>
          ctx.api.upload(
            `${base}/papers/${encodeURIComponent(requirementId)}/file?fileName=${encodeURIComponent(file.name)}&version=${encodeURIComponent(version)}`,
            file,
          ),
        `${file.name} uploaded; the paper is in.`,
      ),
  };
}

export type MeetingRecord = ReturnType<typeof useMeetingRecord>;
