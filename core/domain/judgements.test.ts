import { focusCoverage, recordJudgement } from './judgements';
import { dsat, makeMeeting, okOf } from './test-factories';

const model = dsat();
const aim = makeMeeting({ kind: 'aim', date: '2026-10-13', status: 'held', focus: ['teaching-and-learning'] });

describe('recordJudgement', () => {
  it('records the evidence and indicative grade for an inspection area at an AIM', () => {
    const r = okOf(recordJudgement(aim, { area: 'teaching-and-learning', evidence: 'Consistent phonics teaching seen in all KS1 classes', indicativeGrade: 'good' }, model));
    expect(r.meeting.judgements).toEqual([{ area: 'teaching-and-learning', evidence: 'Consistent phonics teaching seen in all KS1 classes', indicativeGrade: 'good' }]);
  });

  it('replaces an earlier judgement for the same area in the same meeting', () => {
    const first = okOf(recordJudgement(aim, { area: 'achievement', evidence: 'Year 6 data', indicativeGrade: 'requires-improvement' }, model));
    const second = okOf(recordJudgement(first.meeting, { area: 'achievement', evidence: 'Year 6 data and books', indicativeGrade: 'good' }, model));
    expect(second.meeting.judgements).toEqual([{ area: 'achievement', evidence: 'Year 6 data and books', indicativeGrade: 'good' }]);
  });

  it('refuses an area that is not one of the trust’s inspection headings', () => {
    expect(recordJudgement(aim, { area: 'curriculum', evidence: 'x' }, model)).toEqual({
      ok: false,
      code: 'JUDGEMENT.UNKNOWN_AREA',
      message: '“curriculum” is not one of the trust’s inspection areas: Achievement, Teaching and learning, Behaviour and safety, Leadership and management.',
    });
  });

  it('refuses judgements at an iAIM, which DSAT does not grade', () => {
    const iaim = makeMeeting({ kind: 'iaim', date: '2026-11-25', status: 'held' });
    expect(recordJudgement(iaim, { area: 'achievement', evidence: 'x', indicativeGrade: 'good' }, model)).toMatchObject({
      ok: false,
      code: 'JUDGEMENT.NOT_AT_THIS_MEETING',
      message: 'Judgements by inspection area are not recorded at an Interim Academy Improvement Meeting.',
    });
  });

  it('needs evidence behind a judgement', () => {
    expect(recordJudgement(aim, { area: 'achievement', evidence: ' ', indicativeGrade: 'good' }, model)).toMatchObject({ ok: false, code: 'JUDGEMENT.EVIDENCE_REQUIRED' });
  });
});

describe('focusCoverage', () => {
  const meetings = [
    makeMeeting({ id: 'aim-1', kind: 'aim', date: '2026-10-13', status: 'held', focus: ['teaching-and-learning'] }),
    makeMeeting({ id: 'aim-2', kind: 'aim', date: '2027-02-09', status: 'held', focus: ['Achievement'], judgements: [{ area: 'leadership-and-management', evidence: 'SDP reviewed' }] }),
    makeMeeting({ id: 'aim-3', kind: 'aim', date: '2027-05-11', status: 'planned', focus: ['behaviour-and-safety'] }),
    makeMeeting({ id: 'cancelled', kind: 'aim', date: '2026-12-01', status: 'cancelled', focus: ['behaviour-and-safety'] }),
  ];

  it('shows which inspection areas held meetings have covered, by focus or by judgement', () => {
    const c = focusCoverage(meetings, model);
    expect(c.areas.map((a) => [a.id, a.heldIn.map((m) => m.meetingId)])).toEqual([
      ['achievement', ['aim-2']],
      ['teaching-and-learning', ['aim-1']],
      ['behaviour-and-safety', []],
      ['leadership-and-management', ['aim-2']],
    ]);
    expect(c.notYetCovered).toEqual([{ id: 'behaviour-and-safety', label: 'Behaviour and safety' }]);
    expect(c.allCovered).toBe(false);
    expect(c.areas.find((a) => a.id === 'behaviour-and-safety')?.plannedIn).toEqual([{ meetingId: 'aim-3', date: '2027-05-11' }]);
  });

  it('suggests the area looked at longest ago once every area is covered or planned', () => {
    expect(focusCoverage(meetings, model).suggestedNext.id).toBe('teaching-and-learning');
  });

  it('suggests an area never looked at first', () => {
    expect(focusCoverage([], model).suggestedNext).toEqual({ id: 'achievement', label: 'Achievement' });
  });

  it('is all covered once the summer AIM has looked at behaviour and safety', () => {
    const held = meetings.map((m) => (m.id === 'aim-3' ? { ...m, status: 'held' as const } : m));
    expect(focusCoverage(held, model).allCovered).toBe(true);
  });
});
