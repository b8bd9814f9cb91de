import { currentStep, ladderChanges, mayMoveStep, movedBySentence, withLadderChanges } from './escalation-ladder';
import { preset } from './models/presets';
import { makeAcademy, makeEscalation, makePerson } from './test-factories';

const dsat = preset('dsat');
const waterton = preset('waterton');
const aid = makePerson('aid', 'Alison Reed', [['improvement-director']]);
const ceo = makePerson('ceo', 'Colin Evans', [['ceo']]);
const board = makePerson('board', 'Margaret Ellis', [['board']]);
const head = makePerson('head', 'Helen Shaw', [['head', 'oakfield']]);
const atStep = (step: number) => ({ step });

describe('who moves an academy on the ladder (the model’s roles per step)', () => {
  it('lets the improvement director draw up the formal action plan, not the head', () => {
    expect(mayMoveStep(aid, 'oakfield', atStep(1), 'up', waterton)).toBe(true);
    expect(mayMoveStep(head, 'oakfield', atStep(1), 'up', waterton)).toBe(false);
  });

  it('leaves the change of status to the CEO or the board, both ways', () => {
    expect(mayMoveStep(aid, 'oakfield', atStep(2), 'up', waterton)).toBe(false);
    expect(mayMoveStep(ceo, 'oakfield', atStep(2), 'up', waterton)).toBe(true);
    expect(mayMoveStep(board, 'oakfield', atStep(2), 'up', waterton)).toBe(true);
    expect(mayMoveStep(aid, 'oakfield', atStep(3), 'down', waterton)).toBe(false);
    expect(mayMoveStep(board, 'oakfield', atStep(3), 'down', waterton)).toBe(true);
    expect(movedBySentence(waterton.escalation.steps[3]!, waterton.roleTitles)).toBe('Chief Executive or Academy Standards Committee');
  });

  it('has no step beyond the ends of the ladder', () => {
    expect(mayMoveStep(ceo, 'oakfield', atStep(3), 'up', waterton)).toBe(false);
    expect(mayMoveStep(ceo, 'oakfield', atStep(0), 'down', waterton)).toBe(false);
  });
});

describe('what reaching the top step changes', () => {
  const formalPlan = { step: 2, stepId: 'formal-action-plan' };

  it('makes a Waterton academy sponsored, so its cadence becomes at least six ASERs', () => {
    const academy = makeAcademy({ supportStage: 'standard' });
    const changes = ladderChanges(academy, formalPlan, 'up', [], waterton);
    expect(changes).toEqual({ sponsored: { from: false, to: true } });
    expect(withLadderChanges(academy, changes)).toMatchObject({ sponsored: true, supportStage: 'standard' });
  });

  it('also puts a DSAT academy in the not-yet-Good stage, and changes nothing already so', () => {
    expect(ladderChanges(makeAcademy(), formalPlan, 'up', [], dsat)).toEqual({
      sponsored: { from: false, to: true },
      supportStage: { from: 'good-or-better', to: 'below-good' },
    });
    expect(ladderChanges(makeAcademy({ sponsored: true, supportStage: 'below-good' }), formalPlan, 'up', [], dsat)).toEqual({});
    expect(ladderChanges(makeAcademy(), { step: 0, stepId: 'own-capacity' }, 'up', [], dsat)).toEqual({});
  });

  it('coming down restores what the academy had when it reached the step, and only that', () => {
    const reached = makeEscalation({
      id: 'e4',
      step: 3,
      stepId: 'change-of-status',
      changed: { sponsored: { from: false, to: true }, supportStage: { from: 'good-or-better', to: 'below-good' } },
    });
    const top = currentStep([reached], dsat);
    const now = makeAcademy({ sponsored: true, supportStage: 'below-good' });
    expect(ladderChanges(now, top, 'down', [reached], dsat)).toEqual({
      sponsored: { from: true, to: false },
      supportStage: { from: 'below-good', to: 'good-or-better' },
    });
    // Sponsored before it climbed (Hill Top): coming down leaves it sponsored.
    const already = makeEscalation({ id: 'e5', step: 3, stepId: 'change-of-status' });
    expect(ladderChanges(now, currentStep([already], dsat), 'down', [already], dsat)).toEqual({});
  });
});
