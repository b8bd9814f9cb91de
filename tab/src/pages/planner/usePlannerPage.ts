import { formatDate } from '../../format/dates';
import { useState } from 'react';
import { ApiError } from '../../api/api-client';
import type { Meeting, Planner } from '../../api/api-types';
import { asApiError, useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';

export type MoveResult = { kind: 'moved'; text: string } | { kind: 'refused'; text: string } | undefined;

const TERM = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' } as const;

/** The planner's state: the year by half term, each chair's load, and moving one meeting. */
export function usePlannerPage() {
  const ctx = useAppContext();
  const data = useApiData<Planner>('/api/planner');
  const [moving, setMoving] = useState<Meeting & { version: string }>();
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<MoveResult>();
  const canMove = ctx.me.can.planMeetings;

  const halfTerms =
    data.state === 'ready'
      ? data.data.halfTerms.map((h) => {
          return {
            ...h,
            label: `${TERM[h.term]} ${h.halfTerm % 2 === 1 ? 1 : 2}`,
            meetings: (data.data.meetings as (Meeting & { version: string })[])
              .filter((m) => m.halfTerm === h.halfTerm)
              .sort((a, b) => a.date.localeCompare(b.date)),
          };
        })
      : [];
  const chairs = data.state === 'ready' ? Object.entries(data.data.chairLoad).sort(([a], [b]) => a.localeCompare(b)) : [];

  const startMove = (m: Meeting & { version: string }) => {
    setMoving(m);
    setDate(m.date);
    setResult(undefined);
  };

  const move = async () => {
    if (!moving) return;
    setBusy(true);
    try {
      await ctx.api.send('POST', `/api/meetings/${encodeURIComponent(moving.id)}/move`, { date, version: moving.version });
      setResult({ kind: 'moved', text: `Moved to ${formatDate(date)}. The calendar event follows.` });
      setMoving(undefined);
      data.reload();
    } catch (e) {
      const err = asApiError(e);
      setResult({ kind: 'refused', text: err instanceof ApiError && err.status === 409 ? `${err.message}` : err.message });
    } finally {
      setBusy(false);
    }
  };

  return {
    ctx,
    data,
    halfTerms,
    chairs,
    canMove,
    moving,
    startMove,
    cancelMove: () => setMoving(undefined),
    date,
    setDate,
    move,
    busy,
    result,
  };
}

export type PlannerState = ReturnType<typeof usePlannerPage>;
