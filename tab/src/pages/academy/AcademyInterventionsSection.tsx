import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { Empty } from '../../components/PageState';
import { Section } from '../../components/Section';
import { InterventionCard } from '../interventions/InterventionCard';
import { InterventionCreateForm } from '../interventions/InterventionCreateForm';
import { usePageStyles } from '../page.styles';
import type { AcademyPageState } from './useAcademyPage';

/** The academy's interventions, each with its reviews and impact (a missed review's flag lands on it), and agreeing a new one. */
export function AcademyInterventionsSection(props: { st: AcademyPageState }) {
  const s = usePageStyles();
  const { st } = props;
  const [creating, setCreating] = useState(false);
  if (st.improvement.state !== 'ready') return null;
  const v = st.improvement.data;
  const academies = [...st.ctx.academies.values()].map((a) => ({ id: a.id, name: a.name }));
  return (
    <div id="interventions">
      <Section title={`Interventions (${v.interventions.items.length})`}>
        {v.interventions.items.length === 0 ? <Empty>No interventions.</Empty> : null}
        {v.interventions.items.map((i) => (
          <InterventionCard key={i.id} intervention={i} today={v.today} ctx={st.ctx} onChanged={st.changed} />
        ))}
        {v.interventions.can.create ? (
          <div className={s.row}>
            <Button size="small" aria-expanded={creating} onClick={() => setCreating(!creating)}>
              Agree an intervention
            </Button>
          </div>
        ) : null}
        {creating ? (
          <InterventionCreateForm
            academyId={st.academyId}
            today={v.today}
            kinds={v.interventions.kinds}
            people={v.people}
            academies={academies}
            onCreated={(m) => {
              setCreating(false);
              st.changed(m);
            }}
          />
        ) : null}
      </Section>
    </div>
  );
}
