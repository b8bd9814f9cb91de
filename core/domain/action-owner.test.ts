import { actionOwnerProblem } from './action-owner';
import { makeAcademy, makePerson } from './test-factories';

const oakfield = makeAcademy();

describe('actionOwnerProblem: an action’s owner must be someone who may see its academy', () => {
  it('lets the academy’s head, governors and partners, and the trust’s roles, own its actions', () => {
    for (const owner of [
      makePerson('head', 'Helen Shaw', [['head', oakfield.id]]),
      makePerson('governor', 'Gwen Taylor', [['governor', oakfield.id]]),
      makePerson('partner', 'Priya Nair', [
        ['head', 'brook-lane'],
        ['headteacher-partner', oakfield.id],
      ]),
      makePerson('aid', 'Alison Reed', [['improvement-director']]),
      makePerson('board', 'Margaret Ellis', [['board']]),
    ]) {
      expect(actionOwnerProblem(owner, oakfield)).toBeUndefined();
    }
  });

  it('refuses another academy’s head on ownerId, saying why', () => {
    const brookLaneHead = makePerson('head-brook-lane', 'Daniel Hughes', [['head', 'brook-lane']]);
    expect(actionOwnerProblem(brookLaneHead, oakfield)).toEqual({
      field: 'ownerId',
      message: 'Daniel Hughes cannot see Oakfield Primary Academy’s records, so cannot own this action.',
    });
  });
});
