import {
  Badge,
  Button,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { nameOf } from '../../app/app-context';
import { pathOf } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { RagBadge } from '../../components/RagBadge';
import { Section } from '../../components/Section';
import { formatDate, formatPounds } from '../../format/dates';
import { ReportCardBadges } from '../academy/InspectionPanel';
import type { useDashboardStyles } from './DashboardPage.styles';
import type { DashboardState, RagFilter, SortKey } from './useDashboardPage';
import { FlagLink } from '../flags/FlagLink';
import { KpiImportPanel } from '../kpis/KpiImportPanel';
import { BoardPackSection } from './BoardPackSection';
import { StaleNote } from './StaleNote';
import { phaseLabel, riskBandLabel } from '../../format/words';

const KpiChart = lazy(() => import('./KpiChart'));

const PAPERS = { 'none-required': 'No papers', 'all-in': 'All in', waiting: 'Waiting', overdue: 'Overdue' } as const;

/** Widths as shares of the table, so the reasons get room and the counts stay compact. */
const COLUMNS: { key: SortKey; label: string; width: string }[] = [
  { key: 'name', label: 'Academy', width: '14%' },
  { key: 'rag', label: 'RAG and reasons', width: '24%' },
  { key: 'ofsted', label: 'Stage and Ofsted', width: '14%' },
  { key: 'nextMeeting', label: 'Next meeting', width: '15%' },
  { key: 'actions', label: 'Actions', width: '7%' },
  { key: 'kpiDrops', label: 'KPI drops', width: '8%' },
  { key: 'escalation', label: 'Escalation', width: '9%' },
  { key: 'support', label: 'Support days and spend', width: '9%' },
];

/** The trust dashboard as a pure function of its state. */
export function renderDashboardPage(st: DashboardState, s: ReturnType<typeof useDashboardStyles>) {
  const { data } = st;
  if (data.state === 'loading') return <Loading what="the trust dashboard" />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={data.reload} />;
  const d = data.data;
  return (
    <div className={s.page}>
      <h1 className={s.heading}>
        {d.trust.name}: {d.academies.length === 1 ? 'your academy' : 'trust dashboard'}
      </h1>
      <div className={s.counts}>
        <Text>
          {d.trust.academicYear}, as at {formatDate(d.trust.today)}:
        </Text>
        <Badge appearance="tint" color="danger">{`${d.counts.red} red`}</Badge>
        <Badge appearance="tint" color="warning">{`${d.counts.amber} amber`}</Badge>
        <Badge appearance="tint" color="success">{`${d.counts.green} green`}</Badge>
      </div>
      <div className={s.toolbar}>
        {st.trustTools ? (
          <Field label="Find an academy">
            <Input value={st.search} onChange={(_, v) => st.setSearch(v.value)} placeholder="Name or stage" />
          </Field>
        ) : null}
        <Field label="RAG">
          <Select value={st.rag} onChange={(_, v) => st.setRag(v.value as RagFilter)}>
            <option value="all">All</option>
            <option value="red">Red</option>
            <option value="amber">Amber</option>
            <option value="green">Green</option>
          </Select>
        </Field>
        {st.trustTools ? (
          <Button appearance="primary" onClick={() => void st.exportForBoard()} disabled={st.exporting === 'working'}>
            {st.exporting === 'working' ? 'Exporting…' : 'Export for the board (Excel)'}
          </Button>
        ) : null}
        {st.exporting === 'failed' ? <Text role="alert">The export failed; try again.</Text> : null}
      </div>
      <Section title={`Academies (${st.rows.length} of ${d.academies.length})`}>
        {st.rows.length === 0 ? (
          <Empty>No academy matches the filter.</Empty>
        ) : (
          <div className={s.tableWrap}>
            <Table sortable aria-label="Academies" className={s.table} size="small">
              <TableHeader>
                <TableRow>
                  {COLUMNS.map((c) => (
                    <TableHeaderCell
                      key={c.key}
                      style={{ width: c.width }}
                      sortDirection={st.sort === c.key ? (st.ascending ? 'ascending' : 'descending') : undefined}
                      onClick={() => st.sortBy(c.key)}
                    >
                      {c.label}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {st.rows.map((a) => (
                  <TableRow key={a.academyId} data-academy={a.academyId}>
                    <TableCell>
                      <AppLink to={pathOf({ page: 'academy', academyId: a.academyId })}>{a.name}</AppLink>
                      <div className={s.muted}>{phaseLabel(a.phase)}</div>
                      {a.stale ? <StaleNote since={a.stale.since} className={s.stale} /> : null}
                    </TableCell>
                    <TableCell>
                      <RagBadge rag={a.rag} />
                      <ul className={s.reasons} aria-label={`Reasons for ${a.name}’s RAG`}>
                        {a.reasons.map((r) => (
                          <li key={r.code}>
                            <FlagLink {...(r.fix ? { fix: r.fix } : {})}>{r.text}</FlagLink>
                          </li>
                        ))}
                      </ul>
                    </TableCell>
                    <TableCell>
                      <div>
                        {a.stage.label}
                        {a.riskBand ? ` · ${riskBandLabel(a.riskBand).toLowerCase()} risk` : ''}
                      </div>
                      <div className={s.muted}>
                        {a.ofsted.label}
                        {a.ofsted.date ? `, ${formatDate(a.ofsted.date)}` : ''}
                      </div>
                      <ReportCardBadges inspection={a.inspection} />
                    </TableCell>
                    <TableCell>
                      {a.nextMeeting ? (
                        <>
                          <AppLink
                            to={pathOf({ page: 'meeting', meetingId: a.nextMeeting.id })}
                          >{`${a.nextMeeting.abbreviation} ${formatDate(a.nextMeeting.date)}`}</AppLink>
                          <div className={a.nextMeeting.papersState === 'overdue' ? s.overdue : s.muted}>
                            {PAPERS[a.nextMeeting.papersState]}
                            {a.nextMeeting.papers.required > 0
                              ? ` (${a.nextMeeting.papers.in} of ${a.nextMeeting.papers.required} in)`
                              : ''}{' '}
                            · {nameOf(st.ctx, a.nextMeeting.chairId)}
                          </div>
                        </>
                      ) : (
                        'None planned'
                      )}
                    </TableCell>
                    <TableCell>
                      {a.actions.open} open
                      {a.actions.overdue > 0 ? <div className={s.overdue}>{a.actions.overdue} overdue</div> : null}
                    </TableCell>
                    <TableCell>
                      {a.kpiDropsAwaitingReview > 0 ? <span className={s.overdue}>{a.kpiDropsAwaitingReview} to review</span> : 'None'}
                    </TableCell>
                    <TableCell>
                      Step {a.escalation.step} of {a.escalation.of}
                      <div className={s.muted}>{a.escalation.label}</div>
                    </TableCell>
                    <TableCell>
                      {a.supportDays.coreUsed} of {a.supportDays.allowance} days
                      <div className={s.muted}>{a.supportDays.coreRemaining} left</div>
                      {a.supportDays.budgetPence > 0 || a.supportDays.spendPence > 0 ? (
                        <div className={a.supportDays.overBudget ? s.overdue : s.muted}>
                          {formatPounds(a.supportDays.spendPence)} spent of {formatPounds(a.supportDays.budgetPence)}
                        </div>
                      ) : null}
                      {a.supportDays.mustBudget && a.supportDays.budgetPence === 0 ? <div className={s.overdue}>Must budget</div> : null}
                      {d.supportIncome[a.academyId] ? (
                        <div className={s.muted}>{formatPounds(d.supportIncome[a.academyId]!.incomePence)} earned</div>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </Section>
      <Section title="KPIs: each school against its target">
        <div className={s.chart}>
          <Suspense fallback={<Loading what="the chart" />}>
            <KpiChart key={st.kpiTick} />
          </Suspense>
        </div>
      </Section>
      {st.ctx.me.can.seeWholeTrust ? <BoardPackSection /> : null}
      {st.ctx.me.can.planMeetings ? (
        <Section title="Import a data point for every academy">
          <KpiImportPanel dataPoints={st.ctx.model.kpis.dataPoints} onImported={st.kpisChanged} />
        </Section>
      ) : null}
    </div>
  );
}
