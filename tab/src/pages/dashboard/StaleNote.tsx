import { formatDateTime } from '../../format/dates';

/**
 * Says that a dashboard row shows its last good values because SharePoint did not answer just now
 * (the read model keeps them rather than failing the view): small, in words a screen reader reads
 * in the row, with the time in England's time.
 */
export function StaleNote({ since, className }: { since: string; className?: string }) {
  return (
    <div role="note" className={className}>
      Last updated {formatDateTime(since)}, SharePoint did not answer
    </div>
  );
}
