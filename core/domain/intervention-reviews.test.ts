import {
  checkInterventionKind,
  isPastTimeLimit,
  isReviewOverdue,
  judgeImpact,
  nextReviewDate,
  recordInterventionReview,
} from './intervention-reviews';
import { preset } from './models/presets';
import { makeIntervention, okOf } from './test-factories';

const model = preset('schoolsworks');
// Review dates 19 October, 7 December 2026 and 1 February 2027; time limit 19 March 2027.
const maths = makeIntervention();

describe('review dates', () => {
  it('is next due on the first agreed review date', () => {
    expect(nextReviewDate(maths)).toBe('2026-10-19');
    expect(isReviewOverdue(maths, '2026-10-19')).toBe(false);
  });

  it('is overdue once a review date passes with no review', () => {
    expect(isReviewOverdue(maths, '2026-10-20')).toBe(true);
  });

  it('moves on to the next review date once a review is held', () => {
    const reviewed = okOf(
      recordInterventionReview(maths, {
        on: '2026-10-21',
        by: 'aid',
        note: 'Year 6 maths groups in place; first assessment due in November',
      }),
    ).intervention;
    expect(nextReviewDate(reviewed)).toBe('2026-12-07');
    expect(isReviewOverdue(reviewed, '2026-11-30')).toBe(false);
    expect(isReviewOverdue(reviewed, '2026-12-08')).toBe(true);
  });

  it('has no review due once every date is met or the intervention has finished', () => {
    const allDone = makeIntervention({ reviews: [{ on: '2027-02-03', by: 'aid', note: 'On track' }] });
    expect(nextReviewDate(allDone)).toBeUndefined();
    expect(nextReviewDate(makeIntervention({ status: 'completed' }))).toBeUndefined();
    expect(isReviewOverdue(makeIntervention({ status: 'stopped' }), '2027-03-01')).toBe(false);
  });

  it('needs a note to record a review', () => {
    expect(recordInterventionReview(maths, { on: '2026-10-21', by: 'aid', note: '' })).toMatchObject({
      ok: false,
      code: 'INTERVENTION.REVIEW_NOTE_REQUIRED',
    });
  });
});

describe('isPastTimeLimit', () => {
  it('flags an intervention still running after its time limit', () => {
    expect(isPastTimeLimit(maths, '2027-03-19')).toBe(false);
    expect(isPastTimeLimit(maths, '2027-03-22')).toBe(true);
    expect(isPastTimeLimit(makeIntervention({ status: 'completed' }), '2027-03-22')).toBe(false);
  });
});

describe('checkInterventionKind', () => {
  it('accepts Schoolsworks’ four kinds and names them when refusing another', () => {
    expect(checkInterventionKind(model, 'direct-trust')).toMatchObject({ ok: true, kind: { label: 'Direct trust' } });
    expect(checkInterventionKind(model, 'consultant')).toEqual({
      ok: false,
      code: 'INTERVENTION.UNKNOWN_KIND',
      message: '“consultant” is not one of the trust’s kinds of intervention: In-school, School-to-school, Direct trust, External.',
    });
  });
});

describe('judgeImpact', () => {
  const judgedAt = '2027-03-19';

  it('records impact as what changed for pupils', () => {
    const r = okOf(
      judgeImpact(
        maths,
        {
          judgement: 'some',
          outcomesForPupils: 'Year 6 at the expected standard in maths up from 58% to 66% at the spring mock',
          judgedAt,
        },
        model,
      ),
    );
    expect(r.intervention.impact).toEqual({
      judgement: 'some',
      outcomesForPupils: 'Year 6 at the expected standard in maths up from 58% to 66% at the spring mock',
      judgedAt,
    });
  });

  it('refuses an impact judgement with nothing about outcomes for pupils (KGA: implementation is not impact)', () => {
    expect(judgeImpact(maths, { judgement: 'strong', outcomesForPupils: '  ', judgedAt }, model)).toMatchObject({
      ok: false,
      code: 'INTERVENTION.OUTCOMES_REQUIRED',
      message: expect.stringContaining('not on the tasks completed'),
    });
  });

  it('refuses outcomes that only repeat what was done', () => {
    const i = makeIntervention({ implementation: 'Six coaching sessions delivered' });
    expect(judgeImpact(i, { judgement: 'strong', outcomesForPupils: 'Six coaching sessions delivered', judgedAt }, model)).toMatchObject({
      ok: false,
      code: 'INTERVENTION.IMPACT_IS_IMPLEMENTATION',
    });
  });

  it('refuses an intervention whose kind the trust’s model does not have', () => {
    const i = makeIntervention({ kind: 'consultant' });
    expect(judgeImpact(i, { judgement: 'some', outcomesForPupils: 'Better reading ages', judgedAt }, model)).toMatchObject({
      ok: false,
      code: 'INTERVENTION.UNKNOWN_KIND',
    });
  });
});
