import { Badge, Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { InterventionView } from '../../api/api-types';
import { academyName, nameOf, type AppContextValue } from '../../app/app-context';
import { formatDate } from '../../format/dates';
import { interventionStatusLabel } from '../../format/words';
import { usePageStyles } from '../page.styles';
import { IMPACT, ImpactForm, InterventionChangeForm, InterventionReviewForm, PROGRESS } from './InterventionForms';

type Open = 'review' | 'impact' | 'change' | undefined;

/** One intervention: targets, criteria, reviews with progress per criterion, impact, changes, and what the viewer may do next. */
export function InterventionCard(props: {
  intervention: InterventionView;
  today: string;
  ctx: AppContextValue;
  onChanged: (message: string) => void;
}) {
  const s = usePageStyles();
  const [open, setOpen] = useState<Open>();
  const i = props.intervention;
  const live = i.status === 'active' || i.status === 'planned';
  const done = (m: string) => {
    setOpen(undefined);
    props.onChanged(m);
  };
  const toggle = (which: Exclude<Open, undefined>, label: string) => (
    <Button
      size="small"
      appearance={open === which ? 'primary' : 'secondary'}
      aria-expanded={open === which}
      onClick={() => setOpen(open === which ? undefined : which)}
    >
      {label}
    </Button>
  );
  return (
    <article id={`intervention-${i.id}`} className={s.form} aria-label={i.title}>
      <div className={s.facts}>
        <Text weight="semibold">{i.title}</Text>
        <Badge appearance="outline">{i.kindLabel}</Badge>
        <Badge appearance="outline">{interventionStatusLabel(i.status)}</Badge>
        {i.reviewMissed ? (
          <Badge appearance="filled" color="warning">
            {`Review missed (due ${formatDate(i.nextReview)})`}
          </Badge>
        ) : null}
      </div>
      <div className={s.muted}>
        {formatDate(i.startDate)} to {formatDate(i.endDate)} · led by {nameOf(props.ctx, i.leadId)}
        {i.supportingAcademyId ? ` · supported by ${academyName(props.ctx, i.supportingAcademyId)}` : ''}
        {i.supportingPersonId ? ` · supported by ${nameOf(props.ctx, i.supportingPersonId)}` : ''}
        {` · reviews ${i.reviewDates.map(formatDate).join(', ')}`}
        {i.nextReview && !i.reviewMissed ? ` · next review ${formatDate(i.nextReview)}` : ''}
      </div>
      <div>
        <strong>Targets:</strong> {i.targets.join('; ')}
      </div>
      <div>
        <strong>Success criteria:</strong> {i.successCriteria.join('; ')}
      </div>
      {i.reviews.length > 0 ? (
        <ul className={s.list} aria-label={`Reviews of ${i.title}`}>
          {i.reviews.map((r, n) => (
            <li key={`${r.on}-${n}`}>
              {formatDate(r.on)}, {nameOf(props.ctx, r.by)}: {r.note}
              {r.criteria ? (
                <div className={s.muted}>
                  {r.criteria.map((c) => `${c.criterion}: ${PROGRESS[c.progress]}${c.evidence ? ` (${c.evidence})` : ''}`).join(' · ')}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {i.impact ? (
        <div>
          <strong>Impact: {IMPACT[i.impact.judgement]}</strong> ({formatDate(i.impact.judgedAt)}): {i.impact.outcomesForPupils}
        </div>
      ) : null}
      {i.changes.length > 0 ? (
        <ul className={s.list} aria-label={`Changes to ${i.title}`}>
          {i.changes.map((c) => (
            <li key={c.at}>
              {c.kind === 'extended'
                ? `Extended from ${formatDate(c.endDateBefore)} to ${formatDate(c.endDateAfter)}`
                : `Ended early on ${formatDate(c.endDateAfter)}`}{' '}
              by {nameOf(props.ctx, c.by)}: {c.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {live ? (
        <div className={s.row}>
          {i.can.review ? toggle('review', 'Record a review') : null}
          {i.can.judge ? toggle('impact', 'Judge the impact') : null}
          {i.can.change ? toggle('change', 'Extend or end early') : null}
        </div>
      ) : null}
      {open === 'review' ? <InterventionReviewForm intervention={i} today={props.today} onSaved={done} /> : null}
      {open === 'impact' ? <ImpactForm intervention={i} onSaved={done} /> : null}
      {open === 'change' ? <InterventionChangeForm intervention={i} onSaved={done} /> : null}
    </article>
  );
}
