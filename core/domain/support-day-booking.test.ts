import { preset } from './models/presets';
import { SchoolCalendar } from './school-year/school-calendar';
import { bookSupportDay, checkCancelSupportDay, type SupportDayRequest } from './support-day-booking';
import { formatPounds, supportDayUsage } from './support-day-usage';
import { dsat, makeAcademy, makeMeeting, makeSupportDay, okOf } from './test-factories';

const model = dsat();
const school = makeAcademy({ ofstedGrade: 'requires-improvement', supportStage: 'below-good', improvementBudgetPence: 140000 });
const calendar = new SchoolCalendar({ closures: [{ date: '2026-11-20', academyId: school.id, reason: 'INSET day' }] });
const today = '2026-11-02';
const ctxFor = (m = model, meetings = [makeMeeting({ id: 'aim-1', kind: 'aim', date: '2026-10-13', status: 'held' })], days = []) => ({
  model: m,
  calendar,
  today,
  meetings,
  usage: supportDayUsage(school, days, meetings, m),
});
const development: SupportDayRequest = {
  kind: 'development',
  date: '2026-11-17',
  days: 2,
  providerId: 'head-brook-lane',
  supportingAcademyId: 'brook-lane',
  description: 'Early reading support from Brook Lane’s head',
};

describe('bookSupportDay: development days', () => {
  it('charges DSAT’s flat £350 a day, two days £700, and names the supporting academy', () => {
    const r = okOf(bookSupportDay(school, development, ctxFor()));
    expect(r.supportDay).toMatchObject({ kind: 'development', days: 2, chargePence: 70000, supportingAcademyId: 'brook-lane' });
    expect(formatPounds(r.supportDay.chargePence)).toBe('£700.00');
  });

  it('charges half a day at half the rate, and refuses a third of a day', () => {
    expect(okOf(bookSupportDay(school, { ...development, days: 0.5 }, ctxFor())).supportDay.chargePence).toBe(17500);
    expect(bookSupportDay(school, { ...development, days: 0.3 }, ctxFor())).toMatchObject({ ok: false, code: 'SUPPORT.DAYS_INVALID' });
  });

  it('refuses a weekend, a bank holiday, the holidays and the academy’s own INSET day, saying which', () => {
    const on = (date: string) => bookSupportDay(school, { ...development, date }, ctxFor());
    expect(on('2026-11-21')).toEqual({
      ok: false,
      code: 'SUPPORT.NOT_A_SCHOOL_DAY',
      message: 'Saturday 21 November 2026 is a weekend at Oakfield Primary Academy; support days are given on school days.',
    });
    expect(on('2026-12-28')).toMatchObject({ code: 'SUPPORT.NOT_A_SCHOOL_DAY', message: expect.stringContaining('bank holiday') });
    expect(on('2026-10-28')).toMatchObject({ code: 'SUPPORT.NOT_A_SCHOOL_DAY', message: expect.stringContaining('school holidays') });
    expect(on('2026-11-20')).toMatchObject({
      code: 'SUPPORT.NOT_A_SCHOOL_DAY',
      message: expect.stringContaining('closure day (INSET day)'),
    });
    // Another academy's INSET day is a school day here.
    expect(
      bookSupportDay(
        { id: 'brook-lane', name: 'Brook Lane' },
        { ...development, supportingAcademyId: 'ashworth', date: '2026-11-20' },
        ctxFor(),
      ).ok,
    ).toBe(true);
  });

  it('refuses a day in another school year, and an academy recharging itself', () => {
    expect(bookSupportDay(school, { ...development, date: '2027-09-14' }, ctxFor())).toMatchObject({ code: 'SUPPORT.OUTSIDE_YEAR' });
    expect(bookSupportDay(school, { ...development, supportingAcademyId: school.id }, ctxFor())).toMatchObject({
      code: 'SUPPORT.SUPPORTING_ITSELF',
    });
  });

  it('is booked beyond the budget: the usage then shows it over budget', () => {
    const five = okOf(bookSupportDay(school, { ...development, days: 5 }, ctxFor())).supportDay;
    expect(supportDayUsage(school, [{ ...five, id: 'five' }], [], model)).toMatchObject({
      spendPence: 175000,
      overBudget: true,
      spendPercent: 125,
    });
  });
});

describe('bookSupportDay: core days against the allowance', () => {
  const core: SupportDayRequest = { ...development, kind: 'core', providerId: 'aid', supportingAcademyId: 'brook-lane' };

  it('books a core day without charge or income, while the allowance has room', () => {
    const r = okOf(bookSupportDay(school, core, ctxFor()));
    expect(r.supportDay).toMatchObject({ kind: 'core', chargePence: 0 });
    expect(r.supportDay.supportingAcademyId).toBeUndefined();
  });

  it('counts the AIMs still planned: 1 held and 2 planned leave 3 of DSAT’s 6, so 4 more are refused, offering a development day', () => {
    const meetings = [
      makeMeeting({ id: 'aim-1', kind: 'aim', date: '2026-10-13', status: 'held' }),
      makeMeeting({ id: 'aim-2', kind: 'aim', date: '2027-02-09', status: 'planned' }),
      makeMeeting({ id: 'aim-3', kind: 'aim', date: '2027-05-11', status: 'planned' }),
    ];
    expect(bookSupportDay(school, { ...core, days: 3 }, ctxFor(model, meetings)).ok).toBe(true);
    expect(bookSupportDay(school, { ...core, days: 4 }, ctxFor(model, meetings))).toEqual({
      ok: false,
      code: 'SUPPORT.OVER_ALLOWANCE',
      message:
        'Oakfield Primary Academy has 3 days of its 6 core days left (1 used, 2 in planned meetings); book it as a development day (£350.00 a day).',
    });
  });
});

describe('bookSupportDay: KGA’s optional days from the menu', () => {
  const kga = preset('kga');
  const menu = kga.supportDays.optionalMenu;
  const optional: SupportDayRequest = { ...development, kind: 'optional', description: '', menuItem: menu[0] };

  it('books an item from the menu, described by it, at no charge (KGA has no day rate)', () => {
    const r = okOf(bookSupportDay(school, { ...optional, days: 1 }, ctxFor(kga, [])));
    expect(r.supportDay).toMatchObject({ kind: 'optional', description: menu[0], chargePence: 0 });
  });

  it('refuses an item not on the menu, and a fourth day of the three', () => {
    expect(bookSupportDay(school, { ...optional, menuItem: 'Team building' }, ctxFor(kga, []))).toMatchObject({
      code: 'SUPPORT.NOT_ON_MENU',
    });
    const used = [makeSupportDay({ kind: 'optional', days: 2.5, chargePence: 0 })];
    const ctx = { ...ctxFor(kga, []), usage: supportDayUsage(school, used, [], kga) };
    expect(bookSupportDay(school, { ...optional, days: 1 }, ctx)).toMatchObject({
      code: 'SUPPORT.OVER_ALLOWANCE',
      message: 'Oakfield Primary Academy has half a day of its 3 optional days left, so 1 day cannot be booked.',
    });
    expect(bookSupportDay(school, { ...optional, days: 0.5 }, ctx).ok).toBe(true);
  });

  it('has no optional days in DSAT’s model', () => {
    expect(bookSupportDay(school, optional, ctxFor())).toMatchObject({ code: 'SUPPORT.NO_OPTIONAL_DAYS' });
  });
});

describe('checkCancelSupportDay', () => {
  it('cancels a day still to come (today included), but not one already given', () => {
    expect(checkCancelSupportDay({ date: today }, today).ok).toBe(true);
    expect(checkCancelSupportDay({ date: '2026-10-20' }, today)).toMatchObject({ ok: false, code: 'SUPPORT.ALREADY_GIVEN' });
  });
});

describe('supportDayUsage: must budget', () => {
  it('flags a below-Good academy in DSAT’s model, and none in KGA’s', () => {
    expect(supportDayUsage(school, [], [], model).mustBudget).toBe(true);
    expect(supportDayUsage(school, [], [], preset('kga')).mustBudget).toBe(false);
    expect(supportDayUsage(makeAcademy(), [], [], model).mustBudget).toBe(false);
  });
});
