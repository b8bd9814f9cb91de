import {
  endInterventionEarly,
  extendIntervention,
  missedReviews,
  planIntervention,
  recordInterventionReview,
} from './intervention-reviews';
import { interventionSchema } from './intervention';
import { preset } from './models/presets';
import { makeIntervention, okOf } from './test-factories';

const model = preset('schoolsworks');
const plan = {
  id: '',
  academyId: 'oakfield',
  kind: 'school-to-school',
  title: 'Maths mastery from Brook Lane',
  targets: ['Year 6 at the expected standard in maths up from 58% to 70%'],
  successCriteria: ['Mock SATs in March show at least 68%', 'Mastery sequence seen in 90% of books'],
  startDate: '2026-11-30',
  endDate: '2027-03-19',
  reviewDates: ['2027-02-01', '2026-12-14', '2027-02-01'],
  leadId: 'partner',
  supportingAcademyId: 'brook-lane',
  by: 'aid',
};

describe('agreeing an intervention', () => {
  it('takes a kind from the model and the supporting academy the kind needs, with review dates in order', () => {
    const i = okOf(planIntervention(plan, model, '2026-11-23')).intervention;
    expect(i).toMatchObject({
      kind: 'school-to-school',
      supportingAcademyId: 'brook-lane',
      status: 'planned',
      reviewDates: ['2026-12-14', '2027-02-01'],
      createdBy: 'aid',
    });
    expect(interventionSchema.safeParse({ ...i, id: 'int-9' }).success).toBe(true);
    expect(okOf(planIntervention(plan, model, '2026-12-01')).intervention.status).toBe('active');
  });

  it('reads who must support it from the kind’s flag in the model, not from its id', () => {
    expect(planIntervention({ ...plan, supportingAcademyId: undefined }, model, '2026-11-23')).toMatchObject({
      ok: false,
      code: 'INTERVENTION.SUPPORTER_REQUIRED',
    });
    expect(planIntervention({ ...plan, supportingAcademyId: 'oakfield' }, model, '2026-11-23')).toMatchObject({
      ok: false,
      code: 'INTERVENTION.SUPPORTS_ITSELF',
    });
    const renamed = structuredClone(model);
    renamed.interventionKinds = renamed.interventionKinds.map((k) => (k.id === 'school-to-school' ? { ...k, id: 'partnership' } : k));
    expect(planIntervention({ ...plan, kind: 'partnership', supportingAcademyId: undefined }, renamed, '2026-11-23')).toMatchObject({
      ok: false,
      code: 'INTERVENTION.SUPPORTER_REQUIRED',
    });
    expect(planIntervention({ ...plan, kind: 'external', supportingAcademyId: undefined }, model, '2026-11-23')).toMatchObject({
      ok: false,
      message: 'External support names the person giving it.',
    });
    const inSchool = okOf(planIntervention({ ...plan, kind: 'in-school' }, model, '2026-11-23')).intervention;
    expect(inSchool.supportingAcademyId).toBeUndefined();
  });

  it('refuses an unknown kind and a time limit already past', () => {
    expect(planIntervention({ ...plan, kind: 'coaching' }, model, '2026-11-23')).toMatchObject({
      ok: false,
      code: 'INTERVENTION.UNKNOWN_KIND',
    });
    expect(
      planIntervention({ ...plan, endDate: '2026-11-20', startDate: '2026-11-01', reviewDates: ['2026-11-10'] }, model, '2026-11-23'),
    ).toMatchObject({ ok: false, code: 'INTERVENTION.ENDS_IN_THE_PAST' });
  });
});

describe('reviews against each success criterion', () => {
  const maths = makeIntervention({ successCriteria: ['Mock SATs at 68%', 'Books show mastery'] });

  it('records progress against every criterion, in the intervention’s order', () => {
    const r = okOf(
      recordInterventionReview(maths, {
        on: '2026-10-20',
        by: 'aid',
        note: 'Under way',
        criteria: [
          { criterion: 'Books show mastery', progress: 'on-track', evidence: ' 8 of 10 books ' },
          { criterion: 'Mock SATs at 68%', progress: 'not-started' },
        ],
      }),
    );
    expect(r.intervention.reviews![0]!.criteria).toEqual([
      { criterion: 'Mock SATs at 68%', progress: 'not-started' },
      { criterion: 'Books show mastery', progress: 'on-track', evidence: '8 of 10 books' },
    ]);
  });

  it('refuses a review that leaves a criterion out', () => {
    expect(
      recordInterventionReview(maths, {
        on: '2026-10-20',
        by: 'aid',
        note: 'Under way',
        criteria: [{ criterion: 'Books show mastery', progress: 'met' }],
      }),
    ).toMatchObject({ ok: false, code: 'INTERVENTION.CRITERIA_INCOMPLETE', message: expect.stringContaining('“Mock SATs at 68%”') });
  });

  it('lists each live intervention’s missed review with the date it was due', () => {
    const reviewed = { ...maths, id: 'b', reviews: [{ on: '2026-10-19', by: 'aid', note: 'ok' }] };
    expect(
      missedReviews([maths, reviewed, { ...maths, id: 'c', status: 'stopped' as const }], '2026-12-08').map((m) => [
        m.intervention.id,
        m.due,
      ]),
    ).toEqual([
      ['int-1', '2026-10-19'],
      ['b', '2026-12-07'],
    ]);
  });
});

describe('ending early and extending, with a reason', () => {
  const maths = makeIntervention();

  it('ends it early as completed, keeping the reason and the dates before and after', () => {
    const r = okOf(
      endInterventionEarly(maths, { on: '2026-12-01', reason: 'Targets met', by: 'aid', now: '2026-12-01T10:00:00.000Z' }),
    ).intervention;
    expect(r).toMatchObject({
      status: 'completed',
      endDate: '2026-12-01',
      reviewDates: ['2026-10-19'],
      changes: [{ kind: 'ended-early', reason: 'Targets met', endDateBefore: '2027-03-19', endDateAfter: '2026-12-01' }],
    });
    expect(interventionSchema.safeParse(r).success).toBe(true);
    expect(endInterventionEarly(maths, { on: '2026-12-01', reason: ' ', by: 'aid', now: '' })).toMatchObject({
      ok: false,
      code: 'INTERVENTION.REASON_REQUIRED',
    });
  });

  it('extends the time limit with more review dates, and refuses an “extension” that is not later', () => {
    const r = okOf(
      extendIntervention(maths, {
        endDate: '2027-05-21',
        reviewDates: ['2027-05-14'],
        reason: 'May assessments',
        by: 'aid',
        now: '2027-03-01T10:00:00.000Z',
      }),
    ).intervention;
    expect(r).toMatchObject({ endDate: '2027-05-21', reviewDates: ['2026-10-19', '2026-12-07', '2027-02-01', '2027-05-14'] });
    expect(extendIntervention(maths, { endDate: '2027-03-01', reason: 'x', by: 'aid', now: '' })).toMatchObject({
      ok: false,
      code: 'INTERVENTION.EXTEND_LATER',
    });
    expect(extendIntervention({ ...maths, status: 'completed' }, { endDate: '2027-05-21', reason: 'x', by: 'aid', now: '' })).toMatchObject(
      { ok: false, code: 'INTERVENTION.NOT_RUNNING' },
    );
  });
});
