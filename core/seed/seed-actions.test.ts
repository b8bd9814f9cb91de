import { createSqliteRecordStore, openSqliteDatabase } from '../adapters/sqlite';
import type { LocalDate } from '../domain/local-date';
import { fixedClock } from '../ports/clock.port';
import { CEO_ACTION_TEXTS, GOVERNANCE_ACTION_TEXTS, headActionTexts, IMPROVEMENT_DIRECTOR_ACTION_TEXTS } from './action-texts.data';
import { seedDemoTrust } from './seed-demo-trust';

const repeats = (texts: readonly string[]) => texts.filter((t, i) => texts.indexOf(t) !== i);

describe('the demo trust’s actions', () => {
  it('has no action text twice in any one list', () => {
    for (const list of [
      ...(['primary', 'secondary', 'all-through', 'special'] as const).map(headActionTexts),
      GOVERNANCE_ACTION_TEXTS,
      IMPROVEMENT_DIRECTOR_ACTION_TEXTS,
      CEO_ACTION_TEXTS,
    ]) {
      expect(repeats(list)).toEqual([]);
    }
  });

  // By the end of the summer term every meeting of the year has been held, so every action raised.
  it.each<LocalDate>(['2026-11-23', '2027-03-10', '2027-07-20'])(
    'repeats no action text at any one academy, seeded as of %s',
    async (today) => {
      const store = createSqliteRecordStore(openSqliteDatabase(':memory:'));
      await seedDemoTrust(store, fixedClock(`${today}T10:00:00Z`));
      const actions = await store.actions.list({}).toArray();
      expect(actions.length).toBeGreaterThan(30);
      const academies = [...new Set(actions.map((a) => a.academyId))];
      const repeated = academies.flatMap((academyId) =>
        repeats(actions.filter((a) => a.academyId === academyId).map((a) => a.text)).map((t) => `${academyId}: ${t}`),
      );
      expect(repeated).toEqual([]);
      await store.close();
    },
  );
});
