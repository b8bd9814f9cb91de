import { historyActors, startLoopStack, type LoopStack } from './loop-stack';

/**
 * Journey 4 of issue 15, through the API: an intervention agreed, reviewed twice against its success
 * criteria and its impact judged on outcomes for pupils; then a review date passes without a review
 * and the academy turns amber, with the reason and a link to where its lead records the review.
 */
let stack: LoopStack;
let academy: { academyId: string; name: string };
let head: string;
type Status = {
  academyId: string;
  name: string;
  rag: string;
  reasons: { code: string; level: string; text: string; fix?: { page: string; id: string; anchor: string; personId?: string } }[];
};
const statusOf = async (id: string): Promise<Status> => (await stack.call('GET', `/api/academies/${id}`, { as: 'ceo' })).body;

const T0 = '2027-01-11T10:00:00Z';
const MISSED_AT = '2027-01-15T10:00:00Z';
const criteria = [
  'Reading ages within 6 months of chronological age for 80% of Year 3',
  'Guided reading seen in every Year 3 lesson on learning walks',
];

beforeAll(async () => {
  stack = await startLoopStack(MISSED_AT);
  // An academy with nothing to flag on either day of the journey, so the amber below is the missed review's alone
  // (not Ashworth, which gives the support).
  const green = ((await stack.call('GET', '/api/dashboard', { as: 'ceo' })).body.academies as Status[])
    .filter((a) => a.rag === 'green')
    .map((a) => a.academyId);
  stack.setNow(T0);
  const greenAtStart = ((await stack.call('GET', '/api/dashboard', { as: 'ceo' })).body.academies as Status[]).filter(
    (a) => a.rag === 'green' && green.includes(a.academyId) && a.academyId !== 'ashworth',
  );
  academy = greenAtStart[0]!;
  head = `head-${academy.academyId}`;
});
afterAll(async () => stack?.stop());

describe('an intervention agreed, reviewed twice and judged', () => {
  let id: string;
  let version: string;
  const body = () => ({
    kind: 'school-to-school',
    title: 'Year 3 reading: guided reading from Ashworth',
    targets: ['Year 3 reading ages up by a year by March'],
    successCriteria: criteria,
    startDate: '2027-01-11',
    endDate: '2027-03-19',
    reviewDates: ['2027-01-12', '2027-01-13', '2027-01-14'],
    leadId: head,
    supportingAcademyId: 'ashworth',
    clientKey: 'loop-intervention-1',
  });

  it('is agreed by the trust team only, with the supporting academy the kind needs, naming bad fields by label', async () => {
    expect((await stack.call('POST', `/api/academies/${academy.academyId}/interventions`, { as: head, body: body() })).status).toBe(403);
    const { supportingAcademyId: _s, ...unsupported } = body();
    const noSupporter = await stack.call('POST', `/api/academies/${academy.academyId}/interventions`, {
      as: 'aid-priya',
      body: unsupported,
    });
    expect(noSupporter.status).toBe(422);
    expect(noSupporter.body.error).toMatchObject({
      code: 'INTERVENTION.SUPPORTER_REQUIRED',
      message: 'School-to-school support names the academy giving it.',
    });
    const bad = await stack.call('POST', `/api/academies/${academy.academyId}/interventions`, {
      as: 'aid-priya',
      body: { ...body(), targets: [], endDate: '2027-01-01' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems.map((p: { label: string }) => p.label).sort()).toEqual(['End date', 'Review dates', 'Targets']);
    const res = await stack.call('POST', `/api/academies/${academy.academyId}/interventions`, { as: 'aid-priya', body: body() });
    expect([res.status, res.body.error]).toEqual([201, undefined]);
    expect(res.body.intervention).toMatchObject({
      kindLabel: 'School-to-school',
      status: 'active',
      supportingAcademyId: 'ashworth',
      nextReview: '2027-01-12',
      reviewMissed: false,
      can: { review: true, judge: true, change: true },
    });
    ({ id, version } = res.body.intervention);
    expect((await stack.call('POST', `/api/academies/${academy.academyId}/interventions`, { as: 'aid-priya', body: body() })).status).toBe(
      200,
    );
  });

  it('is reviewed by its lead against each success criterion, and refused to a governor', async () => {
    stack.setNow('2027-01-12T15:00:00Z');
    const partial = await stack.call('POST', `/api/interventions/${id}/reviews`, {
      as: head,
      body: { note: 'Groups started', criteria: [{ criterion: criteria[0], progress: 'some-progress' }], version },
    });
    expect(partial.status).toBe(422);
    expect(partial.body.error.code).toBe('INTERVENTION.CRITERIA_INCOMPLETE');
    expect(
      (
        await stack.call('POST', `/api/interventions/${id}/reviews`, {
          as: `governor-${academy.academyId}`,
          body: { note: 'x', criteria: criteria.map((c) => ({ criterion: c, progress: 'met' })), version },
        })
      ).status,
    ).toBe(403);
    const first = await stack.call('POST', `/api/interventions/${id}/reviews`, {
      as: head,
      body: {
        note: 'Guided reading groups in place; baseline reading ages taken',
        criteria: [
          { criterion: criteria[0], progress: 'not-started', evidence: 'Baseline only' },
          { criterion: criteria[1], progress: 'on-track', evidence: 'Seen in 5 of 6 lessons' },
        ],
        version,
      },
    });
    expect(first.status).toBe(200);
    expect(first.body.intervention).toMatchObject({ nextReview: '2027-01-13', reviews: [{ on: '2027-01-12', by: head }] });
    version = first.body.intervention.version;
  });

  it('is reviewed a second time by the improvement director, then its impact judged on outcomes for pupils', async () => {
    stack.setNow('2027-01-13T15:00:00Z');
    const second = await stack.call('POST', `/api/interventions/${id}/reviews`, {
      as: 'aid-priya',
      body: { note: 'Reading ages rising', criteria: criteria.map((c) => ({ criterion: c, progress: 'on-track' })), version },
    });
    expect(second.status).toBe(200);
    expect(second.body.intervention.reviews).toHaveLength(2);
    version = second.body.intervention.version;
    expect(
      (
        await stack.call('POST', `/api/interventions/${id}/impact`, {
          as: head,
          body: { judgement: 'some', outcomesForPupils: 'Better', version },
        })
      ).status,
    ).toBe(403);
    const tasks = await stack.call('POST', `/api/interventions/${id}/impact`, {
      as: 'aid-priya',
      body: {
        judgement: 'strong',
        implementation: 'Guided reading groups ran four times a week',
        outcomesForPupils: 'Guided reading groups ran four times a week',
        version,
      },
    });
    expect(tasks.status).toBe(422);
    expect(tasks.body.error.code).toBe('INTERVENTION.IMPACT_IS_IMPLEMENTATION');
    const judged = await stack.call('POST', `/api/interventions/${id}/impact`, {
      as: 'aid-priya',
      body: {
        judgement: 'some',
        implementation: 'Guided reading groups ran four times a week',
        outcomesForPupils: '62% of Year 3 now within 6 months of their reading age, up from 41%',
        version,
      },
    });
    expect(judged.status).toBe(200);
    expect(judged.body.intervention.impact).toMatchObject({ judgement: 'some', judgedBy: 'aid-priya', judgedAt: '2027-01-13' });
    expect(await historyActors(stack, 'interventions', id)).toEqual(['aid-priya', 'aid-priya', head, 'aid-priya']);
    expect((await statusOf(academy.academyId)).rag).toBe('green');
  });

  it('turns the academy amber with the reason once a review date passes without a review, linking to the review', async () => {
    stack.setNow(MISSED_AT);
    const s = await statusOf(academy.academyId);
    expect(s.rag).toBe('amber');
    expect(s.reasons).toEqual([
      {
        level: 'amber',
        code: 'RAG.MISSED_INTERVENTION_REVIEW',
        text: 'Intervention review missed: “Year 3 reading: guided reading from Ashworth” was due Thursday 14 January 2027',
        fix: {
          page: 'academy',
          id: academy.academyId,
          anchor: `intervention-${id}`,
          label: 'Record the review of “Year 3 reading: guided reading from Ashworth”',
          personId: head,
        },
      },
    ]);
    const dash = (await stack.call('GET', '/api/dashboard', { as: 'ceo' })).body.academies.find(
      (a: Status) => a.academyId === academy.academyId,
    );
    expect(dash.interventions.reviewsOverdue).toBe(1);
  });

  it('is extended, then ended early, each with a reason; only the trust team may', async () => {
    const current = (await stack.call('GET', `/api/interventions/${id}`, { as: 'ceo' })).body;
    expect(
      (
        await stack.call('PATCH', `/api/interventions/${id}`, {
          as: head,
          body: { change: 'extend', endDate: '2027-04-30', reason: 'More time', version: current.version },
        })
      ).status,
    ).toBe(403);
    const extended = await stack.call('PATCH', `/api/interventions/${id}`, {
      as: 'aid-priya',
      body: {
        change: 'extend',
        endDate: '2027-05-21',
        reviewDates: ['2027-05-14'],
        reason: 'Spring assessments due in May',
        version: current.version,
      },
    });
    expect(extended.status).toBe(200);
    expect(extended.body.intervention).toMatchObject({
      endDate: '2027-05-21',
      changes: [{ kind: 'extended', reason: 'Spring assessments due in May', endDateBefore: '2027-03-19' }],
    });
    const ended = await stack.call('PATCH', `/api/interventions/${id}`, {
      as: 'aid-priya',
      body: { change: 'end-early', reason: 'Targets met early', version: extended.body.intervention.version },
    });
    expect(ended.status).toBe(200);
    expect(ended.body.intervention).toMatchObject({ status: 'completed', endDate: '2027-01-15', reviewMissed: false });
    expect((await statusOf(academy.academyId)).rag).toBe('green');
  });
});
