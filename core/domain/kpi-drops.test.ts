import { dropsAwaitingReview, isBelowTarget, nextReviewFor, recordDataPoint, reviewDrops } from './kpi-drops';
import { preset } from './models/presets';
import { kindOf, makeAcademy, makeDataPoint, makeKpiTarget, makeMeeting } from './test-factories';

const waterton = preset('waterton');
const academy = makeAcademy({ supportStage: 'standard' });
const inWaterton = { model: waterton, academy };
const now = '2026-12-10T15:00:00.000Z';

describe('isBelowTarget', () => {
  it('is below target when attainment falls short of it', () => {
    const t = makeKpiTarget({ target: 70 });
    expect(isBelowTarget(t, 68)).toBe(true);
    expect(isBelowTarget(t, 70)).toBe(false);
  });

  it('is below target when persistent absence rises above it (lower is better)', () => {
    const t = makeKpiTarget({ measure: 'Persistent absence', higherIsBetter: false, target: 12 });
    expect(isBelowTarget(t, 14.5)).toBe(true);
    expect(isBelowTarget(t, 9)).toBe(false);
  });
});

describe('recordDataPoint', () => {
  const target = makeKpiTarget({ target: 70 });

  it('flags a drop when the value at a data point is below the KPI target, for the next ASER to investigate', () => {
    const r = recordDataPoint(target, { point: 1, value: 64, now, id: 'dp-9' }, waterton);
    expect(r.ok && r.dataPoint).toEqual({
      id: 'dp-9',
      kpiId: target.id,
      academyId: target.academyId,
      academicYear: '2026/27',
      point: 1,
      value: 64,
      recordedAt: now,
      drop: { flaggedAt: now },
    });
  });

  it('flags nothing when the KPI is met', () => {
    const r = recordDataPoint(target, { point: 2, value: 74, now, id: 'dp-9' }, waterton);
    expect(r.ok && r.dataPoint.drop).toBeUndefined();
  });

  it('accepts Waterton’s fifth data point but refuses a sixth', () => {
    expect(recordDataPoint(target, { point: 5, value: 71, now, id: 'x' }, waterton).ok).toBe(true);
    const r = recordDataPoint(target, { point: 6, value: 71, now, id: 'x' }, waterton);
    expect(r).toMatchObject({ ok: false, code: 'KPI.UNKNOWN_DATA_POINT', message: expect.stringContaining('5 (Data point 5 (summer 2))') });
  });

  it('refuses a percentage over 100', () => {
    expect(recordDataPoint(target, { point: 1, value: 640, now, id: 'x' }, waterton)).toMatchObject({
      ok: false,
      code: 'KPI.VALUE_OUT_OF_RANGE',
    });
  });
});

describe('reviewing drops', () => {
  const aser = makeMeeting({ id: 'aser-dec', kind: 'aser', date: '2026-12-15' }, inWaterton);
  const drop = makeDataPoint({ id: 'drop', value: 64, drop: { flaggedAt: now } });
  const later = makeDataPoint({ id: 'later', point: 2, value: 60, drop: { flaggedAt: '2027-02-10T12:00:00.000Z' } });
  const met = makeDataPoint({ id: 'met', value: 75 });
  const elsewhere = makeDataPoint({ id: 'elsewhere', academyId: 'brook-lane', drop: { flaggedAt: now } });
  const points = [drop, later, met, elsewhere];

  it('lists only drops not yet reviewed', () => {
    const reviewed = makeDataPoint({ id: 'reviewed', drop: { flaggedAt: now, reviewedInMeetingId: 'aser-oct' } });
    expect(dropsAwaitingReview([...points, reviewed]).map((p) => p.id)).toEqual(['drop', 'later', 'elsewhere']);
  });

  it('marks this academy’s drops flagged by the ASER’s day as reviewed in it, with what was found', () => {
    const r = reviewDrops(points, aser, 'Two pupils long-term absent; catch-up group started', kindOf(waterton, 'aser'));
    expect(r.ok && r.reviewed).toBe(1);
    expect(r.ok && r.points.find((p) => p.id === 'drop')?.drop).toEqual({
      flaggedAt: now,
      reviewedInMeetingId: 'aser-dec',
      reviewNote: 'Two pupils long-term absent; catch-up group started',
    });
    expect(r.ok && dropsAwaitingReview(r.points).map((p) => p.id)).toEqual(['later', 'elsewhere']);
  });

  it('refuses to review drops at a meeting kind that does not review KPIs (a DSAT iAIM)', () => {
    const iaim = makeMeeting({ kind: 'iaim', date: '2026-12-02' });
    const r = reviewDrops(points, iaim, 'Discussed', kindOf(preset('dsat'), 'iaim'));
    expect(r).toMatchObject({
      ok: false,
      code: 'KPI.MEETING_DOES_NOT_REVIEW_DROPS',
      message: expect.stringContaining('not reviewed at an Interim Academy Improvement Meeting'),
    });
  });

  it('needs a note saying what the review found', () => {
    expect(reviewDrops(points, aser, ' ', kindOf(waterton, 'aser'))).toMatchObject({ ok: false, code: 'KPI.REVIEW_NOTE_REQUIRED' });
  });

  it('finds the next planned ASER after the drop as the meeting that must investigate it', () => {
    const meetings = [
      makeMeeting({ id: 'aser-sep', kind: 'aser', date: '2026-09-08', status: 'held' }, inWaterton),
      makeMeeting({ id: 'aser-mar', kind: 'aser', date: '2027-03-16' }, inWaterton),
      aser,
      makeMeeting({ id: 'cancelled', kind: 'aser', date: '2026-12-11', status: 'cancelled' }, inWaterton),
    ];
    expect(nextReviewFor(drop, meetings, waterton)?.id).toBe('aser-dec');
    expect(nextReviewFor(later, meetings, waterton)?.id).toBe('aser-mar');
    expect(nextReviewFor(met, meetings, waterton)).toBeUndefined();
  });
});
