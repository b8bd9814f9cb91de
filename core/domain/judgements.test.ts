import { areaLabelOf, focusCoverage, judgementGradeLabel, recordJudgement } from './judgements';
import { preset } from './models/presets';
import { dsat, makeMeeting, okOf } from './test-factories';

const model = dsat();
const aim = makeMeeting({ kind: 'aim', date: '2026-10-13', status: 'held', focus: ['curriculum-and-teaching'] });

describe('recordJudgement', () => {
  it('records the evidence and an indicative report-card grade for an evaluation area at an AIM', () => {
    const r = okOf(
      recordJudgement(
        aim,
        {
          area: 'curriculum-and-teaching',
          evidence: 'Consistent phonics teaching seen in all KS1 classes',
          reportCardGrade: 'strong-standard',
        },
        model,
      ),
    );
    expect(r.meeting.judgements).toEqual([
      {
        area: 'curriculum-and-teaching',
        evidence: 'Consistent phonics teaching seen in all KS1 classes',
        reportCardGrade: 'strong-standard',
      },
    ]);
  });

  it('keeps the monitoring visits cited as its evidence, each once', () => {
    const r = okOf(
      recordJudgement(
        aim,
        { area: 'achievement', evidence: 'Learning walk: Year 6 books', evidenceVisitIds: ['visit-1', 'visit-1', 'visit-2'] },
        model,
      ),
    );
    expect(r.judgement).toEqual({ area: 'achievement', evidence: 'Learning walk: Year 6 books', evidenceVisitIds: ['visit-1', 'visit-2'] });
  });

  it('replaces an earlier judgement for the same area in the same meeting', () => {
    const first = okOf(recordJudgement(aim, { area: 'achievement', evidence: 'Year 6 data', reportCardGrade: 'needs-attention' }, model));
    const second = okOf(
      recordJudgement(
        first.meeting,
        { area: 'achievement', evidence: 'Year 6 data and books', reportCardGrade: 'expected-standard' },
        model,
      ),
    );
    expect(second.meeting.judgements).toEqual([
      { area: 'achievement', evidence: 'Year 6 data and books', reportCardGrade: 'expected-standard' },
    ]);
  });

  it('refuses an old single-word grade where the model judges on the report card’s scale', () => {
    expect(recordJudgement(aim, { area: 'achievement', evidence: 'Year 6 data', indicativeGrade: 'good' }, model)).toEqual({
      ok: false,
      code: 'JUDGEMENT.WRONG_SCALE',
      message:
        '“Good” is not on the trust’s scale for judgements at meetings; give one of: urgent improvement, needs attention, expected standard, strong standard, exceptional.',
    });
  });

  it('keeps the old four grades for a model that still names them', () => {
    const old = { ...model, judgementScale: 'ofsted-grades' as const };
    expect(okOf(recordJudgement(aim, { area: 'achievement', evidence: 'Year 6 data', indicativeGrade: 'good' }, old)).judgement).toEqual({
      area: 'achievement',
      evidence: 'Year 6 data',
      indicativeGrade: 'good',
    });
    expect(recordJudgement(aim, { area: 'achievement', evidence: 'Year 6 data', reportCardGrade: 'exceptional' }, old)).toMatchObject({
      ok: false,
      code: 'JUDGEMENT.WRONG_SCALE',
    });
  });

  it('refuses DSAT’s old heading for a new judgement, naming the report card’s areas', () => {
    expect(recordJudgement(aim, { area: 'teaching-and-learning', evidence: 'x' }, model)).toEqual({
      ok: false,
      code: 'JUDGEMENT.UNKNOWN_AREA',
      message:
        '“teaching-and-learning” is not one of the trust’s inspection areas: Inclusion, Curriculum and teaching, Achievement, Attendance and behaviour, Personal development and wellbeing, Leadership and governance, Early years, Sixth form.',
    });
  });

  it('refuses judgements at an iAIM, which DSAT does not grade', () => {
    const iaim = makeMeeting({ kind: 'iaim', date: '2026-11-25', status: 'held' });
    expect(recordJudgement(iaim, { area: 'achievement', evidence: 'x', reportCardGrade: 'expected-standard' }, model)).toMatchObject({
      ok: false,
      code: 'JUDGEMENT.NOT_AT_THIS_MEETING',
      message: 'Judgements by inspection area are not recorded at an Interim Academy Improvement Meeting.',
    });
  });

  it('needs evidence behind a judgement', () => {
    expect(recordJudgement(aim, { area: 'achievement', evidence: ' ', reportCardGrade: 'expected-standard' }, model)).toMatchObject({
      ok: false,
      code: 'JUDGEMENT.EVIDENCE_REQUIRED',
    });
  });
});

describe('judgements on past meetings', () => {
  it('still read DSAT’s old headings and grades by name', () => {
    expect(areaLabelOf(model, 'teaching-and-learning')).toBe('Teaching and learning');
    expect(areaLabelOf(model, 'leadership-and-governance')).toBe('Leadership and governance');
    expect(judgementGradeLabel({ indicativeGrade: 'requires-improvement' })).toBe('Requires Improvement');
    expect(judgementGradeLabel({ reportCardGrade: 'needs-attention' })).toBe('Needs attention');
    expect(judgementGradeLabel({})).toBe('no grade');
  });

  it('put WPT’s monitoring of intent, implementation and impact under curriculum and teaching', () => {
    expect(preset('wpt').inspectionAreas.find((a) => a.id === 'curriculum-and-teaching')?.description).toMatch(
      /intent, implementation and impact/,
    );
  });
});

describe('focusCoverage', () => {
  const meetings = [
    makeMeeting({ id: 'aim-1', kind: 'aim', date: '2026-10-13', status: 'held', focus: ['curriculum-and-teaching'] }),
    makeMeeting({
      id: 'aim-2',
      kind: 'aim',
      date: '2027-02-09',
      status: 'held',
      focus: ['Achievement'],
      judgements: [{ area: 'leadership-and-governance', evidence: 'SDP reviewed' }],
    }),
    makeMeeting({ id: 'aim-3', kind: 'aim', date: '2027-05-11', status: 'planned', focus: ['inclusion'] }),
    makeMeeting({ id: 'cancelled', kind: 'aim', date: '2026-12-01', status: 'cancelled', focus: ['attendance-and-behaviour'] }),
  ];
  const primary = { phase: 'primary' };

  it('shows which evaluation areas held meetings have covered, by focus or by judgement', () => {
    const c = focusCoverage(meetings, model, primary);
    expect(c.areas.map((a) => [a.id, a.heldIn.map((m) => m.meetingId)])).toEqual([
      ['inclusion', []],
      ['curriculum-and-teaching', ['aim-1']],
      ['achievement', ['aim-2']],
      ['attendance-and-behaviour', []],
      ['personal-development-and-wellbeing', []],
      ['leadership-and-governance', ['aim-2']],
      ['early-years', []],
    ]);
    expect(c.notYetCovered.map((a) => a.id)).toEqual([
      'inclusion',
      'attendance-and-behaviour',
      'personal-development-and-wellbeing',
      'early-years',
    ]);
    expect(c.allCovered).toBe(false);
    expect(c.areas.find((a) => a.id === 'inclusion')?.plannedIn).toEqual([{ meetingId: 'aim-3', date: '2027-05-11' }]);
  });

  it('leaves out the sixth form at a primary and early years at a secondary', () => {
    expect(focusCoverage([], model, primary).areas.map((a) => a.id)).not.toContain('sixth-form');
    expect(focusCoverage([], model, { phase: 'secondary' }).areas.map((a) => a.id)).not.toContain('early-years');
    expect(focusCoverage([], model, { phase: 'all-through' }).areas).toHaveLength(8);
  });

  it('suggests an area never looked at or planned first, then the one looked at longest ago', () => {
    expect(focusCoverage(meetings, model, primary).suggestedNext.id).toBe('attendance-and-behaviour');
    const covered = ['inclusion', 'attendance-and-behaviour', 'personal-development-and-wellbeing', 'early-years'].map((area, i) =>
      makeMeeting({ id: `extra-${i}`, kind: 'aim', date: `2027-0${3 + i}-10`, status: 'held', focus: [area] }),
    );
    expect(focusCoverage([...meetings, ...covered], model, primary).suggestedNext.id).toBe('curriculum-and-teaching');
  });

  it('suggests an area never looked at first', () => {
    expect(focusCoverage([], model).suggestedNext).toEqual({ id: 'inclusion', label: 'Inclusion' });
  });

  it('is all covered once every area the school has was looked at', () => {
    const rest = ['inclusion', 'attendance-and-behaviour', 'personal-development-and-wellbeing', 'early-years'].map((area, i) =>
      makeMeeting({ id: `more-${i}`, kind: 'aim', date: '2027-06-1' + i, status: 'held', focus: [area] }),
    );
    expect(focusCoverage([...meetings, ...rest], model, primary).allCovered).toBe(true);
  });
});
