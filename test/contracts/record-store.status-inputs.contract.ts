import type { AcademyStatusInputs } from '../../core/ports/record-store.port';
import { inIdOrder, sortedIds, type StoreUnderTest } from './contract-helpers';
import {
  aKpiDataPoint,
  aKpiTarget,
  aMeeting,
  anAcademy,
  anAction,
  anEscalation,
  anIntervention,
  aSupportDay,
  uniqueKey,
} from './record-factories';

const YEAR = '2026/27';

/** The port leaves the order inside each list open, so compare them as sets. */
function normalised(inputs: AcademyStatusInputs | undefined): AcademyStatusInputs | undefined {
  if (!inputs) return undefined;
  return {
    academy: inputs.academy,
    meetings: inIdOrder(inputs.meetings),
    actions: inIdOrder(inputs.actions),
    kpiTargets: inIdOrder(inputs.kpiTargets),
    kpiDataPoints: inIdOrder(inputs.kpiDataPoints),
    interventions: inIdOrder(inputs.interventions),
    escalations: inIdOrder(inputs.escalations),
    supportDays: inIdOrder(inputs.supportDays),
  };
}

/** What an academy's status for a year is computed from, for one academy and for the trust dashboard. */
export function describeStatusInputs(store: StoreUnderTest): void {
  const key = () => ({ idempotencyKey: uniqueKey() });

  /** An academy with records in the year and either side of it; returns the ids that belong to 2026/27. */
  async function seedAcademy() {
    const s = store();
    const academy = (await s.academies.create(anAcademy(), key())).record;
    const a = academy.id;
    const owner = 'person-head';
    const done = (completedAt: string) => anAction(a, owner, '2026-10-01', { status: 'done', completedAt });
    const ids = async <T extends { id: string }>(items: T[], create: (item: T) => Promise<unknown>): Promise<string[]> => {
      for (const item of items) await create(item);
      return items.map((i) => i.id).sort();
    };

    const meetings = await ids([aMeeting(a, '2026-10-08'), aMeeting(a, '2027-07-12', { halfTerm: 6 })], (m) => s.meetings.create(m, key()));
    await s.meetings.create(aMeeting(a, '2026-03-10', { academicYear: '2025/26', halfTerm: 4 }), key());

    const actions = await ids(
      [
        anAction(a, owner, '2025-06-01', { createdAt: '2025-05-01T09:00:00Z' }), // open since last year: still counts
        anAction(a, owner, '2026-11-01', { status: 'in-progress' }),
        done('2026-10-01T12:00:00Z'),
        done('2027-08-31T12:00:00Z'),
      ],
      (x) => s.actions.create(x, key()),
    );
    for (const x of [done('2026-06-01T12:00:00Z'), done('2027-09-01T12:00:00Z'), anAction(a, owner, '2026-10-01', { status: 'dropped' })])
      await s.actions.create(x, key());

    const kpiTargets = await ids([aKpiTarget(a, YEAR)], (t) => s.kpiTargets.create(t, key()));
    await s.kpiTargets.create(aKpiTarget(a, '2025/26'), key());
    const kpiDataPoints = await ids([aKpiDataPoint(a, YEAR), aKpiDataPoint(a, YEAR, { point: 2 })], (d) =>
      s.kpiDataPoints.create(d, key()),
    );
    await s.kpiDataPoints.create(aKpiDataPoint(a, '2025/26'), key());

    // Interventions and ladder moves are history: an earlier year's still shapes this year's status.
    const interventions = await ids(
      [
        anIntervention(a, { startDate: '2024-09-09', endDate: '2025-03-28', reviewDates: ['2024-12-02'], status: 'completed' }),
        anIntervention(a),
      ],
      (i) => s.interventions.create(i, key()),
    );
    const escalations = await ids([anEscalation(a, { at: '2024-10-01T09:00:00Z' }), anEscalation(a)], (e) =>
      s.escalations.create(e, key()),
    );

    const supportDays = await ids([aSupportDay(a, '2026-09-01'), aSupportDay(a, '2027-08-31')], (d) => s.supportDays.create(d, key()));
    for (const d of [aSupportDay(a, '2026-08-31'), aSupportDay(a, '2027-09-01')]) await s.supportDays.create(d, key());

    return { academy, ids: { meetings, actions, kpiTargets, kpiDataPoints, interventions, escalations, supportDays } };
  }

  it("gives one academy's meetings, open and this year's completed actions, this year's KPIs and support days, and its whole intervention and ladder history", async () => {
    const oakfield = await seedAcademy();
    await seedAcademy();
    const inputs = await store().statusInputs(oakfield.academy.id, YEAR);
    expect(inputs?.academy).toEqual(oakfield.academy);
    expect({
      meetings: sortedIds(inputs?.meetings ?? []),
      actions: sortedIds(inputs?.actions ?? []),
      kpiTargets: sortedIds(inputs?.kpiTargets ?? []),
      kpiDataPoints: sortedIds(inputs?.kpiDataPoints ?? []),
      interventions: sortedIds(inputs?.interventions ?? []),
      escalations: sortedIds(inputs?.escalations ?? []),
      supportDays: sortedIds(inputs?.supportDays ?? []),
    }).toEqual(oakfield.ids);
  });

  it('an action completed in the small hours of 1 September (BST) counts in the new year, one completed late on 31 August in the old', async () => {
    const academy = (await store().academies.create(anAcademy(), key())).record;
    // 23:30 UTC on 31 August is 00:30 on 1 September in England.
    const newYear = (
      await store().actions.create(
        anAction(academy.id, 'person-head', '2026-08-28', { status: 'done', completedAt: '2026-08-31T23:30:00Z' }),
        key(),
      )
    ).record;
    // 22:30 UTC on 31 August 2026 is 23:30 the same day in England: still 2025/26.
    await store().actions.create(
      anAction(academy.id, 'person-head', '2026-08-28', { status: 'done', completedAt: '2026-08-31T22:30:00Z' }),
      key(),
    );
    expect(sortedIds((await store().statusInputs(academy.id, YEAR))?.actions ?? [])).toEqual([newYear.id]);
  });

  it('an unknown academy has no status inputs', async () => {
    await seedAcademy();
    expect(await store().statusInputs('no-such-academy', YEAR)).toBeUndefined();
  });

  it('statusInputsForMany gives each academy exactly what statusInputs gives it, and skips unknown academies', async () => {
    const oakfield = await seedAcademy();
    const brookLane = await seedAcademy();
    const quiet = (await store().academies.create(anAcademy({ name: 'Quiet Hollow Academy' }), key())).record;
    const ids = [oakfield.academy.id, 'no-such-academy', brookLane.academy.id, quiet.id];

    const many = await store().statusInputsForMany(ids, YEAR);
    expect(many.map((i) => i.academy.id).sort()).toEqual([oakfield.academy.id, brookLane.academy.id, quiet.id].sort());
    for (const inputs of many) {
      expect(normalised(inputs)).toEqual(normalised(await store().statusInputs(inputs.academy.id, YEAR)));
    }
    expect(many.find((i) => i.academy.id === quiet.id)?.meetings).toEqual([]);
    expect(await store().statusInputsForMany([], YEAR)).toEqual([]);
  });
}
