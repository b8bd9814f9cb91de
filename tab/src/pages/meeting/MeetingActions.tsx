import { Empty } from '../../components/PageState';
import { nameOf } from '../../app/app-context';
import { formatDate } from '../../format/dates';
import { ActionControls } from '../actions/ActionControls';
import { STATUS_LABEL } from '../actions/ActionProgressForm';
import { usePageStyles } from '../page.styles';
import type { MeetingPageState } from './useMeetingPage';

type Item = { id: string; text: string; ownerId: string; dueDate: string; status: keyof typeof STATUS_LABEL; overdue?: boolean };

/** A list of the meeting's actions, each with what the viewer may do to it (the action list's `can` flags). */
export function MeetingActionList(props: { st: MeetingPageState; items: Item[]; label: string; compact?: boolean }) {
  const s = usePageStyles();
  const { st } = props;
  const owners = st.data.state === 'ready' ? st.data.data.actionOwners : [];
  return (
    <ul className={s.list} aria-label={props.label}>
      {props.items.map((a) => {
        const withCan = st.actions.byId.get(a.id);
        return (
          <li key={a.id} id={`action-${a.id}`}>
            {a.text}{' '}
            <span className={a.overdue ? s.overdue : s.muted}>
              ({nameOf(st.ctx, a.ownerId)}, due {formatDate(a.dueDate)}, {STATUS_LABEL[a.status].toLowerCase()})
            </span>
            {withCan ? (
              <ActionControls action={withCan} owners={owners} onChanged={st.changed} {...(props.compact ? { compact: true } : {})} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The agenda's "actions from last time": achieved, outstanding, and the plan for completion (DSAT's iAIM agenda). */
export function CarriedForward(props: { st: MeetingPageState }) {
  const s = usePageStyles();
  const { st } = props;
  if (st.data.state !== 'ready') return null;
  const cf = st.data.data.carriedForward;
  if (cf.achieved.length + cf.outstanding.length + cf.planForCompletion.length === 0) return <Empty>No actions carried forward.</Empty>;
  const groups = [
    ['Achieved', cf.achieved],
    ['Outstanding', cf.outstanding],
    ['Plan for completion', cf.planForCompletion],
  ] as const;
  return (
    <>
      {groups.map(([label, items]) =>
        items.length === 0 ? null : (
          <div key={label}>
            <h3 className={s.subheading}>{label}</h3>
            <MeetingActionList
              st={st}
              label={`${label}: actions carried forward`}
              items={items.map((a) => ({
                id: a.actionId,
                text: a.text,
                ownerId: a.ownerId,
                dueDate: a.dueDate,
                status: a.status,
                overdue: a.overdue,
              }))}
            />
          </div>
        ),
      )}
    </>
  );
}
