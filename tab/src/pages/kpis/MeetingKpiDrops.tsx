import { Text } from '@fluentui/react-components';
import type { MeetingKpiDrops as Drops } from '../../api/api-types';
import type { Loadable } from '../../api/use-api-data';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { usePageStyles } from '../page.styles';
import { dropSentence, KpiDropReviewForm } from './KpiDropReview';

/** The KPI drops on a meeting's agenda, each with its review form for whoever runs the meeting, and those already reviewed. */
export function MeetingKpiDrops(props: {
  drops: Loadable<Drops> & { reload: () => void };
  owners: { id: string; name: string }[];
  compact?: boolean;
  onReviewed: (message: string) => void;
}) {
  const s = usePageStyles();
  const d = props.drops;
  if (d.state === 'loading') return <Loading what="the KPI drops" />;
  if (d.state === 'error') return <LoadError error={d.error} onRetry={d.reload} />;
  const v = d.data;
  if (!v.reviewsKpiDrops) return <Empty>This kind of meeting does not review KPI drops.</Empty>;
  return (
    <>
      {v.toReview.length === 0 ? (
        <Empty>No KPI drops to review at this meeting.</Empty>
      ) : (
        <ul className={s.list} aria-label="KPI drops to review">
          {v.toReview.map((drop) => (
            <li key={drop.id}>
              <Text weight="semibold">{dropSentence(drop)}</Text>
              {v.canReview ? (
                <KpiDropReviewForm
                  meetingId={v.meetingId}
                  drop={drop}
                  owners={props.owners}
                  onReviewed={props.onReviewed}
                  {...(props.compact ? { compact: true } : {})}
                />
              ) : (
                <div className={s.muted}>The chair records the review.</div>
              )}
            </li>
          ))}
        </ul>
      )}
      {v.reviewed.length > 0 ? (
        <>
          <h3 className={s.subheading}>Reviewed at this meeting</h3>
          <ul className={s.list} aria-label="KPI drops reviewed">
            {v.reviewed.map((drop) => (
              <li key={drop.id}>
                {dropSentence(drop)}
                <div className={s.muted}>{drop.drop?.reviewNote}</div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
