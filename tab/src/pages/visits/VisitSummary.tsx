import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { nameOf, useAppContext } from '../../app/app-context';
import { formatDate, formatDateTime } from '../../format/dates';
import { gradeWords, STATUS_WORDS } from './visit-labels';
import type { MonitoringVisit } from './visit-types';

const useStyles = makeStyles({
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, overflowWrap: 'anywhere' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** "Learning walk, Mon 23 Nov 2026, 09:15–10:00, by Graham Fielding (Improvement Director)". */
export function visitLine(ctx: Parameters<typeof nameOf>[0], v: MonitoringVisit): string {
  return `${v.activity}, ${formatDate(v.date)}, ${v.startTime}–${v.endTime}, by ${nameOf(ctx, v.observerId)} (${v.observerRole})`;
}

function Points(props: { title: string; points: readonly string[] }) {
  const s = useStyles();
  if (props.points.length === 0) return null;
  return (
    <div>
      <h3 className={s.heading}>{props.title}</h3>
      <ul className={s.list}>
        {props.points.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </div>
  );
}

/** A visit as recorded, read-only: what a head, governor or the meeting reads once it is submitted. */
export function VisitSummary(props: { visit: MonitoringVisit }) {
  const s = useStyles();
  const ctx = useAppContext();
  const v = props.visit;
  const h = ctx.model.monitoringForm.feedbackHeadings;
  const areas = ctx.model.monitoringForm.judgementAreas;
  const judged = areas.filter((a) => v.judgements[a.id]);
  return (
    <div className={s.summary} aria-label="Visit as recorded">
      <Text>
        <Badge appearance="outline" color={v.status === 'draft' ? 'warning' : 'success'}>
          {STATUS_WORDS[v.status]}
        </Badge>{' '}
        {visitLine(ctx, v)}
      </Text>
      {v.submittedAt ? <Text className={s.muted}>Submitted {formatDateTime(v.submittedAt)}</Text> : null}
      <Text>
        <strong>Focus:</strong> {v.focus || '—'}
      </Text>
      {v.yearClass || v.subject ? (
        <Text className={s.muted}>
          {[v.yearClass, v.subject, v.numberInClass !== undefined ? `${v.numberInClass} in class` : ''].filter(Boolean).join(' · ')}
        </Text>
      ) : null}
      {v.notes ? <Text>{v.notes}</Text> : null}
      <Points title={h.strengths} points={v.whatWentWell} />
      <Points title={h.development} points={v.evenBetterIf} />
      {v.areaOfExcellence ? <Points title={h.excellence} points={[v.areaOfExcellence]} /> : null}
      {judged.length ? <Points title="Judgements" points={judged.map((a) => `${a.label}: ${gradeWords(v.judgements[a.id]!)}`)} /> : null}
    </div>
  );
}
