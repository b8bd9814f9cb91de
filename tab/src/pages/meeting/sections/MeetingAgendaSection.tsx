import { Empty } from '../../../components/PageState';
import { Section } from '../../../components/Section';
import { MeetingKpiDrops } from '../../kpis/MeetingKpiDrops';
import { MeetingFocusPanel } from '../MeetingFocusPanel';
import { usePageStyles } from '../../page.styles';
import { CarriedForward } from '../MeetingActions';
import type { MeetingSectionProps } from './meeting-section';

/** The kind's standing agenda and the meeting's focus, beside the actions carried forward from the last one. */
export function MeetingAgendaSection({ st, v }: MeetingSectionProps) {
  const s = usePageStyles();
  const m = v.meeting;
  return (
    <div className={s.grid}>
      <Section title="Agenda">
        {v.kind && v.kind.agenda.length > 0 ? (
          <ol className={s.list}>
            {v.kind.agenda.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ol>
        ) : (
          <Empty>No standing agenda for this kind of meeting.</Empty>
        )}
        <h3 className={s.subheading}>Focus</h3>
        <MeetingFocusPanel meetingId={m.id} />
      </Section>
      <Section title="Actions carried forward">
        <CarriedForward st={st} />
      </Section>
    </div>
  );
}

/** The KPI drops the meeting reviews (issue 15), with the anchor cards link to. */
export function MeetingKpiDropsSection({ st, v }: MeetingSectionProps) {
  return (
    <div id="kpi-drops">
      <Section title="KPI drops to review">
        <MeetingKpiDrops drops={st.drops} owners={v.actionOwners} onReviewed={st.changed} />
      </Section>
    </div>
  );
}
