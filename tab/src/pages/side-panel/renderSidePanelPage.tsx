import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { areaLabel } from '../../app/app-context';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { formatDate } from '../../format/dates';
import { MeetingKpiDrops } from '../kpis/MeetingKpiDrops';
import { ActionCaptureForm } from '../meeting/ActionCaptureForm';
import { JudgementForm, GRADES } from '../meeting/JudgementForm';
import { MeetingActionList } from '../meeting/MeetingActions';
import { actionOwners } from '../meeting/meeting-people';
import { PanelTabs } from './PanelTabs';
import type { useSidePanelStyles } from './SidePanelPage.styles';
import type { SidePanelState, SidePanelTab } from './useSidePanelPage';

/** The meeting side panel: capture actions and move them on, review the KPI drops on the agenda, record judgements, live. */
export function renderSidePanelPage(st: SidePanelState, s: ReturnType<typeof useSidePanelStyles>) {
  const { data, ctx } = st;
  if (data.state === 'loading') return <Loading what="the meeting" />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={data.reload} />;
  const v = data.data;
  const m = v.meeting;
  const toReview = st.drops.state === 'ready' ? st.drops.data.toReview.length : 0;
  const feedback = st.feedback ?? (st.message ? { intent: 'success' as const, text: st.message } : undefined);
  return (
    <div className={s.panel}>
      <h1 className={s.heading}>
        {v.kind?.abbreviation ?? m.kind}, {v.academy?.name}
      </h1>
      <p className={s.muted}>{formatDate(m.date)}</p>
      {feedback ? (
        <MessageBar intent={feedback.intent} role={feedback.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{feedback.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <PanelTabs<SidePanelTab>
        label="Record"
        selected={st.tab}
        onSelect={st.setTab}
        tabs={[
          { value: 'actions', label: 'Actions' },
          { value: 'kpi-drops', label: `KPI drops${toReview ? ` (${toReview})` : ''}` },
          { value: 'judgements', label: 'Judgements' },
        ]}
      />
      {st.tab === 'actions' ? (
        <div role="tabpanel" id="panel-actions" aria-labelledby="panel-tab-actions" className={s.tabPanel}>
          {st.canWrite ? (
            <ActionCaptureForm
              academyId={m.academyId}
              meetingId={m.id}
              owners={actionOwners(v, ctx)}
              defaultDue={st.actions.defaultDueDate}
              onCaptured={st.changed}
            />
          ) : (
            <Empty>You can read this meeting but not add actions to it.</Empty>
          )}
          <h2 className={s.heading}>Raised at this meeting</h2>
          {v.actionsRaised.length === 0 ? (
            <Empty>None yet.</Empty>
          ) : (
            <MeetingActionList
              st={st}
              label="Actions raised"
              compact
              items={v.actionsRaised.map((a) => ({ id: a.id, text: a.text, ownerId: a.ownerId, dueDate: a.dueDate, status: a.status }))}
            />
          )}
        </div>
      ) : st.tab === 'kpi-drops' ? (
        <div role="tabpanel" id="panel-kpi-drops" aria-labelledby="panel-tab-kpi-drops" className={s.tabPanel}>
          <span id="kpi-drops" />
          <MeetingKpiDrops drops={st.drops} owners={v.actionOwners} compact onReviewed={st.changed} />
        </div>
      ) : (
        <div role="tabpanel" id="panel-judgements" aria-labelledby="panel-tab-judgements" className={s.tabPanel}>
          {!v.kind?.recordsJudgements ? (
            <Empty>This meeting does not record judgements.</Empty>
          ) : v.can.recordJudgements ? (
            <JudgementForm areas={v.inspectionAreas} busy={st.busy} onRecord={st.recordJudgement} />
          ) : v.can.run && v.can.moment === 'before' ? (
            <Empty>{`Judgements open on the day of the meeting, ${formatDate(m.date)}.`}</Empty>
          ) : (
            <Empty>Only the chair records judgements.</Empty>
          )}
          <ul className={s.list} aria-label="Judgements recorded">
            {m.judgements.map((j) => (
              <li key={j.area}>
                {areaLabel(ctx, j.area)}: {GRADES.find((g) => g.id === j.indicativeGrade)?.label ?? 'No grade'}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
