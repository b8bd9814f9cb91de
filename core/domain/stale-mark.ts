/**
 * Values shown as they were last read because SharePoint did not answer just now: the dashboard
 * shows the last good value, labelled with its time, instead of failing the whole view (issue 19).
 */
export interface StaleMark {
  /** When the oldest of the unanswered lists was last read in full (ISO instant, UTC). */
  since: string;
  /** The record kinds whose values are older than this view. */
  lists: string[];
}
