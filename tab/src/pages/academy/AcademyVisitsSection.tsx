import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';
import { pathOf } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { Section } from '../../components/Section';
import { STATUS_WORDS } from '../visits/visit-labels';
import type { AcademyVisits } from '../visits/visit-types';
import { visitLine } from '../visits/VisitSummary';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

/** The academy's QA and monitoring visits, newest first: the submitted ones, and the viewer's own drafts to finish. */
export function AcademyVisitsSection(props: { academyId: string }) {
  const s = useStyles();
  const ctx = useAppContext();
  const list = useApiData<AcademyVisits>(`/api/academies/${encodeURIComponent(props.academyId)}/monitoring-visits`);
  const record = <AppLink to={pathOf({ page: 'visit', academyId: props.academyId })}>Record a visit</AppLink>;
  return (
    <Section title="Monitoring visits" actions={record}>
      {list.state === 'loading' ? (
        <Loading what="the visits" />
      ) : list.state === 'error' ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : list.data.visits.length === 0 ? (
        <Empty>No visits recorded yet.</Empty>
      ) : (
        <ul className={s.list} aria-label="Monitoring visits">
          {list.data.visits.map((v) => (
            <li key={v.id} data-visit={v.id}>
              <Badge appearance="outline" color={v.status === 'draft' ? 'warning' : 'success'}>
                {STATUS_WORDS[v.status]}
              </Badge>{' '}
              <AppLink to={pathOf({ page: 'visit', academyId: props.academyId, visitId: v.id })}>{visitLine(ctx, v)}</AppLink>
              <div className={s.muted}>{v.focus || 'No focus yet'}</div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
