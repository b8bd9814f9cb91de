import { historyActors, startLoopStack, type LoopStack } from './loop-stack';

/**
 * Journey 1 of issue 15, through the API: the spring data point imported for all twelve demo
 * academies from one CSV (a dry run first); drops are flagged where an academy is below target,
 * appear on the agenda of its next meeting that reviews KPIs, are reviewed there (as the side panel
 * does), and the RAG reason goes away.
 */
let stack: LoopStack;
type Target = {
  id: string;
  measure: string;
  unit: string;
  higherIsBetter: boolean;
  target: number;
  points: { number: number; label: string; value?: number; id?: string }[];
};
const academies: { id: string; name: string; targets: Target[] }[] = [];
/** The academies given a value below target in the file. */
const BELOW = new Set(['oakfield', 'riverside']);
let csv = '';
let rows = 0;

beforeAll(async () => {
  // Spring 1 is nearly over: the spring data point (halfTerm 3) has not been recorded yet.
  stack = await startLoopStack('2027-02-10T10:00:00Z');
  const list = (await stack.call('GET', '/api/academies', { as: 'ceo' })).body.academies as { id: string; name: string }[];
  for (const a of list) {
    const improvement = (await stack.call('GET', `/api/academies/${a.id}/improvement`, { as: 'ceo' })).body;
    academies.push({ id: a.id, name: a.name, targets: improvement.kpis.targets });
  }
  const lines = ['School,KPI,Value'];
  for (const a of academies) {
    for (const [i, t] of a.targets.entries()) {
      const below = BELOW.has(a.id) && i === 0;
      const step = t.unit === 'score' ? 0.2 : 4;
      const value = Math.round((t.higherIsBetter === below ? t.target - step : t.target + step) * 10) / 10;
      // The academy as an MIS export names it (its full name, quoted as Excel quotes text), the KPI by its measure.
      lines.push(`"${a.name}",${t.measure.includes(',') ? `"${t.measure}"` : t.measure},${t.unit === 'percent' ? `${value}%` : value}`);
      rows++;
    }
  }
  lines.push('Nowhere Primary,Attendance,95', 'Oakfield Primary Academy,Attendance,about ninety');
  csv = lines.join('\r\n') + '\r\n';
});
afterAll(async () => stack?.stop());

const spring = (a: { targets: Target[] }, i = 0) => a.targets[i]!.points.find((p) => p.label === 'Spring data');

describe('a spring data point for the whole trust from one CSV', () => {
  it('is refused to a head and to the board', async () => {
    for (const as of ['head-oakfield', 'board-chair']) {
      const res = await stack.call('POST', '/api/kpi-data-points/import', { as, body: { point: 2, csv, dryRun: true } });
      expect([as, res.status]).toEqual([as, 403]);
    }
  });

  it('shows each row’s result on a dry run, reporting bad rows by row, column and value, and writes nothing', async () => {
    const res = await stack.call('POST', '/api/kpi-data-points/import', {
      as: 'aid-priya',
      body: { point: 2, fileName: 'spring.csv', csv, dryRun: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, pointLabel: 'Spring data', counts: { create: rows, rejected: 2, drops: 2 } });
    const rejected = res.body.rows
      .filter((r: { outcome: string }) => r.outcome === 'rejected')
      .flatMap((r: { problems: unknown[] }) => r.problems);
    expect(rejected).toEqual([
      { row: rows + 2, column: 'Academy', value: 'Nowhere Primary', message: 'no academy of the trust has this name' },
      expect.objectContaining({ row: rows + 3, column: 'Value', value: 'about ninety', message: 'not a number' }),
    ]);
    const after = (await stack.call('GET', '/api/academies/oakfield/improvement', { as: 'ceo' })).body;
    expect(spring({ targets: after.kpis.targets })?.value).toBeUndefined();
  });

  it('imports the good rows and flags a drop at each academy below target', async () => {
    const res = await stack.call('POST', '/api/kpi-data-points/import', { as: 'aid-priya', body: { point: 2, csv, dryRun: false } });
    expect(res.status).toBe(200);
    expect(res.body.written).toEqual({ created: rows, updated: 0, dropsFlagged: 2, failed: [] });
    const again = await stack.call('POST', '/api/kpi-data-points/import', { as: 'aid-priya', body: { point: 2, csv, dryRun: true } });
    expect(again.body.counts).toMatchObject({ create: 0, unchanged: rows, rejected: 2 });
    const oak = (await stack.call('GET', '/api/academies/oakfield/improvement', { as: 'ceo' })).body.kpis.targets as Target[];
    const point = oak
      .find((t) => t.measure === academies.find((a) => a.id === 'oakfield')!.targets[0]!.measure)!
      .points.find((p) => p.label === 'Spring data')!;
    expect(point).toMatchObject({ belowTarget: true, drop: { reviewed: false } });
    expect(await historyActors(stack, 'kpiDataPoints', point.id!)).toEqual(['aid-priya']);
  });
});

describe('the drops on the next meeting’s agenda, reviewed there', () => {
  let meeting: { id: string; chairId: string };

  it('flags the academy with a RAG reason that links to the meeting that reviews the drop', async () => {
    const dash = await stack.call('GET', '/api/dashboard', { as: 'ceo' });
    const oak = dash.body.academies.find((a: { academyId: string }) => a.academyId === 'oakfield');
    const reason = oak.reasons.find((r: { code: string }) => r.code === 'RAG.KPI_DROPS');
    expect(reason).toMatchObject({
      text: expect.stringMatching(/KPI drops? awaiting review/),
      fix: { page: 'meeting', anchor: 'kpi-drops', label: expect.stringMatching(/^Review the KPI drop/) },
    });
    const view = await stack.call('GET', `/api/meetings/${reason.fix.id}`, { as: 'ceo' });
    meeting = view.body.meeting;
    expect(reason.fix.personId).toBe(meeting.chairId);
    const agenda = await stack.call('GET', `/api/meetings/${meeting.id}/kpi-drops`, { as: 'head-oakfield' });
    expect(agenda.status).toBe(200);
    expect(agenda.body).toMatchObject({ reviewsKpiDrops: true, canReview: false });
    expect(agenda.body.toReview.map((d: { pointLabel: string; academyId: string }) => `${d.academyId} ${d.pointLabel}`)).toContain(
      'oakfield Spring data',
    );
  });

  it('is reviewed by the chair with what was found and an action; refused to the head', async () => {
    const agenda = (await stack.call('GET', `/api/meetings/${meeting.id}/kpi-drops`, { as: meeting.chairId })).body;
    expect(agenda.canReview).toBe(true);
    const first = agenda.toReview[0];
    const refused = await stack.call('POST', `/api/meetings/${meeting.id}/kpi-reviews`, {
      as: 'head-oakfield',
      body: { dataPointId: first.id, found: 'x', clientKey: 'loop-review-head', version: first.version },
    });
    expect(refused.status).toBe(403);
    const unlabelled = await stack.call('POST', `/api/meetings/${meeting.id}/kpi-reviews`, {
      as: meeting.chairId,
      body: {
        dataPointId: first.id,
        found: '',
        actions: [{ text: 'x', ownerId: 'head-brook-lane' }],
        clientKey: 'loop-review-bad',
        version: first.version,
      },
    });
    expect(unlabelled.status).toBe(400);
    expect(unlabelled.body.error.problems.map((p: { label: string }) => p.label)).toEqual(['What the review found']);
    for (const [i, drop] of agenda.toReview.entries()) {
      const res = await stack.call('POST', `/api/meetings/${meeting.id}/kpi-reviews`, {
        as: meeting.chairId,
        body: {
          dataPointId: drop.id,
          found: 'Year 6 cohort with high mobility; interventions started in January',
          actions: i === 0 ? [{ text: 'Targeted reading groups for the Year 6 cohort', ownerId: 'head-oakfield' }] : [],
          clientKey: `loop-review-${i}`,
          version: drop.version,
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.dataPoint.drop).toMatchObject({ reviewedInMeetingId: meeting.id, reviewedBy: meeting.chairId });
      if (i === 0) expect(res.body.actions).toHaveLength(1);
    }
    const again = await stack.call('POST', `/api/meetings/${meeting.id}/kpi-reviews`, {
      as: meeting.chairId,
      body: { dataPointId: first.id, found: 'Again', clientKey: 'loop-review-again', version: first.version },
    });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('KPI.ALREADY_REVIEWED');
    expect(await historyActors(stack, 'kpiDataPoints', first.id)).toContain(meeting.chairId);
  });

  it('clears the RAG reason, shows the review on the meeting, and carries its action forward', async () => {
    const dash = await stack.call('GET', '/api/dashboard', { as: 'ceo' });
    const oak = dash.body.academies.find((a: { academyId: string }) => a.academyId === 'oakfield');
    expect(oak.reasons.map((r: { code: string }) => r.code)).not.toContain('RAG.KPI_DROPS');
    expect(oak.kpiDropsAwaitingReview).toBe(0);
    const agenda = (await stack.call('GET', `/api/meetings/${meeting.id}/kpi-drops`, { as: 'ceo' })).body;
    expect(agenda.toReview).toEqual([]);
    expect(agenda.reviewed[0].drop.reviewNote).toMatch(/high mobility/);
    const view = await stack.call('GET', `/api/meetings/${meeting.id}`, { as: 'ceo' });
    expect(view.body.actionsRaised.map((a: { text: string }) => a.text)).toContain('Targeted reading groups for the Year 6 cohort');
  });
});

describe('KPI targets and single data points', () => {
  it('records targets only at the meeting the model names, keeps the history, and refuses a head', async () => {
    const improvement = (await stack.call('GET', '/api/academies/st-marys/improvement', { as: 'ceo' })).body;
    const kpi = improvement.kpis.targets[0];
    const at = improvement.kpis.targetsAgreedAt;
    expect(at.name).toBe('Academy Improvement Meeting');
    const meeting = at.meetings[0];
    const head = await stack.call('PUT', '/api/academies/st-marys/kpi-targets', {
      as: 'head-st-marys',
      body: {
        meetingId: meeting.id,
        targets: [
          {
            kpiId: kpi.id,
            measure: kpi.measure,
            unit: kpi.unit,
            higherIsBetter: kpi.higherIsBetter,
            target: kpi.target + 2,
            version: kpi.version,
          },
        ],
      },
    });
    expect(head.status).toBe(403);
    const noMeeting = await stack.call('PUT', '/api/academies/st-marys/kpi-targets', {
      as: 'ceo',
      body: { targets: [{ kpiId: kpi.id, measure: kpi.measure, target: kpi.target + 2, version: kpi.version }] },
    });
    expect(noMeeting.body.error.code).toBe('KPI.MEETING_REQUIRED');
    const res = await stack.call('PUT', '/api/academies/st-marys/kpi-targets', {
      as: 'ceo',
      body: {
        meetingId: meeting.id,
        targets: [
          {
            kpiId: kpi.id,
            measure: kpi.measure,
            unit: kpi.unit,
            higherIsBetter: kpi.higherIsBetter,
            target: kpi.target + 2,
            version: kpi.version,
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.targets[0]).toMatchObject({
      target: kpi.target + 2,
      agreedInMeetingId: meeting.id,
      agreedBy: 'ceo',
      history: [{ target: kpi.target }],
    });
    const bad = await stack.call('PUT', '/api/academies/st-marys/kpi-targets', {
      as: 'ceo',
      body: { meetingId: meeting.id, targets: [{ measure: 'Writing', target: 'high' }] },
    });
    expect(bad.body.error.problems).toEqual([expect.objectContaining({ field: 'targets.0.target', label: 'KPI 1: Target' })]);
  });

  it('lets the head enter their own academy’s data point, and replaces one only with the version read', async () => {
    const improvement = (await stack.call('GET', '/api/academies/fernhill/improvement', { as: 'head-fernhill' })).body;
    expect(improvement.kpis.can.recordData).toBe(true);
    const kpi = improvement.kpis.targets[0];
    const spring = kpi.points.find((p: { label: string }) => p.label === 'Spring data');
    const noVersion = await stack.call('POST', '/api/academies/fernhill/kpi-data-points', {
      as: 'head-fernhill',
      body: { kpiId: kpi.id, point: spring.number, value: spring.value - 1 },
    });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.problems[0].field).toBe('version');
    const res = await stack.call('POST', '/api/academies/fernhill/kpi-data-points', {
      as: 'head-fernhill',
      body: { kpiId: kpi.id, point: spring.number, value: spring.value - 1, version: spring.version },
    });
    expect(res.status).toBe(200);
    expect(res.body.dataPoint.value).toBe(spring.value - 1);
    const stale = await stack.call('POST', '/api/academies/fernhill/kpi-data-points', {
      as: 'head-fernhill',
      body: { kpiId: kpi.id, point: spring.number, value: spring.value - 2, version: spring.version },
    });
    expect(stale.status).toBe(409);
    const outOfRange = await stack.call('POST', '/api/academies/fernhill/kpi-data-points', {
      as: 'head-fernhill',
      body: { kpiId: kpi.id, point: 3, value: 140 },
    });
    expect(outOfRange.body.error.code).toBe('KPI.VALUE_OUT_OF_RANGE');
    expect(
      (
        await stack.call('POST', '/api/academies/fernhill/kpi-data-points', {
          as: 'governor-fernhill',
          body: { kpiId: kpi.id, point: 3, value: 50 },
        })
      ).status,
    ).toBe(403);
  });

  it('gives the dashboard each school against its own target, labelled by data point', async () => {
    const res = await stack.call('GET', '/api/kpis/schools', { as: 'ceo' });
    expect(res.body.dataPoints.map((d: { label: string }) => d.label)).toEqual(['Autumn data', 'Spring data', 'Summer data']);
    const measure = res.body.measures.find(
      (m: { measure: string }) => m.measure === academies.find((a) => a.id === 'oakfield')!.targets[0]!.measure,
    );
    const oak = measure.schools.find((s: { academyId: string }) => s.academyId === 'oakfield');
    expect(oak.values.find((v: { point: number }) => v.point === 2)).toMatchObject({ belowTarget: true });
    const head = await stack.call('GET', '/api/kpis/schools', { as: 'head-oakfield' });
    expect(new Set(head.body.measures.flatMap((m: { schools: { academyId: string }[] }) => m.schools.map((s) => s.academyId)))).toEqual(
      new Set(['oakfield']),
    );
  });
});
