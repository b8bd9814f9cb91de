/**
 * Stored values in words: the one set of labels the tab, the cards, the `.ics` descriptions and the
 * exports show for a status, a band, a RAG level or a priority. A value with no label here reads as
 * its own words ("not-yet-evident" → "Not yet evident"), never as the raw value.
 */

export const ACTION_STATUS_LABELS = { open: 'Open', 'in-progress': 'In progress', done: 'Done', dropped: 'Dropped' } as const;
export const MEETING_STATUS_LABELS = { planned: 'Planned', held: 'Held', cancelled: 'Cancelled' } as const;
export const INTERVENTION_STATUS_LABELS = { planned: 'Planned', active: 'Active', completed: 'Completed', stopped: 'Stopped' } as const;
export const EXTENSION_STATUS_LABELS = { requested: 'Asked for', approved: 'Approved', declined: 'Declined' } as const;
export const APPROVAL_STATUS_LABELS = { pending: 'Waiting', approved: 'Approved', 'changes-requested': 'Changes asked for' } as const;
export const ATTENDANCE_LABELS = { expected: 'Expected', attended: 'Attended', apologies: 'Apologies', absent: 'Absent' } as const;
export const RISK_BAND_LABELS = { low: 'Low', medium: 'Medium', high: 'High' } as const;
export const RAG_LABELS = { red: 'Red', amber: 'Amber', green: 'Green' } as const;
export const PRIORITY_LABELS = { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' } as const;
export const CRITERION_PROGRESS_LABELS = {
  'not-started': 'Not started',
  'some-progress': 'Some progress',
  'on-track': 'On track',
  met: 'Met',
} as const;
export const IMPACT_LABELS = { 'not-yet-evident': 'Not yet evident', some: 'Some impact', strong: 'Strong impact' } as const;
export const PHASE_LABELS = { primary: 'Primary', secondary: 'Secondary', 'all-through': 'All-through', special: 'Special' } as const;

/** "in-progress" → "In progress", "changesRequested" → "Changes requested": a value as words. */
export function words(value: string): string {
  const w = value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return w ? w[0]!.toUpperCase() + w.slice(1) : value;
}

/** The label of `value` in `labels`, or its words: a value the product does not yet list still reads as English. */
export const labelOf = (labels: Readonly<Record<string, string>>, value: string | undefined): string =>
  value === undefined ? '' : (labels[value] ?? words(value));

export const actionStatusLabel = (s: string): string => labelOf(ACTION_STATUS_LABELS, s);
export const meetingStatusLabel = (s: string): string => labelOf(MEETING_STATUS_LABELS, s);
export const interventionStatusLabel = (s: string): string => labelOf(INTERVENTION_STATUS_LABELS, s);
export const extensionStatusLabel = (s: string): string => labelOf(EXTENSION_STATUS_LABELS, s);
export const approvalStatusLabel = (s: string): string => labelOf(APPROVAL_STATUS_LABELS, s);
export const attendanceLabel = (s: string): string => labelOf(ATTENDANCE_LABELS, s);
export const riskBandLabel = (s: string | undefined): string => labelOf(RISK_BAND_LABELS, s);
export const ragLabel = (s: string): string => labelOf(RAG_LABELS, s);
export const priorityLabel = (s: string): string => labelOf(PRIORITY_LABELS, s);
export const phaseLabel = (s: string): string => labelOf(PHASE_LABELS, s);
