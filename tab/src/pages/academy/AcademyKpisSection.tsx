import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { kindAbbreviation } from '../../app/app-context';
import { pathOf } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import { Empty } from '../../components/PageState';
import { Section } from '../../components/Section';
import { formatDate } from '../../format/dates';
import { KpiBarChart } from '../kpis/KpiBarChart';
import { KpiDataPointForm } from '../kpis/KpiDataPointForm';
import { KpiTargetsForm } from '../kpis/KpiTargetsForm';
import { usePageStyles } from '../page.styles';
import type { AcademyPageState } from './useAcademyPage';

/** Each KPI's data points against its target as a chart labelled by the model's names, the drops and where they are reviewed, and the forms the viewer may use. */
export function AcademyKpisSection(props: { st: AcademyPageState }) {
  const s = usePageStyles();
  const { st } = props;
  const [open, setOpen] = useState<'point' | 'targets'>();
  if (st.improvement.state !== 'ready') return null;
  const k = st.improvement.data.kpis;
  const done = (m: string) => {
    setOpen(undefined);
    st.changed(m);
  };
  return (
    <div id="kpis">
      <Section title="KPIs and data points">
        {k.targetsAgreedAt ? <Text className={s.muted}>{`Targets are agreed at the ${k.targetsAgreedAt.name}.`}</Text> : null}
        {k.targets.length === 0 ? <Empty>No KPI targets agreed yet this year.</Empty> : null}
        {k.targets.map((t) => {
          const recorded = t.points.filter((p) => p.value !== undefined);
          const unit = t.unit === 'percent' ? '%' : '';
          return (
            <div key={t.id} className={s.form} data-kpi={t.id}>
              <Text weight="semibold">
                {t.measure}: target {t.target}
                {unit} ({t.higherIsBetter ? 'higher is better' : 'lower is better'})
              </Text>
              {t.history.length > 0 ? (
                <div className={s.muted}>{`Earlier targets: ${t.history.map((h) => `${h.target}${unit}`).join(', ')}`}</div>
              ) : null}
              {recorded.length === 0 ? (
                <Empty>No data points yet.</Empty>
              ) : (
                <KpiBarChart
                  title={`${t.measure}: each data point against the target of ${t.target}${unit}`}
                  unit={t.unit}
                  higherIsBetter={t.higherIsBetter}
                  bars={recorded.map((p) => ({ label: p.label, value: p.value!, target: t.target, belowTarget: p.belowTarget === true }))}
                />
              )}
              {recorded
                .filter((p) => p.drop)
                .map((p) => (
                  <div key={p.number} className={p.drop!.reviewed ? s.muted : s.overdue}>
                    {`Drop at ${p.label}: ${p.value}${unit}. `}
                    {p.drop!.reviewed ? (
                      `Reviewed${p.drop!.reviewNote ? `: ${p.drop!.reviewNote}` : ''}`
                    ) : p.drop!.toBeReviewedAt ? (
                      <AppLink
                        to={`${pathOf({ page: 'meeting', meetingId: p.drop!.toBeReviewedAt.meetingId })}`}
                      >{`To review at the ${kindAbbreviation(st.ctx, p.drop!.toBeReviewedAt.kind)} on ${formatDate(p.drop!.toBeReviewedAt.date)}`}</AppLink>
                    ) : (
                      'To review: no meeting that reviews KPIs is planned.'
                    )}
                  </div>
                ))}
            </div>
          );
        })}
        <div className={s.row}>
          {k.can.recordData && k.targets.length > 0 ? (
            <Button size="small" aria-expanded={open === 'point'} onClick={() => setOpen(open === 'point' ? undefined : 'point')}>
              Enter a data point
            </Button>
          ) : null}
          {k.can.setTargets ? (
            <Button size="small" aria-expanded={open === 'targets'} onClick={() => setOpen(open === 'targets' ? undefined : 'targets')}>
              Record agreed targets
            </Button>
          ) : null}
        </div>
        {open === 'point' ? <KpiDataPointForm academyId={st.academyId} kpis={k} onSaved={done} /> : null}
        {open === 'targets' ? <KpiTargetsForm academyId={st.academyId} kpis={k} onSaved={done} /> : null}
      </Section>
    </div>
  );
}
