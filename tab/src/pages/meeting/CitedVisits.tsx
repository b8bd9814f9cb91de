import { makeStyles, tokens } from '@fluentui/react-components';
import { useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';
import { pathOf } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import type { MeetingVisits } from '../visits/visit-types';
import { visitLine } from '../visits/VisitSummary';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

/** The monitoring visits a judgement cites as its evidence, each linking to the visit as recorded. */
export function CitedVisits(props: { meetingId: string; academyId: string; ids: readonly string[] }) {
  const s = useStyles();
  const ctx = useAppContext();
  const list = useApiData<MeetingVisits>(`/api/meetings/${encodeURIComponent(props.meetingId)}/monitoring-visits`);
  const byId = new Map(list.state === 'ready' ? list.data.visits.map((v) => [v.id, v]) : []);
  return (
    <ul className={s.list} aria-label="Monitoring visits cited">
      {props.ids.map((id) => {
        const v = byId.get(id);
        return (
          <li key={id}>
            <AppLink to={pathOf({ page: 'visit', academyId: props.academyId, visitId: id })}>
              {v ? visitLine(ctx, v) : 'Monitoring visit'}
            </AppLink>
          </li>
        );
      })}
    </ul>
  );
}
