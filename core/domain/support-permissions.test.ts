import { canBookSupportDay, canSetImprovementBudget } from './support-permissions';
import { makePerson } from './test-factories';

const aid = makePerson('aid', 'Graham Fielding', [['improvement-director']]);
const board = makePerson('board', 'Margaret Ellis', [['board']]);
const head = makePerson('head', 'Ruth Adams', [['head', 'oakfield']]);
const governor = makePerson('gov', 'Tom Hale', [['governor', 'oakfield']]);

describe('who books support days and sets budgets', () => {
  it('lets the improvement team book every kind anywhere, and record the budget', () => {
    expect((['core', 'development', 'optional'] as const).map((k) => canBookSupportDay(aid, 'brook-lane', k))).toEqual([true, true, true]);
    expect(canSetImprovementBudget(aid)).toBe(true);
  });

  it('lets a head book only their own academy’s optional days (KGA’s menu), never core or development days or the budget', () => {
    expect(canBookSupportDay(head, 'oakfield', 'optional')).toBe(true);
    expect(canBookSupportDay(head, 'brook-lane', 'optional')).toBe(false);
    expect(canBookSupportDay(head, 'oakfield', 'development')).toBe(false);
    expect(canBookSupportDay(head, 'oakfield', 'core')).toBe(false);
    expect(canSetImprovementBudget(head)).toBe(false);
  });

  it('lets neither the board nor a governor book or budget', () => {
    for (const p of [board, governor]) {
      expect(canBookSupportDay(p, 'oakfield', 'optional')).toBe(false);
      expect(canSetImprovementBudget(p)).toBe(false);
    }
  });
});
