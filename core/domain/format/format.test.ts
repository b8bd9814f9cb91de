import { ConflictError, NotFoundError, ValidationError } from '../errors';
import {
  actionStatusLabel,
  fieldWords,
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatLongDate,
  formatLongDateTime,
  formatTime,
  londonWallClock,
  meetingName,
  problemsSentence,
  riskBandLabel,
  words,
} from './index';

describe('the product’s one date style (en-GB, England’s time)', () => {
  it('writes a day short where space is short and in full where there is room', () => {
    expect(formatDate('2027-01-22')).toBe('Fri 22 Jan 2027');
    expect(formatLongDate('2027-01-20')).toBe('Wednesday 20 January 2027');
    expect(formatDayMonth('2026-11-03')).toBe('3 Nov');
  });

  it('tells the time in England across the clock change: GMT in winter, BST in summer', () => {
    expect(formatTime('2027-01-20T09:30:00Z')).toBe('09:30');
    expect(formatTime('2027-06-09T08:30:00Z')).toBe('09:30');
    expect(formatDateTime('2027-06-09T08:30:00Z')).toBe('Wed 9 Jun 2027, 09:30');
    expect(formatLongDateTime('2027-01-20T09:30:00Z')).toBe('Wednesday 20 January 2027 at 09:30');
  });

  it('puts an instant late on a summer evening on its day in England, not in UTC', () => {
    expect(londonWallClock('2027-06-09T23:30:00Z')).toEqual({ date: '2027-06-10', time: '00:30' });
  });
});

describe('names and labels in words', () => {
  it('names a meeting by its kind, academy and day', () => {
    expect(meetingName({ kind: 'AIM', academyName: 'Oakfield Primary', date: '2027-01-20' })).toBe(
      'the AIM at Oakfield Primary on Wed 20 Jan 2027',
    );
    expect(meetingName({ kind: 'AIM', academyName: 'Oakfield Primary', date: '2027-01-20' }, { long: true })).toBe(
      'the AIM at Oakfield Primary on Wednesday 20 January 2027',
    );
  });

  it('gives statuses and bands their labels, and any other value as its words', () => {
    expect(actionStatusLabel('in-progress')).toBe('In progress');
    expect(actionStatusLabel('open')).toBe('Open');
    expect(riskBandLabel('medium')).toBe('Medium');
    expect(riskBandLabel(undefined)).toBe('');
    expect(words('not-yet-evident')).toBe('Not yet evident');
  });

  it('reads a field’s key path as words when its schema gives no title', () => {
    expect(fieldWords('dueDate')).toBe('Due date');
    expect(fieldWords('ownerId')).toBe('Owner');
    expect(fieldWords('meetingKinds.0.papers.1.leadDays')).toBe('Meeting kinds 1, Papers 2: Lead days');
    expect(problemsSentence([{ field: 'dueDate', message: 'the due date has already passed' }])).toBe(
      'Due date: the due date has already passed',
    );
  });
});

describe('errors name things as people know them', () => {
  it('labels every problem of a bad input, by the schema’s title or the key’s words', () => {
    const e = new ValidationError(
      [
        { field: 'dueDate', message: 'the due date has already passed' },
        { field: 'ownerId', label: 'Owner', message: 'cannot see this academy' },
      ],
      'action',
    );
    expect(e.message).toBe('Invalid action: Due date: the due date has already passed; Owner: cannot see this academy');
    expect(e.problems.map((p) => p.label)).toEqual(['Due date', 'Owner']);
  });

  it('says which record changed by its name, and never by its id', () => {
    const id = '9fae950b-2c4d-4e6f-8a1b-3c5d7e9f0a12';
    expect(new ConflictError('meeting', id).message).toMatch(/^This meeting was changed by someone else/);
    expect(new ConflictError('meeting', id).withDescription('the AIM at Oakfield Primary on Wed 20 Jan 2027').message).toMatch(
      /^The AIM at Oakfield Primary on Wed 20 Jan 2027 was changed by someone else/,
    );
    expect(new NotFoundError('meeting', id).message).not.toContain(id);
  });
});
