import { ragStatus, type RagSignals } from './rag-status';
import { dsat } from './test-factories';

const rag = dsat().rag;
const calm: RagSignals = { ofstedGrade: 'good', overdueActions: 0, kpiDropsAwaitingReview: 0, overduePapers: 0, escalationStep: 1 };

describe('ragStatus', () => {
  it('is green with a reason saying there are no concerns', () => {
    expect(ragStatus(calm, rag)).toEqual({
      level: 'green',
      reasons: [
        {
          level: 'green',
          code: 'RAG.NO_CONCERNS',
          text: 'No concerns: Ofsted Good, no overdue actions or papers, no KPI drops awaiting review',
        },
      ],
    });
  });

  it('is amber for a school Ofsted judged Requires Improvement', () => {
    expect(ragStatus({ ...calm, ofstedGrade: 'requires-improvement' }, rag)).toEqual({
      level: 'amber',
      reasons: [{ level: 'amber', code: 'RAG.OFSTED_GRADE', text: 'Ofsted: Requires Improvement' }],
    });
  });

  it('is amber for one overdue action and red for three', () => {
    expect(ragStatus({ ...calm, overdueActions: 1 }, rag).reasons).toEqual([
      { level: 'amber', code: 'RAG.OVERDUE_ACTIONS', text: '1 action overdue' },
    ]);
    expect(ragStatus({ ...calm, overdueActions: 3 }, rag)).toMatchObject({ level: 'red', reasons: [{ text: '3 actions overdue' }] });
  });

  it('names the escalation step as the trust does', () => {
    const r = ragStatus({ ...calm, escalationStep: 3, escalationLabel: 'Formal action plan', escalationSteps: 4 }, rag);
    expect(r).toMatchObject({ level: 'red', reasons: [{ code: 'RAG.ESCALATION', text: 'Formal action plan (escalation step 3 of 4)' }] });
  });

  it('takes the worst reason’s level and lists the worst first', () => {
    const r = ragStatus(
      { ...calm, selfEvaluatedGrade: 'requires-improvement', kpiDropsAwaitingReview: 2, overduePapers: 4, supportSpendPercent: 95 },
      rag,
    );
    expect(r.level).toBe('red');
    expect(r.reasons.map((x) => `${x.level}: ${x.text}`)).toEqual([
      'red: 4 papers overdue',
      'amber: Self-evaluation: Requires Improvement',
      'amber: 2 KPI drops awaiting review',
      'amber: Support spend at 95% of the improvement budget',
    ]);
  });

  it('follows a trust’s own thresholds', () => {
    const strict = { ...rag, overdueActions: { amber: 1, red: 1 } };
    expect(ragStatus({ ...calm, overdueActions: 1 }, strict).level).toBe('red');
  });

  it('leaves a not-yet-inspected school green when nothing else is wrong', () => {
    expect(ragStatus({ ...calm, ofstedGrade: 'not-inspected' }, rag).reasons[0]!.text).toBe(
      'No concerns: not yet inspected, no overdue actions or papers, no KPI drops awaiting review',
    );
  });
});
