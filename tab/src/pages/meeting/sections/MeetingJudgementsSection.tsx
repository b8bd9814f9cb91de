import { areaLabel } from '../../../app/app-context';
import { Empty } from '../../../components/PageState';
import { Section } from '../../../components/Section';
import { formatDate } from '../../../format/dates';
import { usePageStyles } from '../../page.styles';
import { GRADES, JudgementForm } from '../JudgementForm';
import { OpenFormButton, thenClose } from '../OpenFormButton';
import { CitedVisits } from '../CitedVisits';
import type { MeetingSectionProps } from './meeting-section';

const gradeLabel = (g: string | undefined) => GRADES.find((x) => x.id === g)?.label ?? 'No grade';

/** Evidence and indicative grades by inspection area, recorded live at the meeting by its chair or the trust team. */
export function MeetingJudgementsSection({ st, v }: MeetingSectionProps) {
  const s = usePageStyles();
  const m = v.meeting;
  if (!v.kind?.recordsJudgements)
    return (
      <Section title="Judgements">
        <Empty>This kind of meeting does not record judgements by inspection area.</Empty>
      </Section>
    );
  return (
    <Section title="Judgements">
      {m.judgements.length === 0 ? (
        <Empty>{v.can.moment === 'before' ? 'Judgements are recorded at the meeting.' : 'No judgements recorded yet.'}</Empty>
      ) : (
        <ul className={s.list} aria-label="Judgements">
          {m.judgements.map((j) => (
            <li key={j.area}>
              <strong>{areaLabel(st.ctx, j.area)}</strong>: {gradeLabel(j.reportCardGrade ?? j.indicativeGrade)}
              <div className={s.muted}>{j.evidence}</div>
              {j.evidenceVisitIds?.length ? <CitedVisits meetingId={m.id} academyId={m.academyId} ids={j.evidenceVisitIds} /> : null}
            </li>
          ))}
        </ul>
      )}
      {v.can.recordJudgements ? (
        <OpenFormButton label="Record a judgement">
          {(close) => <JudgementForm areas={v.inspectionAreas} busy={st.busy} onRecord={thenClose(st.recordJudgement, close)} />}
        </OpenFormButton>
      ) : v.can.run && v.can.moment === 'before' && m.status === 'planned' ? (
        <p className={s.muted}>Judgements open on the day of the meeting, {formatDate(m.date)}.</p>
      ) : null}
    </Section>
  );
}
