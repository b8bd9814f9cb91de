import { academyStatus } from './academy-status';
import type { AcademyStatusInputs, Stored } from '../ports/record-store.port';
import { calendar, dsat, makeAcademy, makeAction, makeDataPoint, makeIntervention, makeMeeting } from './test-factories';

const stored = <T>(x: T): Stored<T> => ({ ...x, version: '1' });
const model = dsat();
const inputs = (o: Partial<AcademyStatusInputs>): AcademyStatusInputs => ({
  academy: stored(makeAcademy()),
  meetings: [],
  actions: [],
  kpiTargets: [],
  kpiDataPoints: [],
  interventions: [],
  escalations: [],
  supportDays: [],
  ...o,
});
const fixOf = (s: ReturnType<typeof academyStatus>, code: string) => s.reasons.find((r) => r.code === code)?.fix;

describe('every flag leads to its fix', () => {
  const today = '2026-11-18';

  it('sends one overdue action to the action, for its owner; several to the academy’s list', () => {
    const one = academyStatus(inputs({ actions: [stored(makeAction({ id: 'a1', dueDate: '2026-11-06' }))] }), { model, calendar, today });
    expect(fixOf(one, 'RAG.OVERDUE_ACTIONS')).toEqual({
      page: 'academy',
      id: 'oakfield',
      anchor: 'action-a1',
      label: 'Update the overdue action “Embed the new phonics scheme in Year 1”',
      personId: 'head',
    });
    const two = academyStatus(
      inputs({
        actions: [makeAction({ id: 'a1', dueDate: '2026-11-06' }), makeAction({ id: 'a2', dueDate: '2026-11-05', ownerId: 'chair' })].map(
          stored,
        ),
      }),
      { model, calendar, today },
    );
    expect(fixOf(two, 'RAG.OVERDUE_ACTIONS')).toEqual({
      page: 'academy',
      id: 'oakfield',
      anchor: 'actions',
      label: 'Update the overdue actions',
    });
  });

  it('sends a KPI drop to the next meeting that reviews it, for its chair', () => {
    const aim = makeMeeting({ id: 'aim-spring', kind: 'aim', date: '2027-01-26' });
    const iaim = makeMeeting({ id: 'iaim-soon', kind: 'iaim', date: '2026-11-25', chairId: 'ceo' });
    const s = academyStatus(
      inputs({
        meetings: [aim, iaim].map(stored),
        kpiDataPoints: [stored(makeDataPoint({ value: 61, drop: { flaggedAt: '2026-11-10T12:00:00.000Z' } }))],
      }),
      { model, calendar, today },
    );
    expect(fixOf(s, 'RAG.KPI_DROPS')).toEqual({
      page: 'meeting',
      id: 'aim-spring',
      anchor: 'kpi-drops',
      label: 'Review the KPI drop at the AIM on Tuesday 26 January 2027',
      personId: 'aid',
    });
  });

  it('sends a late paper to its meeting’s papers, for its owner, and a missed review to the intervention, for its lead', () => {
    const late = makeMeeting({ id: 'aim-late', kind: 'aim', date: '2026-11-24' });
    const s = academyStatus(inputs({ meetings: [stored(late)], interventions: [stored(makeIntervention())] }), { model, calendar, today });
    expect(fixOf(s, 'RAG.OVERDUE_PAPERS')).toMatchObject({
      page: 'meeting',
      id: 'aim-late',
      anchor: 'papers',
      label: expect.stringMatching(/^Chase the late papers/),
    });
    expect(fixOf(s, 'RAG.MISSED_INTERVENTION_REVIEW')).toEqual({
      page: 'academy',
      id: 'oakfield',
      anchor: 'intervention-int-1',
      label: 'Record the review of “Maths mastery support from Brook Lane”',
      personId: 'partner',
    });
    expect(s.reasons.find((r) => r.code === 'RAG.MISSED_INTERVENTION_REVIEW')).toMatchObject({
      level: 'amber',
      text: 'Intervention review missed: “Maths mastery support from Brook Lane” was due Monday 19 October 2026',
    });
  });

  it('gives a green academy’s “no concerns” no link', () => {
    const s = academyStatus(inputs({}), { model, calendar, today });
    expect(s.reasons).toEqual([expect.objectContaining({ code: 'RAG.NO_CONCERNS' })]);
    expect(s.reasons[0]!.fix).toBeUndefined();
  });
});
