import { Badge, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { areaLabel, nameOf } from '../../app/app-context';
import { pathOf } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { RagBadge } from '../../components/RagBadge';
import { Section } from '../../components/Section';
import { formatDate } from '../../format/dates';
import { EscalationPanel } from '../escalation/EscalationPanel';
import { FlagLink } from '../flags/FlagLink';
import type { usePageStyles } from '../page.styles';
import { AcademyActionsSection } from './AcademyActionsSection';
import { AcademyInterventionsSection } from './AcademyInterventionsSection';
import { AcademyKpisSection } from './AcademyKpisSection';
import { AcademySupportSection } from './AcademySupportSection';
import { AcademyVisitsSection } from './AcademyVisitsSection';
import { ArrangementsPanel } from './ArrangementsPanel';
import { InspectionPanel } from './InspectionPanel';
import { REPORT_CARD_GRADE_LABELS } from '../../../../core/domain/report-card-labels';
import type { AcademyPageState } from './useAcademyPage';

const GRADE = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires Improvement',
  inadequate: 'Inadequate',
} as const;

/** One academy: status with every flag linked to its fix, meetings, actions, KPIs, interventions, the escalation ladder and support days. */
export function renderAcademyPage(st: AcademyPageState, s: ReturnType<typeof usePageStyles>) {
  const { data, ctx } = st;
  if (data.state === 'loading') return <Loading what="the academy" />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={data.reload} />;
  const d = data.data;
  const a = d.status;
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
      {st.message ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{st.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Section title="Why this RAG">
        <ul className={s.list} aria-label="Reasons for the RAG">
          {a.reasons.map((r) => (
            <li key={r.code}>
              <FlagLink {...(r.fix ? { fix: r.fix } : {})}>{r.text}</FlagLink>
              {r.fix ? (
                <span className={s.muted}>{` · ${r.fix.label}${r.fix.personId ? ` (${nameOf(ctx, r.fix.personId)})` : ''}`}</span>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>
      <InspectionPanel academyId={a.academyId} />
      <ArrangementsPanel academyId={a.academyId} onChanged={st.changed} />
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
                    {m.judgements.length > 0
                      ? m.judgements
                          .map(
                            (j) =>
                              `${areaLabel(ctx, j.area)}: ${j.reportCardGrade ? REPORT_CARD_GRADE_LABELS[j.reportCardGrade] : j.indicativeGrade ? (GRADE[j.indicativeGrade] ?? j.indicativeGrade) : 'no grade'}`,
                          )
                          .join('; ')
                      : 'No judgements'}
                    {' · notes '}
                    {m.notes
                      ? m.notes.circulated
                        ? 'approved and circulated'
                        : `awaiting ${m.notes.awaiting} approval${m.notes.awaiting === 1 ? '' : 's'}`
                      : 'not written'}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      <AcademyActionsSection st={st} />
      <div className={s.grid}>
        <AcademyKpisSection st={st} />
        <AcademyInterventionsSection st={st} />
        <div id="escalation">
          <Section title="Escalation">
            {st.improvement.state === 'ready' ? (
              <EscalationPanel academyId={st.academyId} ladder={st.improvement.data.ladder} ctx={ctx} onMoved={st.changed} />
            ) : st.improvement.state === 'error' ? (
              <LoadError error={st.improvement.error} onRetry={st.improvement.reload} />
            ) : (
              <Loading what="the escalation ladder" />
            )}
          </Section>
        </div>
        <div id="support">
          <AcademySupportSection academyId={a.academyId} onChanged={st.changed} />
        </div>
        <div id="visits">
          <AcademyVisitsSection academyId={a.academyId} />
        </div>
      </div>
    </div>
  );
}
