import {
  Badge,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { InspectionView } from '../../../../core/domain/inspections';
import type { InspectionsView } from '../../../../core/services/inspections.service';
import { useApiData } from '../../api/use-api-data';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { Section } from '../../components/Section';
import { formatDate } from '../../format/dates';
import { usePageStyles } from '../page.styles';

/*
 * An academy's Ofsted inspections (issue 17): the latest report card area by area, each grade in its
 * colour and always in words (colour is never the only signal), safeguarding, the academy's own view
 * beside it, earlier inspections, and why the academy has the meetings it has.
 */

const useStyles = makeStyles({
  areas: {
    display: 'grid',
    gridTemplateColumns: 'minmax(12em, max-content) max-content',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    alignItems: 'center',
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightRegular },
  value: { margin: 0 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXXS },
  // A badge is one line high by default; a long grade ("Leadership and governance: needs attention") in a narrow cell wraps inside it.
  grade: {
    height: 'auto',
    minHeight: tokens.lineHeightBase300,
    whiteSpace: 'normal',
    textAlign: 'start',
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
});

type Tone = 'danger' | 'warning' | 'success' | 'brand';

/** A grade in words on its colour; the words carry the meaning, the colour follows the Teams theme (and high contrast). */
function Grade(props: { tone: Tone; children: string }) {
  const s = useStyles();
  return (
    <Badge className={s.grade} appearance="tint" color={props.tone} shape="rounded">
      {props.children}
    </Badge>
  );
}

/**
 * The report card in brief, for a dashboard row: safeguarding and every area below the expected
 * standard, each in words; nothing for a single-word grade (the row already says it).
 */
export function ReportCardBadges(props: { inspection?: InspectionView | undefined }) {
  const s = useStyles();
  const card = props.inspection?.kind === 'report-card' ? props.inspection : undefined;
  if (!card) return null;
  const below = card.areas.filter((a) => a.tone === 'danger' || a.tone === 'warning');
  return (
    <div className={s.badges} aria-label="Report card">
      <Grade tone={card.safeguarding.tone}>{`Safeguarding ${card.safeguarding.label.toLowerCase()}`}</Grade>
      {below.map((a) => (
        <Grade key={a.area} tone={a.tone}>{`${a.label}: ${a.gradeLabel.toLowerCase()}`}</Grade>
      ))}
    </div>
  );
}

/** The latest inspection: a report card area by area with safeguarding, or the single-word grade. */
function LatestInspection(props: { latest?: InspectionView | undefined }) {
  const s = useStyles();
  const p = usePageStyles();
  const latest = props.latest;
  if (!latest) return <Empty>Not yet inspected.</Empty>;
  if (latest.kind === 'grade')
    return <Text>{`Single-word grade (before report cards): ${latest.label}${latest.date ? `, ${formatDate(latest.date)}` : ''}`}</Text>;
  return (
    <>
      <h3 className={p.subheading}>{`Report card, ${formatDate(latest.date)}`}</h3>
      <dl className={s.areas}>
        {latest.areas.map((a) => (
          <div key={a.area} style={{ display: 'contents' }}>
            <dt className={s.term}>{a.label}</dt>
            <dd className={s.value}>
              <Grade tone={a.tone}>{a.gradeLabel}</Grade>
            </dd>
          </div>
        ))}
        <dt className={s.term}>Safeguarding</dt>
        <dd className={s.value}>
          <Grade tone={latest.safeguarding.tone}>{latest.safeguarding.label}</Grade>
        </dd>
      </dl>
      {latest.monitoring ? <Text className={p.muted}>{latest.monitoring}</Text> : null}
    </>
  );
}

const COMPARISON = { higher: 'Higher', same: 'Same', lower: 'Lower', 'no-report-card': 'No report card yet' } as const;

/** The academy's own view beside its latest report card. */
function OwnView(props: { own: NonNullable<InspectionsView['selfEvaluation']> }) {
  const p = usePageStyles();
  return (
    <>
      <Text>{`Set ${formatDate(props.own.date)}: ${props.own.summary}.`}</Text>
      <div className={p.tableWrap}>
        <Table aria-label="Self-evaluation beside the report card" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Area</TableHeaderCell>
              <TableHeaderCell>Own view</TableHeaderCell>
              <TableHeaderCell>Report card</TableHeaderCell>
              <TableHeaderCell>Against the card</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.own.areas.map((a) => (
              <TableRow key={a.area}>
                <TableCell>{a.label}</TableCell>
                <TableCell>
                  <Grade tone={a.self.tone}>{a.self.label}</Grade>
                </TableCell>
                <TableCell>{a.reportCard ? <Grade tone={a.reportCard.tone}>{a.reportCard.label}</Grade> : '—'}</TableCell>
                <TableCell>{COMPARISON[a.comparison]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

/** Ofsted, the academy's own view and the meetings they bring, from `GET /api/academies/:id/inspections`. */
export function InspectionPanel(props: { academyId: string }) {
  const p = usePageStyles();
  const data = useApiData<InspectionsView>(`/api/academies/${encodeURIComponent(props.academyId)}/inspections`);
  if (data.state === 'loading') return <Loading what="inspections" />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={data.reload} />;
  const v = data.data;
  const earlier = v.history.slice(1);
  return (
    <div className={p.grid}>
      <Section title="Ofsted">
        <LatestInspection latest={v.latest} />
        {earlier.length > 0 ? (
          <>
            <h3 className={p.subheading}>Earlier inspections</h3>
            <ul className={p.list}>
              {earlier.map((i) => (
                <li
                  key={`${i.kind}-${i.date ?? 'undated'}`}
                >{`${i.date ? `${formatDate(i.date)}: ` : ''}${i.kind === 'grade' ? `single-word grade ${i.label}` : i.label}`}</li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
      <Section title="Meetings this year, and why">
        <ul className={p.list}>
          {v.cadence.map((c) => (
            <li key={c.ruleId}>{c.text}</li>
          ))}
        </ul>
        <Text className={p.muted}>{v.belowGood.reading}</Text>
      </Section>
      <Section title="Self-evaluation">
        {v.selfEvaluation ? (
          <OwnView own={v.selfEvaluation} />
        ) : (
          <Empty>{`No self-evaluation by area yet; it is set at ${v.selfEvaluationSetAt.kinds.map((k) => k.abbreviation).join(' or ') || 'the meeting the trust names'}.`}</Empty>
        )}
      </Section>
    </div>
  );
}
