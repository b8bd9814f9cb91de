import type { Academy } from './academy';
import type { LocalDate } from './local-date';
import type { Meeting } from './meeting';
import { moveMeeting } from './meeting-moves';
import { preset } from './models/presets';
import { SchoolCalendar } from './school-year/school-calendar';
import { planYear, type PlanResult } from './year-planner';
import { applyPlan, asMeetings, doubleBookings, holdUntil, makeTrust } from './year-planner.fixtures';

const calendar = new SchoolCalendar();
const YEAR = '2026/27';

// ---- re-planning ----

describe('re-planning a Waterton year part-way through', () => {
  const model = preset('waterton');
  const { academies, people } = makeTrust(model, 12, 2);
  const first = planYear({ model, calendar, academicYear: YEAR, academies, people });
  const TODAY = '2027-01-13'; // spring 1, before its ASERs
  const store = holdUntil(asMeetings(first.create), TODAY);
  const plan = (over: { academies?: Academy[]; existing?: Meeting[]; today?: LocalDate; cal?: SchoolCalendar } = {}): PlanResult =>
    planYear({
      model,
      calendar: over.cal ?? calendar,
      academicYear: YEAR,
      academies: over.academies ?? academies,
      people,
      existing: over.existing ?? store,
      today: over.today ?? TODAY,
    });
  const withStage = (academyId: string, supportStage: string) => academies.map((a) => (a.id === academyId ? { ...a, supportStage } : a));
  const standard = academies.find((a) => a.supportStage === 'standard' && !a.sponsored && !a.inOfstedWindow)!;
  const closer = academies.find((a) => a.supportStage === 'closer-support' && !a.sponsored && !a.inOfstedWindow)!;

  it('changes nothing when nothing has changed: held and past meetings are kept exactly as they are', () => {
    const r = plan();
    expect({ create: r.create, change: r.change, cancel: r.cancel, unplaced: r.unplaced }).toEqual({
      create: [],
      change: [],
      cancel: [],
      unplaced: [],
    });
    const kept = new Set(r.keep);
    expect(store.filter((m) => m.date <= TODAY).every((m) => kept.has(m))).toBe(true);
  });

  it('keeps a past meeting nobody marked as held', () => {
    const notMarked = store.map((m) =>
      m.date === store.find((x) => x.status === 'held')!.date ? { ...m, status: 'planned' as const } : m,
    );
    const r = plan({ existing: notMarked });
    expect([r.create, r.change, r.cancel]).toEqual([[], [], []]);
  });

  it('raising an academy to Stabilise mid-year adds only its missing meetings after today, and moves none', () => {
    const r = plan({ academies: withStage(standard.id, 'stabilise') });
    expect(r.change).toEqual([]);
    expect(r.cancel).toEqual([]);
    expect(r.unplaced).toEqual([]);
    expect(r.create.map((m) => `${m.academyId}/${m.kind}/ht${m.halfTerm}`)).toEqual([
      `${standard.id}/aser/ht3`,
      `${standard.id}/aser-extended/ht3`,
      `${standard.id}/aser/ht5`,
    ]);
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
      {
        academyId: standard.id,
        kind: 'aser',
        halfTerm: 3,
        chairId: standard.improvementDirectorId,
        reason: 'Half term 3 has already passed',
        tried: [],
      },
      {
        academyId: standard.id,
        kind: 'aser-extended',
        halfTerm: 3,
        chairId: standard.improvementDirectorId,
        reason: 'Half term 3 has already passed',
        tried: [],
      },
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
    const to = half5.find(
      (d) => d > '2027-04-20' && moveMeeting(target, d, { model, calendar, academy, people, otherMeetings: others, today: TODAY }).ok,
    )!;
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
    const existing = store.map((m) =>
      m.id === victim.id ? { ...m, papers: m.papers.map((p, i) => (i === 0 ? { ...p, submittedAt } : p)) } : m,
    );
    const r = plan({ existing, cal: new SchoolCalendar({ closures: [victim.date] }) });
    expect(r.create).toEqual([]);
    expect(r.cancel).toEqual([]);
    expect(r.change.map((c) => c.before.id).sort()).toEqual(
      store
        .filter((m) => m.date === victim.date)
        .map((m) => m.id)
        .sort(),
    );
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
    expect(r.unplaced[0]!.reason).toBe(
      'No school day in half term 4 when the chair and the academy are both free. Of its 24 weekdays, 24 are closures.',
    );
    expect(new Set(r.unplaced[0]!.tried.map((d) => `${d.blockedBy}: ${d.detail}`))).toEqual(
      new Set(['closure: the trust is closed: Closure']),
    );
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
    expect(r.create.map((m) => `${m.academyId}/${m.kind}/ht${m.halfTerm}`)).toEqual([
      `${victim.academyId}/${victim.kind}/ht${victim.halfTerm}`,
    ]);
  });
});
