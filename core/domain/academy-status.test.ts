import { academyStatus, trustDashboard, type AcademyStatus } from './academy-status';
import type { AcademyStatusInputs, Stored } from '../ports/record-store.port';
import {
  calendar,
  dsat,
  makeAcademy,
  makeAction,
  makeDataPoint,
  makeEscalation,
  makeIntervention,
  makeMeeting,
  makeSupportDay,
} from './test-factories';

const stored = <T>(x: T): Stored<T> => ({ ...x, version: '1' });
const model = dsat();
const ctx = { model, calendar, today: '2026-11-18' };

function inputs(overrides: Partial<AcademyStatusInputs> = {}): AcademyStatusInputs {
  return {
    academy: stored(makeAcademy()),
    meetings: [],
    actions: [],
    kpiTargets: [],
    kpiDataPoints: [],
    interventions: [],
    escalations: [],
    supportDays: [],
    ...overrides,
  };
}

describe('academyStatus', () => {
  it('shows a Good academy with nothing outstanding as green, on the first rung of the ladder', () => {
    const s = academyStatus(inputs(), ctx);
    expect(s).toMatchObject({
      academyId: 'oakfield',
      name: 'Oakfield Primary Academy',
      stage: { id: 'good-or-better', label: 'Good or better' },
      ofsted: { grade: 'good', label: 'Good', date: '2023-03-15' },
      rag: 'green',
      actions: { open: 0, overdue: 0 },
      escalation: { step: 1, of: 4, stepId: 'own-capacity', label: 'Improving with its own capacity' },
      supportDays: { allowance: 6, coreUsed: 0 },
    });
    expect(s.reasons[0]!.text).toMatch(/^No concerns/);
    expect(s.nextMeeting).toBeUndefined();
  });

  it('brings together an RI academy’s overdue actions, late papers, KPI drops, escalation and spend into a red status with reasons', () => {
    const academy = stored(makeAcademy({ ofstedGrade: 'requires-improvement', supportStage: 'below-good', improvementBudgetPence: 70000 }));
    const aim = makeMeeting({ id: 'aim-autumn', kind: 'aim', date: '2026-10-13', status: 'held' });
    const iaim = makeMeeting({ id: 'iaim-autumn', kind: 'iaim', date: '2026-11-25' });
    const moved = makeMeeting({ id: 'aim-moved', kind: 'aim', date: '2026-11-24' }); // papers due Tuesday 17 November, none in
    const s = academyStatus(
      inputs({
        academy,
        meetings: [aim, iaim, moved].map(stored),
        actions: [
          makeAction({ id: 'a1', dueDate: '2026-11-06' }),
          makeAction({ id: 'a2', dueDate: '2026-11-13', status: 'in-progress' }),
          makeAction({ id: 'a3', dueDate: '2026-12-11' }),
          makeAction({ id: 'a4', dueDate: '2026-11-01', status: 'done', completedAt: '2026-10-30T10:00:00.000Z' }),
        ].map(stored),
        kpiDataPoints: [makeDataPoint({ value: 61, drop: { flaggedAt: '2026-11-10T12:00:00.000Z' } })].map(stored),
        interventions: [makeIntervention()].map(stored),
        escalations: [makeEscalation({ step: 2, stepId: 'formal-action-plan', at: '2026-11-02T09:00:00.000Z' })].map(stored),
        supportDays: [makeSupportDay({ days: 2, chargePence: 70000 })].map(stored),
      }),
      ctx,
    );
    expect(s.rag).toBe('red');
    expect(s.reasons.map((r) => `${r.level}: ${r.text}`)).toEqual([
      'red: 5 papers overdue',
      'red: Formal action plan (escalation step 3 of 4)',
      'amber: Ofsted: Requires Improvement',
      'amber: 2 actions overdue',
      'amber: 1 KPI drop awaiting review',
      'amber: Support spend at 100% of the improvement budget',
      'amber: Intervention review missed: “Maths mastery support from Brook Lane” was due Monday 19 October 2026',
    ]);
    expect(s.nextMeeting).toEqual({
      id: 'aim-moved',
      kind: 'aim',
      abbreviation: 'AIM',
      date: '2026-11-24',
      startsAt: '2026-11-24T09:30:00.000Z',
      chairId: 'aid',
      papers: { required: 5, in: 0, overdue: 5 },
      papersState: 'overdue',
    });
    expect(s.actions).toEqual({ open: 3, overdue: 2 });
    expect(s.kpiDropsAwaitingReview).toBe(1);
    expect(s.interventions).toEqual({ active: 1, reviewsOverdue: 1 });
    expect(s.escalation).toEqual({
      step: 3,
      of: 4,
      stepId: 'formal-action-plan',
      label: 'Formal action plan',
      since: '2026-11-02T09:00:00.000Z',
    });
    expect(s.supportDays).toMatchObject({ coreUsed: 1, developmentDays: 2, spendPence: 70000, spendPercent: 100, mustBudget: true });
  });

  it('counts a meeting today as the next meeting', () => {
    const today = makeMeeting({ id: 'today', kind: 'iaim', date: '2026-11-18' });
    expect(academyStatus(inputs({ meetings: [stored(today)] }), ctx).nextMeeting?.id).toBe('today');
  });
});

describe('trustDashboard', () => {
  const status = (name: string, rag: AcademyStatus['rag']): AcademyStatus => ({
    ...academyStatus(inputs({ academy: stored(makeAcademy({ id: name, name })) }), ctx),
    rag,
  });

  it('lists red academies first, then amber, then green, by name within each, with counts per RAG', () => {
    const d = trustDashboard([
      status('Whitesheet', 'green'),
      status('Dunbury', 'amber'),
      status('Trinity', 'red'),
      status('Beaminster', 'green'),
      status('Marden Vale', 'red'),
    ]);
    expect(d.academies.map((a) => `${a.rag} ${a.name}`)).toEqual([
      'red Marden Vale',
      'red Trinity',
      'amber Dunbury',
      'green Beaminster',
      'green Whitesheet',
    ]);
    expect(d.counts).toEqual({ red: 2, amber: 1, green: 2 });
  });
});
