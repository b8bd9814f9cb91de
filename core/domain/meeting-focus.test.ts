import { academyCoverage, agreeFocus, focusAreasFor } from './meeting-focus';
import { preset } from './models/presets';
import { calendar, makeAcademy, makeMeeting, makePeople, makePerson, okOf } from './test-factories';
import { planYear } from './year-planner';

const dsat = preset('dsat');
const people = makePeople();
const ids = (areas: { id: string }[]) => areas.map((a) => a.id);

describe('the areas a school is looked at under', () => {
  it('has no sixth form at a primary and no early years at a secondary; an all-through school has both', () => {
    expect(ids(focusAreasFor(dsat, 'primary'))).not.toContain('sixth-form');
    expect(ids(focusAreasFor(dsat, 'primary'))).toContain('early-years');
    expect(ids(focusAreasFor(dsat, 'secondary'))).not.toContain('early-years');
    expect(ids(focusAreasFor(dsat, 'secondary'))).toContain('sixth-form');
    expect(ids(focusAreasFor(dsat, 'all-through'))).toEqual(ids(dsat.inspectionAreas));
  });
});

describe('the planner’s focus rotation', () => {
  it('never gives a secondary early years or a primary a sixth form, over many years', () => {
    for (const phase of ['primary', 'secondary'] as const) {
      const absent = phase === 'primary' ? 'sixth-form' : 'early-years';
      const academy = makeAcademy({ phase, ofstedGrade: 'requires-improvement' });
      // Three years of three AIMs: nine turns of the rotation, more than the eight areas of the report card.
      const focuses = ['2025/26', '2026/27', '2027/28'].flatMap((academicYear) =>
        planYear({ model: dsat, calendar, academicYear, academies: [academy], people }).create.flatMap((m) => m.focus),
      );
      expect(new Set(focuses).size).toBe(7);
      expect(focuses).not.toContain(absent);
    }
  });
});

describe('agreeFocus', () => {
  const academy = makeAcademy();
  const aim = makeMeeting({ kind: 'aim', date: '2027-01-20', chairId: 'aid' }, { model: dsat, people, academy });
  const ctx = (by: ReturnType<typeof makePerson>) => ({
    model: dsat,
    academy,
    kindName: 'AIM',
    rotatesFocus: true,
    by,
    headId: 'head',
    at: '2026-11-23T10:00:00.000Z',
  });
  const chair = people.find((p) => p.id === 'aid')!;

  it('the chair agrees it with the head: the focus, who agreed it, with which head, and when', () => {
    const out = okOf(agreeFocus(aim, ['inclusion', 'early-years'], ctx(chair)));
    // In the model's order, whatever order they were ticked in.
    expect(out.meeting.focus).toEqual(['inclusion', 'early-years']);
    expect(out.meeting.focusAgreed).toEqual({ by: 'aid', withHeadId: 'head', at: '2026-11-23T10:00:00.000Z' });
  });

  it('refuses a governor, an area the school does not have, and a meeting already held', () => {
    const governor = people.find((p) => p.id === 'governor')!;
    expect(agreeFocus(aim, ['inclusion'], ctx(governor))).toMatchObject({ ok: false, code: 'FOCUS.NOT_CHAIR_OR_HEAD' });
    const noSixth = agreeFocus(aim, ['sixth-form'], ctx(chair));
    expect(noSixth).toMatchObject({ ok: false, code: 'FOCUS.NOT_AT_THIS_SCHOOL' });
    expect(!noSixth.ok && noSixth.message).toMatch(/^Oakfield Primary Academy is not looked at under Sixth form: choose from Inclusion, /);
    expect(agreeFocus({ ...aim, status: 'held' }, ['inclusion'], ctx(chair))).toMatchObject({ ok: false, code: 'FOCUS.MEETING_CLOSED' });
  });
});

describe('academyCoverage', () => {
  const academy = makeAcademy({ phase: 'secondary' });
  const m = (id: string, focus: string[], status: 'held' | 'planned', date: string) =>
    makeMeeting({ id, kind: 'aim', focus, status, date, chairId: 'aid' }, { model: dsat, people, academy });

  it('counts held and planned meetings per area and warns, by name, of those the plan leaves uncovered', () => {
    const cover = academyCoverage(
      academy,
      [m('a', ['inclusion'], 'held', '2026-10-07'), m('b', ['achievement'], 'planned', '2027-01-20')],
      dsat,
    );
    expect(cover.areas.find((a) => a.id === 'inclusion')).toMatchObject({ held: 1, planned: 0 });
    expect(cover.areas.find((a) => a.id === 'achievement')).toMatchObject({ held: 0, planned: 1 });
    expect(ids(cover.areas)).not.toContain('early-years');
    expect(ids(cover.uncovered)).toEqual([
      'curriculum-and-teaching',
      'attendance-and-behaviour',
      'personal-development-and-wellbeing',
      'leadership-and-governance',
      'sixth-form',
    ]);
    expect(cover.warning).toBe(
      'The plan leaves Curriculum and teaching, Attendance and behaviour, Personal development and wellbeing, Leadership and governance and Sixth form uncovered at Oakfield Primary Academy',
    );
  });

  it('gives no warning when every area is covered', () => {
    const all = ids(dsat.inspectionAreas).filter((a) => a !== 'early-years');
    expect(academyCoverage(academy, [m('a', all, 'planned', '2027-01-20')], dsat).warning).toBeUndefined();
  });
});
