import {
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../format/dates';
import { usePageStyles } from '../page.styles';
import { useDeliveriesPanel, type DeliveryItem } from './useDeliveriesPanel';

const STATUS_NAMES: Record<DeliveryItem['status'], string> = {
  poisoned: 'Gave up after retries',
  failed: 'Failed',
  'no-conversation': 'App not installed',
  sent: 'Sent',
};

/** Settings (trust admin / CEO): reminders that could not be delivered, why, and a Retry for each. */
export function DeliveriesPanel() {
  const { deliveries, busyKey, notice, retry } = useDeliveriesPanel();
  const s = usePageStyles();
  return (
    <Section title="Reminder deliveries">
      {notice ? (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {deliveries.state === 'loading' ? <Loading what="reminder deliveries" /> : null}
      {/* 503: this host keeps no delivery ledger (locally, Azurite did not start); said plainly, not as an error. */}
      {deliveries.state === 'error' && deliveries.error.status === 503 ? <Empty>{deliveries.error.message}</Empty> : null}
      {deliveries.state === 'error' && deliveries.error.status !== 503 ? (
        <LoadError error={deliveries.error} onRetry={deliveries.reload} />
      ) : null}
      {deliveries.state === 'ready' ? (
        deliveries.data.deliveries.length === 0 ? (
          <Empty>Every reminder has been delivered.</Empty>
        ) : (
          <div className={s.tableWrap}>
            <Table aria-label="Reminder deliveries that failed" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Person</TableHeaderCell>
                  <TableHeaderCell>Reminder</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                  <TableHeaderCell>Last error</TableHeaderCell>
                  <TableHeaderCell>When</TableHeaderCell>
                  <TableHeaderCell>
                    <span className={s.visuallyHidden}>Retry</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {deliveries.data.deliveries.map((d) => (
                  <TableRow key={d.key} data-delivery={d.key}>
                    <TableCell>{d.personName}</TableCell>
                    <TableCell>{d.reminder}</TableCell>
                    <TableCell>
                      {STATUS_NAMES[d.status]} ({d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'})
                    </TableCell>
                    <TableCell>{d.lastError ?? '—'}</TableCell>
                    <TableCell>{formatDateTime(d.updatedAt)}</TableCell>
                    <TableCell>
                      <Button
                        size="small"
                        aria-label={`Retry ${d.reminder} for ${d.personName}`}
                        disabled={busyKey !== undefined}
                        onClick={() => void retry(d)}
                      >
                        Retry
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )
      ) : null}
    </Section>
  );
}
