import { requiredMeetings } from './cadence';
import { isWeekend, weekOf, type LocalDate } from './local-date';
import type { Meeting } from './meeting';
import { preset, presetIds } from './models/presets';
import { SchoolCalendar } from './school-year/school-calendar';
import { planYear } from './year-planner';
import { asMeetings, doubleBookings, heldDays, makeTrust, THROUGH_THE_HOLIDAYS } from './year-planner.fixtures';

const calendar = new SchoolCalendar();
const YEAR = '2026/27';

// ---- what a head of school improvement would check on a planned year ----

/** Whether a meeting sits in the early / middle / late third of its half term's school days. */
function inTimingWindow(m: Pick<Meeting, 'date' | 'halfTerm' | 'timing' | 'academicYear'>, cal: SchoolCalendar): boolean {
  const days = cal.schoolDays(m.academicYear, m.halfTerm);
  const i = days.indexOf(m.date);
  const n = days.length;
  if (m.timing === 'early') return i < Math.ceil(n / 3);
  if (m.timing === 'middle') return i >= Math.floor(n / 3) && i < Math.ceil((2 * n) / 3);
  if (m.timing === 'late') return i >= Math.floor((2 * n) / 3);
  return i >= 0;
}

/**
 * Each chair's meetings per week within each half term: the largest gap between two weeks from the
 * chair's first to last meeting there (`spread`), the largest step from one week to the next
 * (`step`), and the busiest week (`peak`).
 */
function chairLoad(meetings: readonly Pick<Meeting, 'chairId' | 'halfTerm' | 'date' | 'academicYear'>[], cal: SchoolCalendar) {
  const perWeek = new Map<string, Map<LocalDate, number>>();
  for (const m of meetings) {
    const key = `${m.chairId}|${m.academicYear}|${m.halfTerm}`;
    const w = perWeek.get(key) ?? new Map<LocalDate, number>();
    w.set(weekOf(m.date), (w.get(weekOf(m.date)) ?? 0) + 1);
    perWeek.set(key, w);
  }
  let spread = 0;
  let step = 0;
  let peak = 0;
  const worst: Record<string, number[]> = {};
  for (const [key, w] of perWeek) {
    const [, year, halfTerm] = key.split('|');
    const weeks = [...new Set(cal.schoolDays(year!, Number(halfTerm)).map(weekOf))];
    const counts = weeks.map((wk) => w.get(wk) ?? 0);
    const used = counts.map((c, i) => (c > 0 ? i : -1)).filter((i) => i >= 0);
    const between = counts.slice(used[0], used.at(-1)! + 1);
    const s = Math.max(...between) - Math.min(...between);
    const j = Math.max(0, ...counts.slice(1).map((c, i) => Math.abs(c - counts[i]!)));
    if (s > spread || j > step) worst[key] = counts;
    spread = Math.max(spread, s);
    step = Math.max(step, j);
    peak = Math.max(peak, ...counts);
  }
  return { spread, step, peak, worst };
}

const byDate = (a: { date: string; academyId: string; kind: string }, b: { date: string; academyId: string; kind: string }) =>
  a.date.localeCompare(b.date) || a.academyId.localeCompare(b.academyId) || a.kind.localeCompare(b.kind);

// ---- a realistic trust under each preset ----

describe.each(presetIds())('a 12-academy trust with 2 improvement directors and a CEO, under the %s preset', (id) => {
  const model = preset(id);
  const { academies, people } = makeTrust(model, 12, 2);
  const plan = planYear({ model, calendar, academicYear: YEAR, academies, people });
  const meetings = asMeetings(plan.create);

  it('places every meeting the model asks for, and nothing else', () => {
    expect(plan.unplaced).toEqual([]);
    expect(plan.change).toEqual([]);
    expect(plan.cancel).toEqual([]);
    const asked = academies.flatMap((a) => requiredMeetings(model, a).map((r) => `${a.id}/${r.kind}/ht${r.slot.halfTerm}`)).sort();
    expect(meetings.map((m) => `${m.academyId}/${m.kind}/ht${m.halfTerm}`).sort()).toEqual(asked);
  });

  it('holds every meeting on school days of its own half term, never on a weekend, bank holiday or in the holidays', () => {
    for (const m of meetings) {
      for (const d of heldDays(m, model, calendar)) {
        expect({ id: m.id, d, school: calendar.isSchoolDay(d) }).toEqual({ id: m.id, d, school: true });
        expect(calendar.halfTermOf(d)?.halfTerm).toBe(m.halfTerm);
      }
    }
  });

  it('keeps to each slot’s timing window (early / middle / late third of the half term) for nearly all meetings', () => {
    const inWindow = meetings.filter((m) => inTimingWindow(m, calendar)).length;
    expect(inWindow / meetings.length).toBeGreaterThanOrEqual(0.85);
  });

  it('never puts a chair in two meetings on one day (a monitoring visit the day before counts), nor an academy', () => {
    expect(doubleBookings(meetings, model, calendar)).toEqual([]);
  });

  it('spreads each chair’s meetings evenly: within a half term, weeks differ by at most 2 and no week has more than 3', () => {
    const load = chairLoad(meetings, calendar);
    expect(load.spread).toBeLessThanOrEqual(2);
    expect(load.step).toBeLessThanOrEqual(2);
    expect(load.peak).toBeLessThanOrEqual(3);
  });

  it('gives the same plan for the same trust, whatever order the academies come in', () => {
    expect(planYear({ model, calendar, academicYear: YEAR, academies, people })).toEqual(plan);
    const reversed = planYear({ model, calendar, academicYear: YEAR, academies: [...academies].reverse(), people });
    expect([...reversed.create].sort(byDate)).toEqual([...plan.create].sort(byDate));
  });

  it('sets each meeting’s papers due on a working day in term before it, and times it in UK time', () => {
    for (const m of meetings) {
      for (const p of m.papers) {
        expect(p.dueDate < m.date).toBe(true);
        expect(calendar.isTermWorkingDay(p.dueDate)).toBe(true);
      }
      expect(m.startsAt < m.endsAt).toBe(true);
    }
  });

  it('a second run over its own plan changes nothing', () => {
    const again = planYear({ model, calendar, academicYear: YEAR, academies, people, existing: meetings });
    expect({ create: again.create, change: again.change, cancel: again.cancel, unplaced: again.unplaced }).toEqual({
      create: [],
      change: [],
      cancel: [],
      unplaced: [],
    });
    expect(again.keep).toHaveLength(meetings.length);
  });
});

describe('planning a DSAT year', () => {
  const model = preset('dsat');
  const { academies, people } = makeTrust(model, 12, 2);
  const meetings = asMeetings(planYear({ model, calendar, academicYear: YEAR, academies, people }).create);

  it('the AID chairs each AIM with the head, chair of LGB, partner and governors expected; the CEO chairs the iAIMs', () => {
    const aim = meetings.find((m) => m.kind === 'aim' && m.academyId === 'a02')!;
    expect(aim.chairId).toBe('aid-2');
    expect(aim.attendees.map((a) => `${a.personId}:${a.presence}`)).toEqual([
      'aid-2:chair',
      'head-a02:expected',
      'chair-a02:expected',
      'partner-a02:expected',
      'governor-a02:expected',
    ]);
    expect(meetings.filter((m) => m.kind === 'iaim').every((m) => m.chairId === 'ceo')).toBe(true);
  });

  it('an RI school has 3 AIMs and 3 iAIMs; a Good one that asked has both; a Good one that did not has AIMs only', () => {
    const count = (academyId: string, kind: string) => meetings.filter((m) => m.academyId === academyId && m.kind === kind).length;
    expect([count('a02', 'aim'), count('a02', 'iaim')]).toEqual([3, 3]); // requires improvement
    expect([count('a03', 'aim'), count('a03', 'iaim')]).toEqual([3, 3]); // Good, asked for iAIMs
    expect([count('a01', 'aim'), count('a01', 'iaim')]).toEqual([3, 0]); // Good
  });

  it('rotates each academy’s AIM focus through different inspection areas', () => {
    const focus = meetings.filter((m) => m.academyId === 'a01' && m.kind === 'aim').map((m) => m.focus[0]);
    expect(new Set(focus).size).toBe(3);
  });

  it('never plans an AIM on the first day of a half term: there is no school day before it for the monitoring visit', () => {
    const firstDays = new Set(calendar.halfTerms(YEAR).map((h) => calendar.schoolDays(YEAR, h.halfTerm)[0]));
    expect(meetings.filter((m) => m.kind === 'aim' && firstDays.has(m.date))).toEqual([]);
  });

  it('reports a meeting it cannot chair rather than inventing a chair', () => {
    const noCeo = people.filter((p) => p.id !== 'ceo');
    const plan = planYear({ model, calendar, academicYear: YEAR, academies, people: noCeo });
    expect(plan.unplaced.length).toBe(meetings.filter((m) => m.kind === 'iaim').length);
    expect(plan.unplaced[0]!.reason).toMatch(/^No ceo to chair the iAIM at /);
  });
});

describe('planning a Waterton year', () => {
  const model = preset('waterton');
  const { academies, people } = makeTrust(model, 12, 2);
  const meetings = asMeetings(planYear({ model, calendar, academicYear: YEAR, academies, people }).create);

  it('holds every academy’s first ASER in September, where it sets the risk band and the year’s KPI targets', () => {
    const firsts = academies.map((a) => meetings.filter((m) => m.academyId === a.id).sort(byDate)[0]!);
    expect(firsts.every((m) => m.kind === 'aser' && m.date.startsWith('2026-09'))).toBe(true);
    expect(new Set(firsts.map((m) => m.purpose))).toEqual(new Set(['Risk banding, and agreement of the year’s KPI targets']));
  });

  it('gives a Stabilise academy its extended mid-year review in spring 1, on a different day from its ASER', () => {
    const stabilise = academies.find((a) => a.supportStage === 'stabilise')!;
    const spring1 = meetings.filter((m) => m.academyId === stabilise.id && m.halfTerm === 3);
    expect(spring1.map((m) => m.kind).sort()).toEqual(['aser', 'aser-extended']);
    expect(spring1[0]!.date).not.toBe(spring1[1]!.date);
  });
});

describe('a 60-academy trust with 5 improvement directors', () => {
  it.each(['dsat', 'waterton', 'wpt', 'kga'])(
    'under %s: every meeting is placed, with no double bookings and no week more than 2 up on the last',
    (id) => {
      const model = preset(id);
      const { academies, people } = makeTrust(model, 60, 5);
      const plan = planYear({ model, calendar, academicYear: YEAR, academies, people });
      expect(plan.unplaced).toEqual([]);
      expect(plan.create).toHaveLength(academies.flatMap((a) => requiredMeetings(model, a)).length);
      const meetings = asMeetings(plan.create);
      expect(doubleBookings(meetings, model, calendar)).toEqual([]);
      expect(
        meetings.every((m) =>
          heldDays(m, model, calendar).every((d) => calendar.isSchoolDay(d) && calendar.halfTermOf(d)?.halfTerm === m.halfTerm),
        ),
      ).toBe(true);
      expect(chairLoad(meetings, calendar).step).toBeLessThanOrEqual(2);
    },
  );

  it('under Schoolsworks: the CEO chairs a whole-day end-of-year review per school, one a day, so summer 2 holds 33 of the 60; the rest are reported', () => {
    const model = preset('schoolsworks');
    const { academies, people } = makeTrust(model, 60, 5);
    const plan = planYear({ model, calendar, academicYear: YEAR, academies, people });
    const summer2 = calendar.schoolDays(YEAR, 6).length;
    expect(summer2).toBe(33);
    expect(plan.create.filter((m) => m.kind === 'end-of-year-review')).toHaveLength(summer2);
    expect(plan.unplaced).toHaveLength(60 - summer2);
    expect(new Set(plan.unplaced.map((u) => `${u.kind}: ${u.reason}`))).toEqual(
      new Set([
        'end-of-year-review: No school day in half term 6 when the chair and the academy are both free. Of its 33 weekdays, Chris Seaton (the chair) is booked on 33.',
      ]),
    );
    // Each of the 33 days tried names the review that holds the CEO there.
    expect(plan.unplaced[0]!.tried).toHaveLength(33);
    expect(
      plan.unplaced[0]!.tried.every((d) => d.blockedBy === 'chair-busy' && /^Chris Seaton has the End of year at /.test(d.detail)),
    ).toBe(true);
    expect(doubleBookings(asMeetings(plan.create), model, calendar)).toEqual([]);
  });
});

// ---- bank holidays in a trust's own term time ----

describe('bank holidays that a trust’s own term dates put in term time', () => {
  const throughTheHolidays = THROUGH_THE_HOLIDAYS;
  const model = preset('waterton');
  const { academies, people } = makeTrust(model, 60, 5);
  const heldOn = (cal: SchoolCalendar) =>
    new Set(
      asMeetings(planYear({ model, calendar: cal, academicYear: '2025/26', academies, people }).create).flatMap((m) =>
        heldDays(m, model, cal),
      ),
    );

  it('no meeting lands on Easter Monday (6 April 2026), Good Friday or the late May bank holiday (25 May 2026), nor a weekend', () => {
    const own = new SchoolCalendar({ termDates: [throughTheHolidays] });
    const days = heldOn(own);
    expect(days.has('2026-04-06')).toBe(false);
    expect(days.has('2026-04-03')).toBe(false);
    expect(days.has('2026-05-25')).toBe(false);
    expect([...days].filter(isWeekend)).toEqual([]);
    expect([...days].filter((d) => !own.halfTermOf(d))).toEqual([]);
    // The rest of both weeks is busy: the planner wanted those days.
    expect(['2026-04-07', '2026-04-08', '2026-04-09', '2026-05-26', '2026-05-27', '2026-05-28'].filter((d) => !days.has(d))).toEqual([]);
  });

  it('the same trust with no bank holidays known would use both days: the rule is what keeps them free', () => {
    const days = heldOn(new SchoolCalendar({ termDates: [throughTheHolidays], bankHolidays: [] }));
    expect(days.has('2026-04-06')).toBe(true);
    expect(days.has('2026-05-25')).toBe(true);
  });

  it('nor on a trust’s INSET day', () => {
    const withInset = new SchoolCalendar({ termDates: [throughTheHolidays], closures: ['2026-05-26', '2026-04-07'] });
    const days = heldOn(withInset);
    expect(days.has('2026-05-26')).toBe(false);
    expect(days.has('2026-04-07')).toBe(false);
  });
});
