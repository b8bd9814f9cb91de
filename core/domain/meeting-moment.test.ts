import { meetingHasBegun, meetingMoment } from './meeting-moment';

describe('meetingMoment', () => {
  const aim = { date: '2027-01-20', days: 1 };

  it('is before the meeting until its day in England, on the day on it, and after from the next day', () => {
    expect(meetingMoment(aim, '2026-11-23')).toBe('before');
    expect(meetingMoment(aim, '2027-01-19')).toBe('before');
    expect(meetingMoment(aim, '2027-01-20')).toBe('on-the-day');
    expect(meetingMoment(aim, '2027-01-21')).toBe('after');
  });

  it('keeps a two-day review on the day through its second day', () => {
    const review = { date: '2027-03-01', days: 2 };
    expect(meetingMoment(review, '2027-03-02')).toBe('on-the-day');
    expect(meetingMoment(review, '2027-03-03')).toBe('after');
  });

  it('says a meeting months away has not begun, so nothing can be recorded at it yet', () => {
    expect(meetingHasBegun(aim, '2026-11-23')).toBe(false);
    expect(meetingHasBegun(aim, '2027-01-20')).toBe(true);
    expect(meetingHasBegun(aim, '2027-02-01')).toBe(true);
  });
});
