import type { ActionItem } from '../../domain/action-item';
import type { Stored } from '../../ports/record-store.port';

/** An action as it leaves the services; only these fields. */
export const actionView = (a: Stored<ActionItem>) => ({
  id: a.id,
  version: a.version,
  academyId: a.academyId,
  ...(a.raisedInMeetingId ? { raisedInMeetingId: a.raisedInMeetingId } : {}),
  text: a.text,
  ownerId: a.ownerId,
  ...(a.raisedBy ? { raisedBy: a.raisedBy } : {}),
  dueDate: a.dueDate,
  status: a.status,
  createdAt: a.createdAt,
  ...(a.completedAt ? { completedAt: a.completedAt } : {}),
  progress: a.progress.map((p) => ({ at: p.at, by: p.by, note: p.note, ...(p.status ? { status: p.status } : {}) })),
});

export type ActionView = ReturnType<typeof actionView>;
