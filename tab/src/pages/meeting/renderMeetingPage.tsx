import { Badge, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { MeetingView } from '../../api/api-types';
import { academyName, nameOf } from '../../app/app-context';
import { pathOf } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import { LoadError, Loading } from '../../components/PageState';
import { formatDate, formatTime } from '../../format/dates';
import { meetingStatusLabel } from '../../format/words';
import type { usePageStyles } from '../page.styles';
import { MeetingActionsSection } from './sections/MeetingActionsSection';
import { MeetingAgendaSection, MeetingKpiDropsSection } from './sections/MeetingAgendaSection';
import { MeetingAttendanceSection } from './sections/MeetingAttendanceSection';
import { MeetingJudgementsSection } from './sections/MeetingJudgementsSection';
import { MeetingNotesSection } from './sections/MeetingNotesSection';
import { MeetingPapersSection } from './sections/MeetingPapersSection';
import type { MeetingSectionProps } from './sections/meeting-section';
import type { MeetingPageState } from './useMeetingPage';

type SectionName = 'agenda' | 'kpi-drops' | 'papers' | 'attendance' | 'actions' | 'judgements' | 'notes';

const SECTIONS: Record<SectionName, (p: MeetingSectionProps) => ReactNode> = {
  agenda: MeetingAgendaSection,
  'kpi-drops': MeetingKpiDropsSection,
  papers: MeetingPapersSection,
  attendance: MeetingAttendanceSection,
  actions: MeetingActionsSection,
  judgements: MeetingJudgementsSection,
  notes: MeetingNotesSection,
};

/**
 * What fits the moment comes first (issue 20): before the meeting its agenda, papers and apologies;
 * on the day attendance, live actions and judgements; after it the notes and their approval. The
 * moment is the server's (core/domain/meeting-moment.ts), so the page and the cards agree.
 */
function sectionsFor(v: MeetingView): SectionName[] {
  switch (v.can.moment) {
    case 'before':
      // Nothing is recorded yet: actions appear only if some were raised early (from the side panel).
      return [
        'agenda',
        'kpi-drops',
        'papers',
        'attendance',
        ...(v.actionsRaised.length > 0 ? (['actions'] as const) : []),
        'judgements',
        'notes',
      ];
    case 'on-the-day':
      return ['attendance', 'actions', 'judgements', 'agenda', 'kpi-drops', 'papers', 'notes'];
    case 'after':
      return ['notes', 'judgements', 'actions', 'attendance', 'papers', 'agenda', 'kpi-drops'];
  }
}

/** A meeting page: its facts, then the sections that fit where the meeting stands, each its own component. */
export function renderMeetingPage(st: MeetingPageState, s: ReturnType<typeof usePageStyles>) {
  const { data, ctx } = st;
  if (data.state === 'loading') return <Loading what="the meeting" />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={data.reload} />;
  const v = data.data;
  const m = v.meeting;
  return (
    <div className={s.page} data-moment={v.can.moment}>
      <h1 className={s.heading}>
        {v.kind?.name ?? m.kind} at {v.academy?.name ?? academyName(ctx, m.academyId)}
      </h1>
      <div className={s.facts}>
        <Text>
          {formatDate(m.date)}, {formatTime(m.startsAt)} to {formatTime(m.endsAt)}
        </Text>
        <Badge appearance="outline">{meetingStatusLabel(m.status)}</Badge>
        <Text>Chair: {nameOf(ctx, m.chairId)}</Text>
        <AppLink to={pathOf({ page: 'academy', academyId: m.academyId })}>Academy page</AppLink>
        <AppLink to={pathOf({ page: 'side-panel', meetingId: m.id })}>Open the side panel</AppLink>
      </div>
      {st.message && !st.feedback ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{st.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      {st.feedback ? (
        <MessageBar intent={st.feedback.intent} role={st.feedback.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{st.feedback.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {sectionsFor(v).map((name) => {
        const Component = SECTIONS[name];
        return <Component key={name} st={st} v={v} />;
      })}
    </div>
  );
}
