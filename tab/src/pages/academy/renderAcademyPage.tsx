import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { areaLabel, nameOf } from '../../app/app-context';
import { pathOf } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { RagBadge } from '../../components/RagBadge';
import { Section } from '../../components/Section';
import { formatDate, formatDateTime, formatPounds } from '../../format/dates';
import type { usePageStyles } from '../page.styles';
import type { AcademyPageState } from './useAcademyPage';

const GRADE = { outstanding: 'Outstanding', good: 'Good', 'requires-improvement': 'Requires Improvement', inadequate: 'Inadequate' } as const;

/** One academy: status, meetings timeline, actions, KPIs, interventions, escalation and support days. */
export function renderAcademyPage(st: AcademyPageState, s: ReturnType<typeof usePageStyles>) {
  const { data, ctx } = st;
  if (data.state === 'loading') return <Loading what="the academy" />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={data.reload} />;
  const d = data.data;
  const a = d.status;
  const open = d.actions.filter((x) => x.status === 'open' || x.status === 'in-progress');
  return (
    <div className={s.page}>
      <h1 className={s.heading}>{a.name}</h1>
      <div className={s.facts}>
        <RagBadge rag={a.rag} />
        <Text>{a.stage.label}</Text>
        <Text>
          Ofsted: {a.ofsted.label}
          {a.ofsted.date ? ` (${formatDate(a.ofsted.date)})` : ''}
        </Text>
        {a.inOfstedWindow ? <Badge appearance="outline">In Ofsted window</Badge> : null}
        {a.sponsored ? <Badge appearance="outline">Sponsored</Badge> : null}
      </div>
      <Section title="Why this RAG">
        <ul className={s.list}>
          {a.reasons.map((r) => (
            <li key={r.code}>{r.text}</li>
          ))}
        </ul>
      </Section>
      <div className={s.grid}>
        <Section title="Coming meetings">
          {st.future.length === 0 ? (
            <Empty>No meetings planned for the rest of the year.</Empty>
          ) : (
            <ul className={s.list}>
              {st.future.map((m) => (
                <li key={m.id}>
                  <AppLink to={pathOf({ page: 'meeting', meetingId: m.id })}>{`${m.abbreviation} ${formatDate(m.date)}`}</AppLink>
                  <span className={s.muted}>
                    {' '}
                    chaired by {nameOf(ctx, m.chairId)} · papers {m.papers.in} of {m.papers.required} in
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Past meetings">
          {st.past.length === 0 ? (
            <Empty>No meetings held yet this year.</Empty>
          ) : (
            <ul className={s.list}>
              {st.past.map((m) => (
                <li key={m.id}>
                  <AppLink to={pathOf({ page: 'meeting', meetingId: m.id })}>{`${m.abbreviation} ${formatDate(m.date)}`}</AppLink>
                  <div className={s.muted}>
                    {m.judgements.length > 0 ? m.judgements.map((j) => `${areaLabel(ctx, j.area)}: ${j.indicativeGrade ? GRADE[j.indicativeGrade] : 'no grade'}`).join('; ') : 'No judgements'}
                    {' · notes '}
                    {m.notes ? (m.notes.circulated ? 'approved and circulated' : `awaiting ${m.notes.awaiting} approval${m.notes.awaiting === 1 ? '' : 's'}`) : 'not written'}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      <Section title={`Actions (${open.length} open)`}>
        {d.actions.length === 0 ? (
          <Empty>No actions yet.</Empty>
        ) : (
          <div className={s.tableWrap}>
            <Table aria-label="Actions" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Action</TableHeaderCell>
                  <TableHeaderCell>Owner</TableHeaderCell>
                  <TableHeaderCell>Due</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {d.actions.map((x) => (
                  <TableRow key={x.id}>
                    <TableCell>{x.text}</TableCell>
                    <TableCell>{nameOf(ctx, x.ownerId)}</TableCell>
                    <TableCell>
                      <span className={(x.status === 'open' || x.status === 'in-progress') && x.dueDate < d.today ? s.overdue : undefined}>{formatDate(x.dueDate)}</span>
                    </TableCell>
                    <TableCell>{x.status}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </Section>
      <div className={s.grid}>
        <Section title="KPIs and data points">
          {d.kpis.length === 0 ? (
            <Empty>No KPI targets agreed yet this year.</Empty>
          ) : (
            <ul className={s.list}>
              {d.kpis.map((k) => (
                <li key={k.id}>
                  <strong>{k.measure}</strong>: target {k.target}
                  {k.unit === 'percent' ? '%' : ''} ({k.higherIsBetter ? 'higher is better' : 'lower is better'})
                  <div className={s.muted}>
                    {k.dataPoints.length === 0 ? 'No data points yet' : k.dataPoints.map((p) => `point ${p.point}: ${p.value}${p.drop ? (p.drop.reviewed ? ' (drop, reviewed)' : ' (drop, to review)') : ''}`).join(' · ')}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Interventions">
          {d.interventions.length === 0 ? (
            <Empty>No interventions.</Empty>
          ) : (
            <ul className={s.list}>
              {d.interventions.map((i) => (
                <li key={i.id}>
                  <strong>{i.title}</strong> ({i.kind}, {i.status})
                  <div className={s.muted}>
                    {formatDate(i.startDate)} to {formatDate(i.endDate)} · led by {nameOf(ctx, i.leadId)} · reviews {i.reviewDates.map(formatDate).join(', ')}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Escalation history">
          <Text>
            Now at step {a.escalation.step} of {a.escalation.of}: {a.escalation.label}
          </Text>
          {d.escalations.length === 0 ? (
            <Empty>Never moved on the ladder.</Empty>
          ) : (
            <ul className={s.list}>
              {d.escalations.map((e) => (
                <li key={e.id}>
                  {formatDateTime(e.at)}: {e.label}, by {nameOf(ctx, e.by)}
                  <div className={s.muted}>{e.reason}</div>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Support days and spend">
          <Text>
            {a.supportDays.coreUsed} of {a.supportDays.allowance} core days used; {a.supportDays.developmentDays} development days,{' '}
            {formatPounds(a.supportDays.spendPence)} of a {formatPounds(a.supportDays.budgetPence)} budget
          </Text>
          {d.supportDays.length === 0 ? (
            <Empty>No support days booked.</Empty>
          ) : (
            <ul className={s.list}>
              {d.supportDays.map((x) => (
                <li key={x.id}>
                  {formatDate(x.date)}: {x.description} ({x.days} {x.kind} day{x.days === 1 ? '' : 's'}
                  {x.chargePence > 0 ? `, ${formatPounds(x.chargePence)}` : ''})
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </div>
  );
}
