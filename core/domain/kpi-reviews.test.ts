import { agreeTarget, checkTargetsMeeting, correctDataPoint, dataPointLabel, reviewDrop } from './kpi-drops';
import { preset } from './models/presets';
import { kindOf, makeDataPoint, makeKpiTarget, makeMeeting } from './test-factories';

const dsat = preset('dsat');
const waterton = preset('waterton');
const target = makeKpiTarget({ target: 70 });
const now = '2027-02-10T10:00:00.000Z';

describe('data points are named as the model names them', () => {
  it('says “Spring data”, never a bare number', () => {
    expect(dataPointLabel(dsat, 2)).toBe('Spring data');
    expect(dataPointLabel(waterton, 2)).toBe('Data point 2 (spring 1)');
    expect(dataPointLabel(dsat, 9)).toBe('Data point 9');
  });
});

describe('correcting a data point', () => {
  const below = makeDataPoint({
    value: 64,
    drop: { flaggedAt: '2026-12-10T15:00:00.000Z', reviewedInMeetingId: 'aim-1', reviewNote: 'Looked at' },
  });

  it('keeps the flag and its review when the corrected value is still below target', () => {
    const r = correctDataPoint(below, target, { value: 66, now }, dsat);
    expect(r.ok && r.dataPoint).toMatchObject({ value: 66, drop: { reviewedInMeetingId: 'aim-1' } });
  });

  it('clears the flag when the corrected value meets the target, and flags a newly low one', () => {
    const cleared = correctDataPoint(below, target, { value: 71, now }, dsat);
    expect(cleared.ok && cleared.dataPoint.drop).toBeUndefined();
    const flagged = correctDataPoint(makeDataPoint({ value: 72 }), target, { value: 60, now }, dsat);
    expect(flagged.ok && flagged.dataPoint.drop).toEqual({ flaggedAt: now });
  });

  it('changes nothing for the same value, and refuses one out of range', () => {
    expect(correctDataPoint(below, target, { value: 64, now }, dsat)).toMatchObject({ ok: true, changed: false });
    expect(correctDataPoint(below, target, { value: 140, now }, dsat)).toMatchObject({ ok: false, code: 'KPI.VALUE_OUT_OF_RANGE' });
  });
});

describe('reviewing one drop in a meeting', () => {
  const aim = makeMeeting({ id: 'aim-spring', kind: 'aim', date: '2027-02-11' });
  const drop = makeDataPoint({ value: 61, point: 2, drop: { flaggedAt: now } });
  const input = { found: 'Cohort context; reading groups started', by: 'aid', now, actionIds: ['act-9'] };

  it('records what was found, who reviewed it, when, and the actions raised', () => {
    const r = reviewDrop(drop, aim, input, kindOf(dsat, 'aim'));
    expect(r.ok && r.dataPoint.drop).toEqual({
      flaggedAt: now,
      reviewedInMeetingId: 'aim-spring',
      reviewNote: 'Cohort context; reading groups started',
      reviewedBy: 'aid',
      reviewedAt: now,
      actionIds: ['act-9'],
    });
  });

  it('refuses a meeting that does not review KPIs, a value at target, one already reviewed, and one flagged after the meeting', () => {
    expect(reviewDrop(drop, makeMeeting({ id: 'iaim', kind: 'iaim', date: '2027-02-11' }), input, kindOf(dsat, 'iaim'))).toMatchObject({
      ok: false,
      code: 'KPI.MEETING_DOES_NOT_REVIEW_DROPS',
    });
    expect(reviewDrop(makeDataPoint({ value: 75 }), aim, input, kindOf(dsat, 'aim'))).toMatchObject({ ok: false, code: 'KPI.NOT_A_DROP' });
    expect(reviewDrop({ ...drop, drop: { flaggedAt: now, reviewedInMeetingId: 'x' } }, aim, input, kindOf(dsat, 'aim'))).toMatchObject({
      ok: false,
      code: 'KPI.ALREADY_REVIEWED',
    });
    expect(reviewDrop({ ...drop, drop: { flaggedAt: '2027-03-01T10:00:00.000Z' } }, aim, input, kindOf(dsat, 'aim'))).toMatchObject({
      ok: false,
      code: 'KPI.FLAGGED_AFTER_MEETING',
    });
    expect(reviewDrop(drop, aim, { ...input, found: ' ' }, kindOf(dsat, 'aim'))).toMatchObject({
      ok: false,
      code: 'KPI.REVIEW_NOTE_REQUIRED',
    });
  });
});

describe('agreeing targets', () => {
  it('takes targets only at the kind of meeting the model names (Waterton: the ASER)', () => {
    const aser = makeMeeting({ kind: 'aser', date: '2026-09-15' }, { model: waterton });
    expect(checkTargetsMeeting(aser, 'oakfield', waterton)).toEqual({ ok: true });
    expect(checkTargetsMeeting(undefined, 'oakfield', waterton)).toMatchObject({
      ok: false,
      code: 'KPI.MEETING_REQUIRED',
      message: expect.stringContaining('an Academy Self-Evaluation Review'),
    });
    expect(checkTargetsMeeting({ ...aser, kind: 'aser-extended' }, 'oakfield', waterton)).toMatchObject({
      ok: false,
      code: 'KPI.TARGETS_NOT_AGREED_HERE',
    });
    expect(checkTargetsMeeting({ ...aser, status: 'cancelled' }, 'oakfield', waterton)).toMatchObject({
      ok: false,
      code: 'KPI.MEETING_CANCELLED',
    });
    expect(checkTargetsMeeting(aser, 'brook-lane', waterton)).toMatchObject({ ok: false, code: 'KPI.NOT_THIS_ACADEMY' });
  });

  it('keeps the target a revision replaces in its history', () => {
    const first = agreeTarget(undefined, { ...target, agreedInMeetingId: 'aser-1', by: 'aid', now: '2026-09-15T10:00:00.000Z' });
    const revised = agreeTarget(first, { ...target, target: 72, agreedInMeetingId: 'aser-2', by: 'ceo', now });
    expect(revised).toMatchObject({
      target: 72,
      agreedInMeetingId: 'aser-2',
      agreedBy: 'ceo',
      agreedAt: now,
      history: [{ target: 70, agreedInMeetingId: 'aser-1', agreedBy: 'aid', agreedAt: '2026-09-15T10:00:00.000Z', replacedAt: now }],
    });
    expect(agreeTarget(revised, { ...target, target: 72, agreedInMeetingId: 'aser-2', by: 'ceo', now })).toBe(revised);
  });
});
