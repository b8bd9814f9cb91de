import type { LocalDate } from '../domain/local-date';
import type { Meeting } from '../domain/meeting';
import { isReportOverdue, isReportToChase } from '../domain/meeting-reports';
import { effectiveDueDate } from '../domain/paper-deadlines';

/**
 * Reports due after a meeting, chased like papers (issue 17): the owner hears from the day before
 * the report is due, once for its due date, and again once it is late; each is one occurrence, so
 * the queue and the delivery ledger send it once whatever the sweep's reruns.
 */
export function reportsDue(m: Meeting, today: LocalDate) {
  const byOwner = new Map<string, { ids: string[]; keys: string[] }>();
  for (const p of m.reports ?? []) {
    if (!isReportToChase(p, m, today)) continue;
    const entry = byOwner.get(p.ownerId!) ?? { ids: [], keys: [] };
    entry.ids.push(p.requirementId);
    entry.keys.push(`${p.requirementId}:${effectiveDueDate(p)}${isReportOverdue(p, m, today) ? ':late' : ''}`);
    byOwner.set(p.ownerId!, entry);
  }
  return [...byOwner].map(([personId, { ids, keys }]) => ({
    kind: 'report-due' as const,
    personId,
    meetingId: m.id,
    requirementIds: ids,
    occurrence: `${m.id}@report:${keys.join(',')}`,
  }));
}
