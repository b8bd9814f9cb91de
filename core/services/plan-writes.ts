import { isConflictError } from '../domain/errors';
import type { Meeting } from '../domain/meeting';
import type { RecordStore, Stored } from '../ports/record-store.port';

/** What a planner decided for a year: meetings to create (each under its idempotency key), change and cancel. */
export interface MeetingPlan {
  create: readonly (Omit<Meeting, 'id'> & { key: string })[];
  change: readonly { after: Meeting }[];
  cancel: readonly Meeting[];
}

/** What writing a plan did: counts, every record written (for the calendar to follow) and the meetings someone else changed first. */
export interface PlanCounts {
  created: number;
  changed: number;
  cancelled: number;
  /** Meetings the plan left as they were. */
  kept: number;
}

export interface PlanWritten extends Omit<PlanCounts, 'kept'> {
  written: Stored<Meeting>[];
  conflicts: string[];
}

/**
 * Writes a plan, the academies' year and the trust's own meetings alike. A create under a key seen
 * before returns the first record; if that was cancelled, the slot coming back revives it. A meeting
 * changed by someone else since it was read is left as they left it and noted, not overwritten.
 */
export async function writeMeetingPlan(store: RecordStore, plan: MeetingPlan): Promise<PlanWritten> {
  const out: PlanWritten = { created: 0, changed: 0, cancelled: 0, written: [], conflicts: [] };
  const save = async (m: Stored<Meeting>): Promise<boolean> => {
    try {
      out.written.push(await store.meetings.update(m));
      return true;
    } catch (e) {
      if (!isConflictError(e)) throw e;
      out.conflicts.push(m.id);
      return false;
    }
  };
  for (const { key, ...draft } of plan.create) {
    const { record, created } = await store.meetings.create(draft, { idempotencyKey: key });
    if (created) {
      out.created++;
      out.written.push(record);
    } else if (record.status === 'cancelled' && (await save({ ...record, ...draft, id: record.id, version: record.version })))
      out.created++;
  }
  for (const c of plan.change) if (await save(c.after as Stored<Meeting>)) out.changed++;
  for (const m of plan.cancel) if (await save({ ...(m as Stored<Meeting>), status: 'cancelled' })) out.cancelled++;
  return out;
}
