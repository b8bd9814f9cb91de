import { requiredMeetings } from './cadence';
import type { Meeting } from './meeting';
import { rescheduled } from './meeting-schedule';
import { preset } from './models/presets';
import { SchoolCalendar } from './school-year/school-calendar';
import { planYear } from './year-planner';
import { applyPlan, asMeetings, doubleBookings, heldDays, makeTrust } from './year-planner.fixtures';

/**
 * The planner on the seeds' own shapes (issue 16): a DSAT trust of 13 academies with one
 * improvement director, a Waterton trust of 14 with one SSIO, and what it says when a half term
 * truly has no room.
 */

const calendar = new SchoolCalendar();
const YEAR = '2026/27';
const SEPTEMBER_PURPOSE = 'Risk banding, and agreement of the year’s KPI targets';

describe('DSAT: 13 academies and one improvement director', () => {
  const model = preset('dsat');
  const { academies, people } = makeTrust(model, 13, 1);
  const plan = planYear({ model, calendar, academicYear: YEAR, academies, people });
  const meetings = asMeetings(plan.create);

  it('places every AIM and iAIM, the Inadequate school’s spring AIM included', () => {
    expect(plan.unplaced).toEqual([]);
    const asked = academies.flatMap((a) => requiredMeetings(model, a));
    expect(meetings).toHaveLength(asked.length);
    expect(meetings.filter((m) => m.kind === 'aim')).toHaveLength(13 * 3);
    const inadequate = academies.find((a) => a.ofstedGrade === 'inadequate')!;
    expect(
      meetings
        .filter((m) => m.academyId === inadequate.id)
        .map((m) => `${m.kind}/ht${m.halfTerm}`)
        .sort(),
    ).toEqual(['aim/ht1', 'aim/ht3', 'aim/ht5', 'iaim/ht2', 'iaim/ht4', 'iaim/ht6']);
  });

  it('holds each AIM on a school day after its monitoring visit day, and the director is never in two places', () => {
    expect(doubleBookings(meetings, model, calendar)).toEqual([]);
    for (const m of meetings.filter((x) => x.kind === 'aim')) {
      const [visit, day] = heldDays(m, model, calendar);
      expect({ id: m.id, visit: visit && calendar.isSchoolDay(visit), day: calendar.isSchoolDay(day!) }).toEqual({
        id: m.id,
        visit: true,
        day: true,
      });
    }
  });

  it('fits 15 spring AIMs with their visits into spring 1’s 30 school days exactly, one pair of days each', () => {
    const fifteen = makeTrust(model, 15, 1);
    const full = planYear({ model, calendar, academicYear: YEAR, academies: fifteen.academies, people: fifteen.people });
    expect(full.unplaced).toEqual([]);
    const spring1 = asMeetings(full.create).filter((m) => m.kind === 'aim' && m.halfTerm === 3);
    expect(new Set(spring1.flatMap((m) => heldDays(m, model, calendar))).size).toBe(calendar.schoolDays(YEAR, 3).length);
  });
});

describe('when a half term truly has no room', () => {
  const model = preset('dsat');
  const { academies, people } = makeTrust(model, 16, 1);
  const plan = planYear({ model, calendar, academicYear: YEAR, academies, people });
  const [left, ...others] = plan.unplaced;

  it('reports the one spring AIM beyond the director’s 30 days, with the reason in a sentence', () => {
    expect(others).toEqual([]);
    expect(left).toMatchObject({ kind: 'aim', halfTerm: 3, chairId: 'aid-1' });
    expect(left!.reason).toBe(
      'No school day in half term 3 when the chair and the academy are both free. Of its 30 weekdays, Improvement Director 1 (the chair) is booked on 29 and 1 opens the half term, with no school day before it for the monitoring visit.',
    );
  });

  it('lists every weekday tried, and who or what blocked each', () => {
    const days = calendar.schoolDays(YEAR, 3);
    expect(left!.tried.map((d) => d.date)).toEqual(days);
    expect(left!.tried[0]).toEqual({
      date: '2027-01-04',
      blockedBy: 'no-visit-day',
      detail: 'the first school day of the half term: no school day before it for the monitoring visit',
    });
    for (const d of left!.tried.slice(1)) {
      expect(d.blockedBy).toBe('chair-busy');
      expect(d.detail).toMatch(
        /^Improvement Director 1 has (the AIM at .+|the monitoring visit before the AIM at .+ on \w+ \d+ \w+ 2027)( on \w+ \d+ \w+ 2027)?$/,
      );
    }
  });

  it('names a closure and the academy it closes', () => {
    const target = academies.find((a) => a.id === left!.academyId)!;
    const spring1 = calendar.schoolDays(YEAR, 3);
    const closed = new SchoolCalendar({
      closures: [{ date: spring1[0]!, endDate: spring1.at(-1)!, academyId: target.id, reason: 'Building works' }],
    });
    const r = planYear({ model, calendar: closed, academicYear: YEAR, academies: [target], people });
    const aim = r.unplaced.find((u) => u.kind === 'aim')!;
    expect(new Set(aim.tried.map((d) => `${d.blockedBy}: ${d.detail}`))).toEqual(
      new Set([`closure: ${target.name} is closed: Building works`]),
    );
    expect(aim.reason).toMatch(/Of its 30 weekdays, 30 are closures\.$/);
  });
});

describe('Waterton: 14 academies and one SSIO', () => {
  const model = preset('waterton');
  const { academies, people } = makeTrust(model, 14, 1);
  const plan = planYear({ model, calendar, academicYear: YEAR, academies, people });
  const meetings = asMeetings(plan.create);
  const riskBanding = meetings.filter((m) => m.purpose === SEPTEMBER_PURPOSE);

  it('holds every risk-banding ASER in September', () => {
    expect(plan.unplaced).toEqual([]);
    expect(riskBanding).toHaveLength(14);
    expect(riskBanding.filter((m) => !m.date.startsWith('2026-09')).map((m) => `${m.academyId} ${m.date}`)).toEqual([]);
    expect(doubleBookings(meetings, model, calendar)).toEqual([]);
  });

  it('keeps as many as September holds in September when there are more than its 21 school days, and the rest as early in October as it can', () => {
    const big = makeTrust(model, 25, 1);
    const september = asMeetings(
      planYear({ model, calendar, academicYear: YEAR, academies: big.academies, people: big.people }).create,
    ).filter((m) => m.purpose === SEPTEMBER_PURPOSE);
    const inSeptember = calendar.schoolDays(YEAR, 1).filter((d) => d.startsWith('2026-09'));
    expect(inSeptember).toHaveLength(21);
    expect(september.filter((m) => m.date.startsWith('2026-09'))).toHaveLength(21);
    expect(september.filter((m) => !m.date.startsWith('2026-09')).every((m) => m.date.startsWith('2026-10'))).toBe(true);
  });

  it('on re-planning, brings a risk-banding ASER planned in October back into September, and moves nothing else', () => {
    const victim = riskBanding[0]!;
    const kind = model.meetingKinds.find((k) => k.id === 'aser')!;
    const october = calendar.schoolDays(YEAR, 1).find((d) => d.startsWith('2026-10') && !meetings.some((m) => m.date === d))!;
    const existing = meetings.map((m) => (m.id === victim.id ? rescheduled(m, [october], kind, calendar) : m));
    const r = planYear({ model, calendar, academicYear: YEAR, academies, people, existing, today: '2026-08-20' });
    expect(r.change.map((c) => c.before.id)).toEqual([victim.id]);
    expect(r.change[0]!.after.date.startsWith('2026-09')).toBe(true);
    expect(r.create).toEqual([]);
  });
});

describe('making room by shifting the chair’s other meetings', () => {
  const model = preset('dsat');
  const { academies, people } = makeTrust(model, 15, 1);
  const kind = model.meetingKinds.find((k) => k.id === 'aim')!;
  const spring1 = calendar.schoolDays(YEAR, 3);
  // Fourteen schools' spring AIMs already planned with a free day at the start and another in the middle:
  // 28 of the 30 days are taken, and no two free days sit together.
  const first = asMeetings(planYear({ model, calendar, academicYear: YEAR, academies: academies.slice(0, 14), people }).create);
  const aimDays = [...[2, 4, 6, 8, 10, 12, 14], ...[17, 19, 21, 23, 25, 27, 29]].map((i) => spring1[i]!);
  let n = 0;
  const existing: Meeting[] = first.map((m) =>
    m.kind === 'aim' && m.halfTerm === 3 ? rescheduled(m, [aimDays[n++]!], kind, calendar) : m,
  );

  it('a 15th school joining still gets its spring AIM: the director’s AIMs on one side slide along a day, and nothing else moves', () => {
    expect(doubleBookings(existing, model, calendar)).toEqual([]);
    const r = planYear({ model, calendar, academicYear: YEAR, academies, people, existing, today: '2026-08-20' });
    expect(r.unplaced).toEqual([]);
    expect(
      r.create
        .filter((m) => m.academyId === 'a15')
        .map((m) => `${m.kind}/ht${m.halfTerm}`)
        .sort(),
    ).toEqual(['aim/ht1', 'aim/ht3', 'aim/ht5']);
    expect(r.change.every((c) => c.before.kind === 'aim' && c.before.halfTerm === 3)).toBe(true);
    expect(r.change.length).toBeLessThanOrEqual(7);
    expect(doubleBookings(applyPlan(existing, r), model, calendar)).toEqual([]);
  });

  it('never moves a held or pinned meeting to make room', () => {
    const pinned = existing.map((m) => (m.kind === 'aim' && m.halfTerm === 3 ? { ...m, pinned: true } : m));
    const r = planYear({ model, calendar, academicYear: YEAR, academies, people, existing: pinned, today: '2026-08-20' });
    expect(r.change).toEqual([]);
    expect(r.unplaced.map((u) => `${u.academyId}/${u.kind}/ht${u.halfTerm}`)).toEqual(['a15/aim/ht3']);
  });
});

describe('an academy’s own INSET day', () => {
  const model = preset('dsat');
  const { academies, people } = makeTrust(model, 12, 2);
  const meetings = asMeetings(planYear({ model, calendar, academicYear: YEAR, academies, people }).create);
  const victim = meetings.find((m) => m.kind === 'iaim' && m.halfTerm === 4)!;
  const sameDay = meetings.filter((m) => m.date === victim.date && m.id !== victim.id);

  it('moves only that academy’s meeting, even when others are on the same day', () => {
    const own = new SchoolCalendar({ closures: [{ date: victim.date, academyId: victim.academyId, reason: 'INSET day' }] });
    expect(own.isSchoolDayAt(victim.academyId, victim.date)).toBe(false);
    const r = planYear({ model, calendar: own, academicYear: YEAR, academies, people, existing: meetings, today: '2026-08-20' });
    expect(r.change.map((c) => c.before.id)).toEqual([victim.id]);
    expect(r.change[0]!.after.date).not.toBe(victim.date);
    expect(r.change[0]!.after.halfTerm).toBe(victim.halfTerm);
    expect(r.keep).toEqual(expect.arrayContaining(sameDay));
  });

  it('keeps a monitoring visit off the academy’s INSET day: the visit is the school day before, with the director free', () => {
    const aim = meetings.find((m) => m.kind === 'aim' && m.halfTerm === 3)!;
    const visit = calendar.previousSchoolDay(aim.date)!;
    const own = new SchoolCalendar({ closures: [{ date: visit, academyId: aim.academyId, reason: 'INSET day' }] });
    const r = planYear({ model, calendar: own, academicYear: YEAR, academies, people, existing: meetings, today: '2026-08-20' });
    const after = applyPlan(meetings, r).find((m) => m.id === aim.id)!;
    const held = heldDays(after, model, own.forAcademy(aim.academyId));
    expect(held).not.toContain(visit);
    const othersOfDirector = applyPlan(meetings, r).filter((m) => m.chairId === aim.chairId && m.id !== aim.id);
    expect(othersOfDirector.flatMap((m) => heldDays(m, model, own)).filter((d) => held.includes(d))).toEqual([]);
    expect(r.change.every((c) => c.before.id === aim.id)).toBe(true);
  });
});
