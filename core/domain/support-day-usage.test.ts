import { incomeBySupportingAcademy, supportDayUsage } from './support-day-usage';
import { preset } from './models/presets';
import { dsat, makeAcademy, makeMeeting, makeSupportDay } from './test-factories';

const model = dsat();
const belowGood = makeAcademy({ ofstedGrade: 'requires-improvement', supportStage: 'below-good', improvementBudgetPence: 140000 });

describe('supportDayUsage', () => {
  const meetings = [
    makeMeeting({ id: 'aim-1', kind: 'aim', date: '2026-10-13', status: 'held' }),
    makeMeeting({ id: 'aim-2', kind: 'aim', date: '2027-02-09', status: 'held' }),
    makeMeeting({ id: 'aim-3', kind: 'aim', date: '2027-05-11', status: 'planned' }),
    makeMeeting({ id: 'iaim-1', kind: 'iaim', date: '2026-11-25', status: 'held' }),
  ];
  const days = [
    makeSupportDay({ id: 'visit', kind: 'core', days: 1, description: 'Monitoring visit', chargePence: 0 }),
    makeSupportDay({ id: 'aim-day', kind: 'core', days: 1, meetingId: 'aim-1', description: 'AIM', chargePence: 0 }),
    makeSupportDay({ id: 'dev-1', kind: 'development', days: 1, chargePence: 35000 }),
    makeSupportDay({ id: 'dev-2', kind: 'development', days: 2, chargePence: 70000 }),
    makeSupportDay({ id: 'elsewhere', academyId: 'brook-lane', kind: 'development', days: 5, chargePence: 175000 }),
  ];

  it('counts held AIMs against DSAT’s six AID days, with other core days, but not an AIM twice', () => {
    const u = supportDayUsage(belowGood, days, meetings, model);
    expect(u).toMatchObject({ allowance: 6, coreUsed: 3, coreRemaining: 3 });
  });

  it('charges development days against the improvement budget: 3 days at £350 is 75% of £1,400', () => {
    const u = supportDayUsage(belowGood, days, meetings, model);
    expect(u).toMatchObject({
      developmentDays: 3,
      spendPence: 105000,
      budgetPence: 140000,
      spendPercent: 75,
      overBudget: false,
      mustBudget: true,
    });
  });

  it('is over budget when development days cost more than the budget', () => {
    const more = [
      ...days,
      makeSupportDay({ id: 'dev-3', kind: 'development', days: 1, chargePence: 35000 }),
      makeSupportDay({ id: 'dev-4', kind: 'development', days: 1, chargePence: 35000 }),
    ];
    expect(supportDayUsage(belowGood, more, meetings, model)).toMatchObject({ spendPence: 175000, spendPercent: 125, overBudget: true });
  });

  it('has no spend percentage for an academy with no budget, and a Good academy need not budget', () => {
    const good = makeAcademy();
    const u = supportDayUsage(good, [], meetings, model);
    expect(u.spendPercent).toBeUndefined();
    expect(u).toMatchObject({ overBudget: false, mustBudget: false });
  });

  it('counts KGA’s 2-day model as 3 of its 3 core days: the 2-day review counts 2, the follow-up day 1', () => {
    const kga = preset('kga');
    const school = makeAcademy({ requests: ['qa-two-day'] });
    const held = [
      makeMeeting({ id: 'review', kind: 'qa-review', date: '2026-11-17', days: 2, status: 'held' }, { model: kga, academy: school }),
      makeMeeting({ id: 'follow-up', kind: 'qa-review', date: '2027-03-09', status: 'held' }, { model: kga, academy: school }),
      makeMeeting({ id: 'priorities', kind: 'priorities-meeting', date: '2026-09-08', status: 'held' }, { model: kga, academy: school }),
    ];
    expect(supportDayUsage(school, [], held, kga)).toMatchObject({ allowance: 3, coreUsed: 3, coreRemaining: 0 });
  });

  it('counts a 2-day review still to come as none of the core days', () => {
    const kga = preset('kga');
    const school = makeAcademy({ requests: ['qa-two-day'] });
    const planned = makeMeeting(
      { id: 'review', kind: 'qa-review', date: '2026-11-17', days: 2, status: 'planned' },
      { model: kga, academy: school },
    );
    expect(supportDayUsage(school, [], [planned], kga)).toMatchObject({ coreUsed: 0, coreRemaining: 3 });
  });

  it('counts KGA’s optional days against their own allowance of three', () => {
    const kga = preset('kga');
    const u = supportDayUsage(
      makeAcademy(),
      [makeSupportDay({ kind: 'optional', days: 1, chargePence: 0, description: 'Pupil Premium review' })],
      [],
      kga,
    );
    expect(u).toMatchObject({ allowance: 3, optionalAllowance: 3, optionalUsed: 1 });
  });
});

describe('incomeBySupportingAcademy', () => {
  it('shows each recharge as income to the supporting head’s academy', () => {
    const days = [
      makeSupportDay({ id: 'a', supportingAcademyId: 'brook-lane', days: 1, chargePence: 35000 }),
      makeSupportDay({ id: 'b', academyId: 'hillside', supportingAcademyId: 'brook-lane', days: 2, chargePence: 70000 }),
      makeSupportDay({ id: 'c', supportingAcademyId: 'st-marys', days: 1, chargePence: 35000 }),
      makeSupportDay({ id: 'd', days: 1, chargePence: 35000 }), // the AID: no academy receives it
    ];
    expect(incomeBySupportingAcademy(days)).toEqual([
      { academyId: 'brook-lane', days: 3, incomePence: 105000 },
      { academyId: 'st-marys', days: 1, incomePence: 35000 },
    ]);
  });
});
