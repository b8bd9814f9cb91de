import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { nameOf } from '../../app/app-context';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { Section } from '../../components/Section';
import { formatDate } from '../../format/dates';
import { ActionControls } from '../actions/ActionControls';
import { STATUS_LABEL } from '../actions/ActionProgressForm';
import { usePageStyles } from '../page.styles';
import type { AcademyPageState } from './useAcademyPage';

/** The academy's actions, each with what the viewer may do to it; a flag's link lands on its row (`#action-<id>`). */
export function AcademyActionsSection(props: { st: AcademyPageState }) {
  const s = usePageStyles();
  const { st } = props;
  const list = st.actions.list;
  const owners = st.improvement.state === 'ready' ? st.improvement.data.people : [];
  if (list.state === 'loading') return <Loading what="the actions" />;
  if (list.state === 'error') return <LoadError error={list.error} onRetry={list.reload} />;
  const items = [...list.data.items].sort(
    (a, b) =>
      Number(b.status === 'open' || b.status === 'in-progress') - Number(a.status === 'open' || a.status === 'in-progress') ||
      a.dueDate.localeCompare(b.dueDate),
  );
  const open = items.filter((x) => x.status === 'open' || x.status === 'in-progress');
  return (
    <div id="actions">
      <Section title={`Actions (${open.length} open)`}>
        {items.length === 0 ? (
          <Empty>No actions yet.</Empty>
        ) : (
          <div className={s.tableWrap}>
            <Table aria-label="Actions" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Action</TableHeaderCell>
                  <TableHeaderCell>Owner</TableHeaderCell>
                  <TableHeaderCell>Due</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((x) => {
                  const overdue = (x.status === 'open' || x.status === 'in-progress') && x.dueDate < list.data.today;
                  return (
                    <TableRow key={x.id} id={`action-${x.id}`} data-action={x.id}>
                      <TableCell>
                        {x.text}
                        {x.progress.length > 0 ? <div className={s.muted}>{x.progress[x.progress.length - 1]!.note}</div> : null}
                        <ActionControls action={x} owners={owners} onChanged={st.changed} compact />
                      </TableCell>
                      <TableCell>{nameOf(st.ctx, x.ownerId)}</TableCell>
                      <TableCell>
                        <span className={overdue ? s.overdue : undefined}>
                          {formatDate(x.dueDate)}
                          {overdue ? ' (overdue)' : ''}
                        </span>
                      </TableCell>
                      <TableCell>{STATUS_LABEL[x.status]}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
      </Section>
    </div>
  );
}
