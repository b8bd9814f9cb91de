import type { Academy } from '../../domain/academy';
import { londonDateOf } from '../../domain/london-time';
import {
  calendar,
  dsat,
  makeAcademy,
  makeAction,
  makeDataPoint,
  makeEscalation,
  makeKpiTarget,
  makeMeeting,
  makePeople,
  makeSupportDay,
} from '../../domain/test-factories';
import type { AcademyStatusInputs, Stored } from '../../ports/record-store.port';
import type { TrustContext } from '../service-context';
import { boardPackFigures, snapshotOf } from './board-pack-figures';
import { termOf } from './board-pack-term';

const stored = <T>(x: T): Stored<T> => ({ ...x, version: '1' });
const model = dsat();
const today = '2026-11-23';
const trust: TrustContext = {
  settings: stored({ id: 't', name: 'Meadowbank Learning Trust', model, termDates: [], closures: [] }),
  model,
  calendar,
  today,
  academicYear: '2026/27',
};
const term = termOf(calendar, today)!;

function inputsFor(academy: Academy, parts: Partial<Omit<AcademyStatusInputs, 'academy'>> = {}): AcademyStatusInputs {
  return {
    academy: stored(academy),
    meetings: [],
    actions: [],
    kpiTargets: [],
    kpiDataPoints: [],
    interventions: [],
    escalations: [],
    supportDays: [],
    ...parts,
  } as AcademyStatusInputs;
}

const oakfield = makeAcademy({ id: 'oakfield', name: 'Oakfield Primary Academy', improvementBudgetPence: 140000 });
const brook = makeAcademy({
  id: 'brook',
  name: 'Brook Lane Academy',
  ofstedGrade: 'inadequate',
  ofstedDate: '2024-05-01',
  improvementBudgetPence: 70000,
});
const people = [...makePeople('oakfield'), ...makePeople('brook')];
const headOf = (id: string) => people.find((p) => p.roles.some((r) => r.role === 'head' && r.academyId === id))!;

const figuresWith = (previous?: ReturnType<typeof snapshotOf>) =>
  boardPackFigures({
    trust,
    term,
    people,
    generatedAt: '2026-11-23T10:00:00.000Z',
    ...(previous ? { previous } : {}),
    inputs: [
      inputsFor(oakfield, {
        kpiTargets: [stored(makeKpiTarget({ id: 'kpi-1', academyId: 'oakfield', measure: 'Reading at expected', target: 70 }))],
        kpiDataPoints: [stored(makeDataPoint({ id: 'dp-1', kpiId: 'kpi-1', academyId: 'oakfield', point: 1, value: 64 }))],
        meetings: [
          stored(
            makeMeeting(
              {
                academyId: 'oakfield',
                date: '2026-10-13',
                status: 'held',
                judgements: [{ area: 'inclusion', evidence: 'SEND register reviewed <w:p/>', reportCardGrade: 'needs-attention' }],
              },
              { academy: oakfield, people },
            ),
          ),
          // Last summer's meeting is not this term's: its judgement is left out.
          stored(
            makeMeeting(
              {
                academyId: 'oakfield',
                date: '2026-06-16',
                status: 'held',
                judgements: [{ area: 'achievement', evidence: 'old', reportCardGrade: 'strong-standard' }],
              },
              { academy: oakfield, people },
            ),
          ),
        ],
        actions: [
          stored(
            makeAction({
              id: 'a-late',
              academyId: 'oakfield',
              text: 'Phonics audit',
              ownerId: headOf('oakfield').id,
              dueDate: '2026-11-02',
            }),
          ),
          stored(makeAction({ id: 'a-done', academyId: 'oakfield', text: 'Done already', status: 'done', dueDate: '2026-10-01' })),
          stored(makeAction({ id: 'a-future', academyId: 'oakfield', text: 'Not yet due', dueDate: '2026-12-10' })),
        ],
        supportDays: [stored(makeSupportDay({ id: 'sd-1', academyId: 'oakfield', kind: 'development', days: 1, chargePence: 35000 }))],
      }),
      inputsFor(brook, {
        escalations: [
          stored(makeEscalation({ id: 'esc-1', academyId: 'brook', step: 1, stepId: model.escalation.steps[1]!.id, by: 'aid' })),
        ],
        supportDays: [stored(makeSupportDay({ id: 'sd-2', academyId: 'brook', kind: 'development', days: 2, chargePence: 70000 }))],
      }),
    ],
  });

describe('the board pack’s figures', () => {
  const f = figuresWith();

  it('orders the academies as the dashboard does, worst RAG first, and counts them', () => {
    expect(f.academies.map((a) => [a.name, a.status.rag])).toEqual([
      ['Brook Lane Academy', 'red'],
      ['Oakfield Primary Academy', 'amber'],
    ]);
    expect(f.counts).toEqual({ red: 1, amber: 1, green: 0 });
  });

  it('gives each KPI every data point of the model’s year, with the ones below target marked and the unrecorded ones empty', () => {
    const [kpi] = f.academies[1]!.kpis;
    expect(kpi!.points.map((p) => [p.label, p.value, p.belowTarget])).toEqual(
      model.kpis.dataPoints.map((d, i) => (i === 0 ? [d.label, 64, true] : [d.label, undefined, false])),
    );
  });

  it('takes judgements from this term’s held meetings only, with the area and grade in words', () => {
    expect(f.academies[1]!.judgements).toEqual([
      {
        meeting: 'Academy Improvement Meeting',
        date: '2026-10-13',
        area: 'Inclusion',
        grade: 'Needs attention',
        evidence: 'SEND register reviewed <w:p/>',
      },
    ]);
  });

  it('lists the overdue actions across the trust with their owner’s name, not the done or not-yet-due ones', () => {
    expect(f.overdueActions).toEqual([
      { academy: 'Oakfield Primary Academy', text: 'Phonics audit', owner: headOf('oakfield').name, dueDate: '2026-11-02' },
    ]);
  });

  it('adds up support spend against budget across the academies', () => {
    expect(f.support).toMatchObject({ spendPence: 105000, budgetPence: 210000, developmentDays: 3 });
  });

  it('gives the escalation history with the step’s label and who moved it', () => {
    expect(f.academies[0]!.escalationHistory).toEqual([
      expect.objectContaining({ step: model.escalation.steps[1]!.label, direction: 'Up', by: 'Alison Reed' }),
    ]);
  });

  it('says what changed since the last pack: only the academies whose RAG moved', () => {
    expect(f.changes.map((c) => [c.name, c.from, c.to])).toEqual([
      ['Brook Lane Academy', undefined, 'red'],
      ['Oakfield Primary Academy', undefined, 'amber'],
    ]);
    const last = { ...snapshotOf(f), rag: { ...snapshotOf(f).rag, brook: 'amber' as const } };
    expect(figuresWith(last).changes).toEqual([{ name: 'Brook Lane Academy', from: 'amber', to: 'red' }]);
    expect(figuresWith(snapshotOf(f)).changes).toEqual([]);
  });

  it('covers the term today is in, and counts the academies with a meeting held in it', () => {
    expect(term).toMatchObject({ term: 'autumn', label: 'Autumn term 2026/27' });
    expect(londonDateOf(f.generatedAt) >= term.start).toBe(true);
    expect(f.qa).toEqual({ academiesSeenThisTerm: 1, academies: 2 });
  });
});
