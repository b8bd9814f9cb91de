import { londonDateOf } from '../../domain/london-time';
import { snapshotOf } from './board-pack-figures';
import { figuresWith, headOf, model, term } from './board-pack.fixtures';

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

  it('covers the term today is in, and counts the meetings held and the QA visits written up in it', () => {
    expect(term).toMatchObject({ term: 'autumn', label: 'Autumn term 2026/27' });
    expect(londonDateOf(f.generatedAt) >= term.start).toBe(true);
    expect(f.qa).toEqual({ academiesSeenThisTerm: 1, academiesVisitedThisTerm: 1, academies: 2 });
    expect(f.academies.map((a) => [a.name, a.qa.heldThisTerm, a.qa.visitsThisTerm])).toEqual([
      ['Brook Lane Academy', 0, 0],
      ['Oakfield Primary Academy', 1, 1],
    ]);
  });
});
