import { MessageBar, MessageBarBody, TabList, Tab } from '@fluentui/react-components';
import { areaLabel, nameOf } from '../../app/app-context';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { formatDate, formatShortDate, londonToday } from '../../format/dates';
import { ActionCaptureForm } from '../meeting/ActionCaptureForm';
import { JudgementForm, GRADES } from '../meeting/JudgementForm';
import { actionOwners, inFourWeeks } from '../meeting/meeting-people';
import type { useSidePanelStyles } from './SidePanelPage.styles';
import type { SidePanelState } from './useSidePanelPage';

/** The meeting side panel: capture actions and record judgements live. */
export function renderSidePanelPage(st: SidePanelState, s: ReturnType<typeof useSidePanelStyles>) {
  const { data, ctx } = st;
  if (data.state === 'loading') return <Loading what="the meeting" />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={data.reload} />;
  const v = data.data;
  const m = v.meeting;
  return (
    <div className={s.panel}>
      <h1 className={s.heading}>
        {v.kind?.abbreviation ?? m.kind}, {v.academy?.name}
      </h1>
      <p className={s.muted}>{formatDate(m.date)}</p>
      {st.feedback ? (
        <MessageBar intent={st.feedback.intent} role={st.feedback.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{st.feedback.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <TabList selectedValue={st.tab} onTabSelect={(_, d) => st.setTab(d.value as 'actions' | 'judgements')} size="small" aria-label="Record">
        <Tab value="actions">Actions</Tab>
        <Tab value="judgements">Judgements</Tab>
      </TabList>
      {st.tab === 'actions' ? (
        <div role="tabpanel" aria-label="Actions" className={s.tabPanel}>
          {st.canWrite ? <ActionCaptureForm owners={actionOwners(v, ctx)} defaultDue={inFourWeeks(londonToday())} busy={st.busy} onCapture={st.captureAction} /> : <Empty>You can read this meeting but not add actions to it.</Empty>}
          <h2 className={s.heading}>Raised at this meeting</h2>
          {v.actionsRaised.length === 0 ? (
            <Empty>None yet.</Empty>
          ) : (
            <ul className={s.list} aria-label="Actions raised">
              {v.actionsRaised.map((a) => (
                <li key={a.id}>
                  {a.text} <span className={s.muted}>({nameOf(ctx, a.ownerId)}, {formatShortDate(a.dueDate)})</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <div role="tabpanel" aria-label="Judgements" className={s.tabPanel}>
          {!v.kind?.recordsJudgements ? (
            <Empty>This meeting does not record judgements.</Empty>
          ) : st.canRecord ? (
            <JudgementForm areas={v.inspectionAreas} busy={st.busy} onRecord={st.recordJudgement} />
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
