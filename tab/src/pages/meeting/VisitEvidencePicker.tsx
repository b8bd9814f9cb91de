import { Button, Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';
import { pathOf } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import { LoadError, Loading } from '../../components/PageState';
import { visitLine } from '../visits/VisitSummary';
import type { MeetingVisits } from '../visits/visit-types';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  findings: { whiteSpace: 'pre-wrap', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

/**
 * The academy's submitted monitoring visits, offered as evidence for a judgement (DSAT: "meetings
 * will use evidence gathered … during the monitoring aspects of the visit"). Ticking one cites it;
 * "Use the findings" puts its findings into the evidence.
 */
export function VisitEvidencePicker(props: {
  meetingId: string;
  cited: readonly string[];
  onCite: (ids: string[]) => void;
  onUseFindings: (findings: string) => void;
}) {
  const s = useStyles();
  const ctx = useAppContext();
  const list = useApiData<MeetingVisits>(`/api/meetings/${encodeURIComponent(props.meetingId)}/monitoring-visits`);
  if (list.state === 'loading') return <Loading what="the monitoring visits" />;
  if (list.state === 'error') return <LoadError error={list.error} onRetry={list.reload} />;
  const submitted = list.data.visits.filter((v) => v.status === 'submitted');
  // The viewer's own drafts for this meeting: to finish and submit before they can be cited.
  const drafts = list.data.visits.filter((v) => v.status === 'draft');
  const record = (
    <AppLink to={pathOf({ page: 'visit', academyId: list.data.academyId, meetingId: props.meetingId })}>
      Record a visit for this meeting
    </AppLink>
  );
  return (
    <fieldset className={s.box} aria-label="Monitoring visits as evidence">
      <legend>Monitoring visits as evidence</legend>
      {submitted.length === 0 ? <Text>No submitted visits to cite yet.</Text> : null}
      {submitted.map((v) => {
        const on = props.cited.includes(v.id);
        return (
          <div key={v.id} data-visit={v.id}>
            <Checkbox
              checked={on}
              label={visitLine(ctx, v)}
              onChange={(_, d) => props.onCite(d.checked ? [...props.cited, v.id] : props.cited.filter((x) => x !== v.id))}
            />
            <div className={s.findings}>{v.findings}</div>
            <Button
              size="small"
              onClick={() => {
                if (!on) props.onCite([...props.cited, v.id]);
                props.onUseFindings(v.findings);
              }}
            >
              Use the findings as evidence
            </Button>
          </div>
        );
      })}
      {drafts.map((v) => (
        <Text key={v.id}>
          Your draft is not cited until it is submitted:{' '}
          <AppLink to={pathOf({ page: 'visit', academyId: list.data.academyId, visitId: v.id })}>{visitLine(ctx, v)}</AppLink>
        </Text>
      ))}
      {record}
    </fieldset>
  );
}
