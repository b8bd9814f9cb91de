import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AcademyDetail } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { academyName, useAppContext } from '../../app/app-context';
import { pathOf } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import { LoadError, Loading } from '../../components/PageState';
import { londonToday } from '../../format/dates';
import { MonitoringVisitForm } from './MonitoringVisitForm';
import { newVisitForm, visitForm } from './visit-form-state';
import type { MonitoringVisit } from './visit-types';
import { VisitSummary } from './VisitSummary';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

type Meetings = AcademyDetail['meetings'];

/** The form while the visit is new or the viewer's draft; the record once submitted (or someone else's). */
function VisitEditor(props: { academyId: string; loaded?: MonitoringVisit; meetingId?: string | undefined; meetings: Meetings }) {
  const ctx = useAppContext();
  const [visit, setVisit] = useState<MonitoringVisit | undefined>(props.loaded);
  const [submitted, setSubmitted] = useState(false);
  return (
    <>
      {submitted ? (
        <MessageBar layout="multiline" intent="success" role="status">
          <MessageBarBody>Visit submitted: the academy and its meetings can see it now.</MessageBarBody>
        </MessageBar>
      ) : null}
      {!visit || visit.can.change ? (
        <MonitoringVisitForm
          academyId={props.academyId}
          initial={visit ? visitForm(visit) : newVisitForm(londonToday(), ctx.model.monitoringForm.activities, props.meetingId)}
          {...(visit ? { visit } : {})}
          meetings={props.meetings}
          onSaved={(v, done) => {
            setVisit(v);
            setSubmitted(done);
          }}
        />
      ) : (
        <VisitSummary visit={visit} />
      )}
    </>
  );
}

function LoadedVisit(props: { academyId: string; visitId: string; meetings: Meetings }) {
  const loaded = useApiData<{ visit: MonitoringVisit }>(`/api/monitoring-visits/${encodeURIComponent(props.visitId)}`);
  if (loaded.state === 'loading') return <Loading what="the visit" />;
  if (loaded.state === 'error') return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  return <VisitEditor academyId={props.academyId} loaded={loaded.data.visit} meetings={props.meetings} />;
}

/** A monitoring visit's page (issue 16): record one, finish a draft later, or read a submitted one. */
export function MonitoringVisitPage(props: { academyId: string; visitId?: string | undefined; meetingId?: string | undefined }) {
  const s = useStyles();
  const ctx = useAppContext();
  const detail = useApiData<AcademyDetail>(`/api/academies/${encodeURIComponent(props.academyId)}/detail`);
  const name = academyName(ctx, props.academyId);
  return (
    <div className={s.page}>
      <AppLink to={pathOf({ page: 'academy', academyId: props.academyId })}>Back to {name}</AppLink>
      <h1 className={s.heading}>Monitoring visit: {name}</h1>
      {detail.state === 'loading' ? (
        <Loading what="the academy’s meetings" />
      ) : detail.state === 'error' ? (
        <LoadError error={detail.error} onRetry={detail.reload} />
      ) : props.visitId ? (
        <LoadedVisit academyId={props.academyId} visitId={props.visitId} meetings={detail.data.meetings} />
      ) : (
        <VisitEditor academyId={props.academyId} meetingId={props.meetingId} meetings={detail.data.meetings} />
      )}
    </div>
  );
}
