import type { Academy } from './academy';
import { requiredMeetings } from './cadence';
import { addDays, isWeekend, weekOf, type LocalDate } from './local-date';
import type { Meeting, MeetingDraft } from './meeting';
import { moveMeeting } from './meeting-moves';
import type { ImprovementModel } from './models/improvement-model.schema';
import { preset, presetIds } from './models/presets';
import { SchoolCalendar, type AcademicYearDates } from './school-year/school-calendar';
import { planYear, type PlanResult } from './year-planner';
import { applyPlan, holdUntil, makeTrust } from './year-planner.fixtures';

const calendar = new SchoolCalendar();
const YEAR = '2026/27';

// ---- what a head of school improvement would check on a planned year ----

/** The days a meeting holds its chair and academy, worked out afresh: its own school days and a monitoring visit the school day before. */
function heldDays(m: Pick<Meeting, 'date' | 'days' | 'kind'>, model: ImprovementModel, cal: SchoolCalendar): LocalDate[] {
  const own = [m.date];
  for (let d = addDays(m.date, 1); own.length < m.days; d = addDays(d, 1)) if (cal.isSchoolDay(d)) own.push(d);
  const visit = model.meetingKinds.find((k) => k.id === m.kind)!.monitoringVisitDayBefore ? cal.previousSchoolDay(m.date) : undefined;
  return visit ? [visit, ...own] : own;
}

/** "aid-1 on 2026-10-13" for every person or academy booked twice on one day. */
function doubleBookings(meetings: readonly Pick<Meeting, 'date' | 'days' | 'kind' | 'chairId' | 'academyId' | 'status'>[], model: ImprovementModel, cal: SchoolCalendar): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of meetings.filter((x) => x.status !== 'cancelled')) {
    for (const d of heldDays(m, model, cal)) {
      for (const who of [m.chairId, `academy ${m.academyId}`]) {
        const key = `${who} on ${d}`;
        if (seen.has(key)) out.push(key);
        seen.add(key);
      }
    }
  }
  return out;
}

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

const asMeetings = (drafts: readonly MeetingDraft[]): Meeting[] => drafts.map(({ key, ...d }) => ({ ...d, id: key }));
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
    expect({ create: again.create, change: again.change, cancel: again.cancel, unplaced: again.unplaced }).toEqual({ create: [], change: [], cancel: [], unplaced: [] });
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
    expect(aim.attendees.map((a) => `${a.personId}:${a.presence}`)).toEqual(['aid-2:chair', 'head-a02:expected', 'chair-a02:expected', 'partner-a02:expected', 'governor-a02:expected']);
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
  it.each(['dsat', 'waterton', 'wpt', 'kga'])('under %s: every meeting is placed, with no double bookings and no week more than 2 up on the last', (id) => {
    const model = preset(id);
    const { academies, people } = makeTrust(model, 60, 5);
    const plan = planYear({ model, calendar, academicYear: YEAR, academies, people });
    expect(plan.unplaced).toEqual([]);
    expect(plan.create).toHaveLength(academies.flatMap((a) => requiredMeetings(model, a)).length);
    const meetings = asMeetings(plan.create);
    expect(doubleBookings(meetings, model, calendar)).toEqual([]);
    expect(meetings.every((m) => heldDays(m, model, calendar).every((d) => calendar.isSchoolDay(d) && calendar.halfTermOf(d)?.halfTerm === m.halfTerm))).toBe(true);
    expect(chairLoad(meetings, calendar).step).toBeLessThanOrEqual(2);
  });

  it('under Schoolsworks: the CEO chairs a whole-day end-of-year review per school, one a day, so summer 2 holds 33 of the 60; the rest are reported', () => {
    const model = preset('schoolsworks');
    const { academies, people } = makeTrust(model, 60, 5);
    const plan = planYear({ model, calendar, academicYear: YEAR, academies, people });
    const summer2 = calendar.schoolDays(YEAR, 6).length;
    expect(summer2).toBe(33);
    expect(plan.create.filter((m) => m.kind === 'end-of-year-review')).toHaveLength(summer2);
    expect(plan.unplaced).toHaveLength(60 - summer2);
    expect(new Set(plan.unplaced.map((u) => `${u.kind}: ${u.reason}`))).toEqual(new Set(['end-of-year-review: No school day in half term 6 when the chair and the academy are both free']));
    expect(doubleBookings(asMeetings(plan.create), model, calendar)).toEqual([]);
  });
});

// ---- bank holidays in a trust's own term time ----

describe('bank holidays that a trust’s own term dates put in term time', () => {
  /** Spring 2 runs on through Easter (Good Friday 3 and Easter Monday 6 April 2026 in term) and summer 1 to the end of May (25 May in term). */
  const throughTheHolidays: AcademicYearDates = {
    academicYear: '2025/26',
    halfTerms: [
      { halfTerm: 1, term: 'autumn', start: '2025-09-03', end: '2025-10-24' },
      { halfTerm: 2, term: 'autumn', start: '2025-11-03', end: '2025-12-19' },
      { halfTerm: 3, term: 'spring', start: '2026-01-05', end: '2026-02-13' },
      { halfTerm: 4, term: 'spring', start: '2026-02-23', end: '2026-04-10' },
      { halfTerm: 5, term: 'summer', start: '2026-04-20', end: '2026-05-29' },
      { halfTerm: 6, term: 'summer', start: '2026-06-08', end: '2026-07-22' },
    ],
  };
  const model = preset('waterton');
  const { academies, people } = makeTrust(model, 60, 5);
  const heldOn = (cal: SchoolCalendar) => new Set(asMeetings(planYear({ model, calendar: cal, academicYear: '2025/26', academies, people }).create).flatMap((m) => heldDays(m, model, cal)));

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

// ---- re-planning ----

describe('re-planning a Waterton year part-way through', () => {
  const model = preset('waterton');
  const { academies, people } = makeTrust(model, 12, 2);
  const first = planYear({ model, calendar, academicYear: YEAR, academies, people });
  const TODAY = '2027-01-13'; // spring 1, before its ASERs
  const store = holdUntil(asMeetings(first.create), TODAY);
  const plan = (over: { academies?: Academy[]; existing?: Meeting[]; today?: LocalDate; cal?: SchoolCalendar } = {}): PlanResult =>
    planYear({ model, calendar: over.cal ?? calendar, academicYear: YEAR, academies: over.academies ?? academies, people, existing: over.existing ?? store, today: over.today ?? TODAY });
  const withStage = (academyId: string, supportStage: string) => academies.map((a) => (a.id === academyId ? { ...a, supportStage } : a));
  const standard = academies.find((a) => a.supportStage === 'standard' && !a.sponsored && !a.inOfstedWindow)!;
  const closer = academies.find((a) => a.supportStage === 'closer-support' && !a.sponsored && !a.inOfstedWindow)!;

  it('changes nothing when nothing has changed: held and past meetings are kept exactly as they are', () => {
    const r = plan();
    expect({ create: r.create, change: r.change, cancel: r.cancel, unplaced: r.unplaced }).toEqual({ create: [], change: [], cancel: [], unplaced: [] });
    const kept = new Set(r.keep);
    expect(store.filter((m) => m.date <= TODAY).every((m) => kept.has(m))).toBe(true);
  });

  it('keeps a past meeting nobody marked as held', () => {
    const notMarked = store.map((m) => (m.date === store.find((x) => x.status === 'held')!.date ? { ...m, status: 'planned' as const } : m));
    const r = plan({ existing: notMarked });
    expect([r.create, r.change, r.cancel]).toEqual([[], [], []]);
  });

  it('raising an academy to Stabilise mid-year adds only its missing meetings after today, and moves none', () => {
    const r = plan({ academies: withStage(standard.id, 'stabilise') });
    expect(r.change).toEqual([]);
    expect(r.cancel).toEqual([]);
    expect(r.unplaced).toEqual([]);
    expect(r.create.map((m) => `${m.academyId}/${m.kind}/ht${m.halfTerm}`)).toEqual([`${standard.id}/aser/ht3`, `${standard.id}/aser-extended/ht3`, `${standard.id}/aser/ht5`]);
    expect(r.create.every((m) => m.date > TODAY)).toBe(true);
    // Its existing ASERs in half terms 4 and 6 stay on their dates.
    const before = store.filter((m) => m.academyId === standard.id).map((m) => m.date);
    expect(r.keep.filter((m) => m.academyId === standard.id).map((m) => m.date)).toEqual(before);
    const after = applyPlan(store, r);
    expect(doubleBookings(after, model, calendar)).toEqual([]);
  });

  it('raising a stage after a half term has passed reports that half term’s meeting rather than placing it late', () => {
    const r = plan({ academies: withStage(standard.id, 'stabilise'), today: '2027-02-15', existing: holdUntil(store, '2027-02-15') });
    expect(r.unplaced).toEqual([
      { academyId: standard.id, kind: 'aser', halfTerm: 3, reason: 'Half term 3 has already passed' },
      { academyId: standard.id, kind: 'aser-extended', halfTerm: 3, reason: 'Half term 3 has already passed' },
    ]);
    expect(r.create.map((m) => `${m.kind}/ht${m.halfTerm}`)).toEqual(['aser/ht5']);
  });

  it('a stage going down cancels only the future meetings it no longer needs', () => {
    const r = plan({ academies: withStage(closer.id, 'standard') });
    expect(r.create).toEqual([]);
    expect(r.change).toEqual([]);
    expect(r.cancel.map((m) => `${m.academyId}/${m.kind}/ht${m.halfTerm}`)).toEqual([`${closer.id}/aser/ht3`, `${closer.id}/aser/ht5`]);
    expect(r.cancel.every((m) => m.date > TODAY && m.status === 'planned')).toBe(true);
  });

  it('a stage going down after a surplus meeting was held keeps that meeting', () => {
    const later = '2027-02-15';
    const r = plan({ academies: withStage(closer.id, 'standard'), today: later, existing: holdUntil(store, later) });
    expect(r.cancel.map((m) => `${m.kind}/ht${m.halfTerm}`)).toEqual(['aser/ht5']);
    expect(r.keep.some((m) => m.academyId === closer.id && m.halfTerm === 3 && m.status === 'held')).toBe(true);
  });

  it('a meeting a person moved (pinned) stays where it is, even when the model no longer needs it', () => {
    const target = store.find((m) => m.academyId === closer.id && m.halfTerm === 5)!;
    const half5 = calendar.schoolDays(YEAR, 5);
    const others = store.filter((m) => m.id !== target.id);
    const academy = academies.find((a) => a.id === closer.id)!;
    const to = half5.find((d) => d > '2027-04-20' && moveMeeting(target, d, { model, calendar, academy, people, otherMeetings: others, today: TODAY }).ok)!;
    const moved = moveMeeting(target, to, { model, calendar, academy, people, otherMeetings: others, today: TODAY });
    if (!moved.ok) throw new Error(moved.message);
    const existing = store.map((m) => (m.id === target.id ? moved.meeting : m));
    const same = plan({ existing });
    expect([same.create, same.change, same.cancel]).toEqual([[], [], []]);
    expect(same.keep).toContain(moved.meeting);
    const down = plan({ existing, academies: withStage(closer.id, 'standard') });
    expect(down.cancel.map((m) => `${m.kind}/ht${m.halfTerm}`)).toEqual(['aser/ht3']);
    expect(down.keep).toContain(moved.meeting);
  });

  it('running the planner on its own re-plan changes nothing', () => {
    const raised = withStage(standard.id, 'stabilise');
    const once = applyPlan(store, plan({ academies: raised }));
    const twice = plan({ academies: raised, existing: once });
    expect([twice.create, twice.change, twice.cancel]).toEqual([[], [], []]);
  });

  it('a new INSET day moves only the meetings on it, keeping their ids and the papers already in', () => {
    const victim = store.find((m) => m.date > TODAY && m.papers.length > 0)!;
    const submittedAt = '2027-02-01T10:00:00.000Z';
    const existing = store.map((m) => (m.id === victim.id ? { ...m, papers: m.papers.map((p, i) => (i === 0 ? { ...p, submittedAt } : p)) } : m));
    const r = plan({ existing, cal: new SchoolCalendar({ closures: [victim.date] }) });
    expect(r.create).toEqual([]);
    expect(r.cancel).toEqual([]);
    expect(r.change.map((c) => c.before.id).sort()).toEqual(store.filter((m) => m.date === victim.date).map((m) => m.id).sort());
    const { before, after } = r.change.find((c) => c.before.id === victim.id)!;
    expect(before.id).toBe(victim.id);
    expect(after).toMatchObject({ id: victim.id, halfTerm: victim.halfTerm, status: 'planned' });
    expect(after.date).not.toBe(victim.date);
    expect(after.papers[0]!.submittedAt).toBe(submittedAt);
    expect(after.papers.every((p) => p.dueDate < after.date)).toBe(true);
  });

  it('a new improvement director takes over an academy’s future meetings on the same dates where free; the past keeps its chair', () => {
    const a = academies[0]!;
    const r = plan({ academies: academies.map((x) => (x.id === a.id ? { ...x, improvementDirectorId: 'aid-2' } : x)) });
    expect(r.create).toEqual([]);
    expect(r.cancel).toEqual([]);
    const future = store.filter((m) => m.academyId === a.id && m.date > TODAY);
    expect(r.change.map((c) => c.before.id).sort()).toEqual(future.map((m) => m.id).sort());
    expect(r.change.every((c) => c.after.chairId === 'aid-2' && c.after.attendees[0]!.personId === 'aid-2')).toBe(true);
    expect(r.keep.filter((m) => m.academyId === a.id).every((m) => m.chairId === 'aid-1' && m.date <= TODAY)).toBe(true);
    expect(doubleBookings(applyPlan(store, r), model, calendar)).toEqual([]);
  });

  it('leaves a meeting where it is, and says so, when its half term has no day left for it', () => {
    const spring2 = calendar.schoolDays(YEAR, 4);
    const r = plan({ cal: new SchoolCalendar({ closures: spring2 }) });
    const inSpring2 = store.filter((m) => m.halfTerm === 4);
    expect([r.create, r.change, r.cancel]).toEqual([[], [], []]);
    expect(r.unplaced).toHaveLength(inSpring2.length);
    expect(r.unplaced[0]!.reason).toBe('No school day in half term 4 when the chair and the academy are both free');
    expect(r.keep).toEqual(expect.arrayContaining(inSpring2));
  });

  it('leaves alone the meetings of academies it was not asked to plan', () => {
    const r = plan({ academies: academies.slice(0, 4) });
    expect([r.create, r.change, r.cancel]).toEqual([[], [], []]);
    expect(r.keep).toHaveLength(store.length);
  });

  it('a meeting already cancelled does not block its slot: the slot is planned again', () => {
    const victim = store.find((m) => m.date > TODAY)!;
    const r = plan({ existing: store.map((m) => (m.id === victim.id ? { ...m, status: 'cancelled' as const } : m)) });
    expect(r.create.map((m) => `${m.academyId}/${m.kind}/ht${m.halfTerm}`)).toEqual([`${victim.academyId}/${victim.kind}/ht${victim.halfTerm}`]);
  });
});
