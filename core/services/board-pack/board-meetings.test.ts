import { preset } from '../../domain/models/presets';
import { boardMeetingKinds, isPackDue, nextBoardMeeting } from './board-meetings';

const planned = (id: string, kind: string, date: string) => ({ id, kind, date, status: 'planned' as const });

describe('the board meetings a pack goes to', () => {
  it('are the trust meetings named for the Board: Waterton’s report to the Trust Board, not its SI committee, and none in DSAT’s model', () => {
    expect(boardMeetingKinds(preset('waterton')).map((k) => k.id)).toEqual(['board-si-report']);
    expect(boardMeetingKinds(preset('dsat'))).toEqual([]);
  });

  it('picks the next planned one, with the lead days the model gives its papers', () => {
    const meetings = [
      planned('committee', 'si-committee', '2026-12-01'),
      planned('board-spring', 'board-si-report', '2027-03-25'),
      planned('board-autumn', 'board-si-report', '2026-12-10'),
      { ...planned('board-cancelled', 'board-si-report', '2026-12-03'), status: 'cancelled' as const },
      planned('board-last-year', 'board-si-report', '2026-07-15'),
    ];
    expect(nextBoardMeeting(preset('waterton'), meetings, '2026-11-23')).toEqual({
      meetingId: 'board-autumn',
      date: '2026-12-10',
      name: 'School improvement report to the Trust Board',
      leadDays: 7,
    });
  });

  it('is due from its lead days before the meeting until the day it meets', () => {
    const board = { meetingId: 'b', date: '2026-12-10', name: 'Board', leadDays: 7 };
    expect(['2026-12-02', '2026-12-03', '2026-12-10', '2026-12-11'].map((d) => isPackDue(board, d))).toEqual([false, true, true, false]);
  });
});
