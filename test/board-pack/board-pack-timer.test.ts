import { addDays } from '../../core/domain/local-date';
import { SchoolCalendar } from '../../core/domain/school-year/school-calendar';
import { BOARD_PACK_LEAD_DAYS, boardDateFor, packDueOn, termOf } from '../../core/services/board-pack/board-pack-term';
import { startLoopStack, type LoopStack } from '../loop/loop-stack';

/**
 * The pack generated without anyone asking: the daily sweep draws the term's pack up on its due day
 * (the lead days before the board meets about the term) and files it in the board's papers folder,
 * once; before that day it does nothing.
 */
const term = termOf(new SchoolCalendar(), '2026-11-02')!;
const dueOn = packDueOn(term);
let stack: LoopStack;

beforeAll(async () => {
  stack = await startLoopStack(`${addDays(dueOn, -1)}T08:00:00Z`);
}, 60_000);
afterAll(async () => stack?.stop());

const packs = async () =>
  (await stack.call('GET', '/api/board-packs', { as: 'board-chair' })).body.items as {
    term: string;
    how: string;
    generatedBy: string;
    generatedAt: string;
  }[];

describe('the board pack timer', () => {
  it('is due the lead days before the board meets about the term', () => {
    expect(term.label).toBe('Autumn term 2026/27');
    expect(dueOn).toBe(addDays(boardDateFor(term), -BOARD_PACK_LEAD_DAYS));
  });

  it('does nothing the day before the pack is due', async () => {
    expect(await stack.local.services.jobs.generateDueBoardPack()).toMatchObject({ generated: 0, term: 'Autumn term 2026/27', dueOn });
    expect(await packs()).toEqual([]);
  });

  it('generates the term’s pack in the morning sweep on its due day, and only once', async () => {
    stack.setNow(`${dueOn}T07:30:00Z`);
    expect(await stack.local.bot.sweep()).toMatchObject({ boardPacks: 1 });
    expect(await packs()).toEqual([
      expect.objectContaining({
        term: 'Autumn term 2026/27',
        how: 'Generated before the board meeting',
        generatedBy: 'The app (board pack timer)',
        generatedAt: `${dueOn}T07:30:00.000Z`,
      }),
    ]);
    stack.setNow(`${addDays(dueOn, 1)}T07:30:00Z`);
    expect(await stack.local.bot.sweep()).toMatchObject({ boardPacks: 0 });
    expect(await packs()).toHaveLength(1);
  }, 60_000);
});
