import { isDailySweepDue, sweepDateOf } from './daily-sweep';

const at = (iso: string) => new Date(iso);

describe('the 07:30 daily sweep across the clock changes', () => {
  it('runs at 07:30 GMT in winter (07:30 UTC), not at 07:15', () => {
    expect(isDailySweepDue(at('2026-11-23T07:15:00Z'), '07:30', '2026-11-20')).toBe(false);
    expect(isDailySweepDue(at('2026-11-23T07:30:00Z'), '07:30', '2026-11-20')).toBe(true);
  });

  it('runs at 07:30 BST in summer, which is 06:30 UTC', () => {
    expect(isDailySweepDue(at('2027-06-17T06:15:00Z'), '07:30', '2027-06-16')).toBe(false);
    expect(isDailySweepDue(at('2027-06-17T06:30:00Z'), '07:30', '2027-06-16')).toBe(true);
  });

  it('on the Sunday the clocks go forward (28 March 2027) it runs at 06:30 UTC', () => {
    expect(isDailySweepDue(at('2027-03-28T06:30:00Z'), '07:30', '2027-03-27')).toBe(true);
    expect(isDailySweepDue(at('2027-03-28T06:15:00Z'), '07:30', '2027-03-27')).toBe(false);
  });

  it('on the Sunday the clocks go back (25 October 2026) it runs at 07:30 UTC', () => {
    expect(isDailySweepDue(at('2026-10-25T06:30:00Z'), '07:30', '2026-10-24')).toBe(false);
    expect(isDailySweepDue(at('2026-10-25T07:30:00Z'), '07:30', '2026-10-24')).toBe(true);
  });

  it('runs once a day: a later tick, or a replayed timer, the same day does nothing', () => {
    const first = at('2026-11-23T07:30:00Z');
    expect(isDailySweepDue(first, '07:30', undefined)).toBe(true);
    expect(isDailySweepDue(at('2026-11-23T07:45:00Z'), '07:30', sweepDateOf(first))).toBe(false);
    expect(isDailySweepDue(at('2026-11-24T07:30:00Z'), '07:30', sweepDateOf(first))).toBe(true);
  });

  it('a tick after midnight UTC but before midnight in England belongs to the UK day', () => {
    expect(sweepDateOf(at('2027-06-17T23:30:00Z'))).toBe('2027-06-18');
    expect(sweepDateOf(at('2026-12-17T23:30:00Z'))).toBe('2026-12-17');
  });
});
