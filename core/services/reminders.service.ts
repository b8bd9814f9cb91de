import { addDays } from '../domain/local-date';
import type { EventMessage } from '../domain/notifications';
import { notesAwaitingApproval } from '../domain/notes-approval';
import { effectiveDueDate, isPaperIn, papersToEscalate } from '../domain/paper-deadlines';
import { loadTrust, type ServiceDeps } from './service-context';
import { reportsDue } from './report-reminders';

/** How many days before a paper's deadline its owner first gets the deadline card. */
export const PAPER_REMINDER_DAYS = 5;
/** Attendees get the meeting reminder this many days before. */
export const ATTENDEE_REMINDER_DAYS = 2;
/** Action owners are reminded this many days before the due date. */
export const ACTION_REMINDER_DAYS = 3;

/** One message to one person for one occurrence: a reminder the daily sweep finds due, or a message about a change. */
export type DueReminder =
  | EventMessage
  | { kind: 'paper-deadline'; personId: string; meetingId: string; occurrence: string }
  | { kind: 'paper-escalation'; personId: string; meetingId: string; requirementIds: string[]; occurrence: string }
  | { kind: 'report-due'; personId: string; meetingId: string; requirementIds: string[]; occurrence: string }
  | { kind: 'notes-approval'; personId: string; meetingId: string; occurrence: string }
  | { kind: 'attendee-reminder'; personId: string; meetingId: string; occurrence: string }
  | { kind: 'action-due' | 'action-overdue'; personId: string; actionId: string; occurrence: string }
  | { kind: 'intervention-review'; personId: string; academyId: string; occurrence: string };

/**
 * Every reminder due today, each with the occurrence it is for (the meeting, the paper's deadline,
 * the action's due date) so the sender can send each one to each person once. Lead times come from
 * the trust's model (a paper's `leadDays` sets its deadline; `escalateAfterWorkingDays` when the
 * chair is told).
 */
export async function dueReminders(deps: ServiceDeps): Promise<DueReminder[]> {
  const trust = await loadTrust(deps);
  const { today } = trust;
  const meetings = await deps.store.meetings.inRange({ from: addDays(today, -60), to: addDays(today, 70) }).toArray();
  const out: DueReminder[] = [];
  for (const m of meetings) {
    if (m.status === 'planned' && m.date >= today) {
      const owners = new Set(
        m.papers
          .filter((p) => !isPaperIn(p) && p.ownerId && addDays(effectiveDueDate(p), -PAPER_REMINDER_DAYS) <= today)
          .map((p) => p.ownerId!),
      );
      for (const personId of owners) out.push({ kind: 'paper-deadline', personId, meetingId: m.id, occurrence: `${m.id}@${m.date}` });
      const kind = trust.model.meetingKinds.find((k) => k.id === m.kind);
      const late = kind ? papersToEscalate(m, kind, today, trust.calendar) : [];
      if (late.length)
        out.push({
          kind: 'paper-escalation',
          personId: m.chairId,
          meetingId: m.id,
          requirementIds: late.map((p) => p.requirementId),
          occurrence: `${m.id}@${late.map((p) => `${p.requirementId}:${effectiveDueDate(p)}`).join(',')}`,
        });
      if (addDays(m.date, -ATTENDEE_REMINDER_DAYS) <= today) {
        for (const a of m.attendees)
          if (a.attendance !== 'apologies')
            out.push({ kind: 'attendee-reminder', personId: a.personId, meetingId: m.id, occurrence: `${m.id}@${m.date}` });
      }
    }
    out.push(...reportsDue(m, today));
    for (const a of notesAwaitingApproval(m))
      out.push({ kind: 'notes-approval', personId: a.personId, meetingId: m.id, occurrence: `${m.id}@${m.notes!.writtenAt}` });
  }
  const academies = await deps.store.academies.list({}).toArray();
  for (const academy of academies) {
    for (const a of await deps.store.actions.list({ academyId: academy.id }).toArray()) {
      if (a.status !== 'open' && a.status !== 'in-progress') continue;
      if (a.dueDate < today) out.push({ kind: 'action-overdue', personId: a.ownerId, actionId: a.id, occurrence: `${a.id}@${a.dueDate}` });
      else if (addDays(a.dueDate, -ACTION_REMINDER_DAYS) <= today)
        out.push({ kind: 'action-due', personId: a.ownerId, actionId: a.id, occurrence: `${a.id}@${a.dueDate}` });
    }
    // An intervention's lead is told of a review due (Schoolsworks: interventions have review dates), from a few days before until it is held.
    for (const i of await deps.store.interventions.list({ academyId: academy.id }).toArray()) {
      if (i.status !== 'active' && i.status !== 'planned') continue;
      const held = (i.reviews ?? []).map((r) => r.on);
      for (const due of i.reviewDates) {
        if (held.some((on) => on >= due) || due < addDays(today, -ACTION_REMINDER_DAYS) || addDays(due, -ACTION_REMINDER_DAYS) > today)
          continue;
        out.push({ kind: 'intervention-review', personId: i.leadId, academyId: academy.id, occurrence: `${i.id}@${due}` });
      }
    }
  }
  return out;
}
