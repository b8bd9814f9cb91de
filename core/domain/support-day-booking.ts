import type { Academy } from './academy';
import { isWeekend, type LocalDate } from './local-date';
import { formatLongDate } from './london-time';
import type { Meeting } from './meeting';
import type { ImprovementModel } from './models/improvement-model.schema';
import { refuse, type Outcome } from './outcome';
import { academicYearOf, type SchoolCalendar } from './school-year/school-calendar';
import { formatPounds, type SupportDayUsage } from './support-day-usage';
import type { SupportDay } from './support-days';

/**
 * Booking a day of support for an academy (issue 16, part 1), against the trust's model:
 * - core days are the improvement director's (DSAT: "6 AID days per academy per year, including
 *   the 3 AIMs"); beyond the allowance the support is an Academy Development Day instead;
 * - development days are recharged at the model's day rate (DSAT: "a flat rate re-charge of £350
 *   per day"), in whole or half days, and show as income to a supporting head's academy;
 * - optional days come from the model's menu (KGA: "3 days per school" of reviews, support or CPD).
 * Support is given in school: the first day must be a school day at the academy, in this school year.
 */

export type SupportDayKind = SupportDay['kind'];

export interface SupportDayRequest {
  kind: SupportDayKind;
  /** The first day; a booking of more than one day runs on the school days after it. */
  date: LocalDate;
  /** Whole or half days. */
  days: number;
  providerId: string;
  /** When a trust head (or their staff) gives a development day: their academy receives the recharge as income. */
  supportingAcademyId?: string;
  /** What the day is for; for an optional day, detail added to the menu item. */
  description: string;
  /** An optional day's item from the model's menu (KGA). */
  menuItem?: string;
  meetingId?: string;
}

export interface SupportBookingContext {
  model: ImprovementModel;
  /** The trust's calendar; the academy's own closures are read from it. */
  calendar: SchoolCalendar;
  today: LocalDate;
  /** The academy's use of its days this year, before this booking. */
  usage: SupportDayUsage;
  /** The academy's meetings this year, so core days already promised to planned meetings are not booked twice. */
  meetings: readonly Meeting[];
}

export type BookSupportDayCode =
  | 'SUPPORT.DAYS_INVALID'
  | 'SUPPORT.DESCRIPTION_REQUIRED'
  | 'SUPPORT.NOT_A_SCHOOL_DAY'
  | 'SUPPORT.OUTSIDE_YEAR'
  | 'SUPPORT.SUPPORTING_ITSELF'
  | 'SUPPORT.OVER_ALLOWANCE'
  | 'SUPPORT.NO_OPTIONAL_DAYS'
  | 'SUPPORT.NOT_ON_MENU';

export const SUPPORT_KIND_LABELS: Record<SupportDayKind, string> = {
  core: 'Core day',
  development: 'Development day',
  optional: 'Optional day',
};

/** "1 day", "half a day", "2.5 days". */
export const dayCount = (n: number): string => (n === 0.5 ? 'half a day' : `${n} ${n === 1 ? 'day' : 'days'}`);

/** Why a date is not a school day at the academy, in a head's words. */
export function whyNotSchoolDay(calendar: SchoolCalendar, date: LocalDate): string | undefined {
  if (calendar.isSchoolDay(date)) return undefined;
  if (isWeekend(date)) return 'a weekend';
  if (calendar.isBankHoliday(date)) {
    const name = calendar.bankHolidayName(date);
    return `a bank holiday${name ? ` (${name})` : ''}`;
  }
  const closure = calendar.closureOn(date);
  if (closure) return `a closure day (${closure.reason})`;
  return 'in the school holidays';
}

/** Core days promised to planned meetings of kinds that count against the allowance, each by its own length. */
export function coreDaysPlanned(academyId: string, meetings: readonly Meeting[], model: ImprovementModel): number {
  const value = new Map(model.meetingKinds.map((k) => [k.id, k.supportDays]));
  return meetings
    .filter((m) => m.academyId === academyId && m.status === 'planned')
    .reduce((n, m) => n + (value.get(m.kind) ?? 0) * m.days, 0);
}

/** Checks a booking against the model, the school year and the allowances, and fixes its charge. */
export function bookSupportDay(
  academy: Pick<Academy, 'id' | 'name'>,
  request: SupportDayRequest,
  ctx: SupportBookingContext,
): Outcome<{ supportDay: Omit<SupportDay, 'id'> }, BookSupportDayCode> {
  const { model, usage } = ctx;
  const { days } = request;
  if (!(days > 0 && days <= 20 && Number.isInteger(days * 2)))
    return refuse('SUPPORT.DAYS_INVALID', 'Book whole or half days, between half a day and 20 days.');

  const calendar = ctx.calendar.forAcademy(academy.id);
  const day = formatLongDate(request.date);
  const year = academicYearOf(ctx.today);
  if (academicYearOf(request.date) !== year)
    return refuse('SUPPORT.OUTSIDE_YEAR', `${day} is not in this school year (${year}); support days are counted year by year.`);
  const notSchool = whyNotSchoolDay(calendar, request.date);
  if (notSchool)
    return refuse('SUPPORT.NOT_A_SCHOOL_DAY', `${day} is ${notSchool} at ${academy.name}; support days are given on school days.`);

  let description = request.description.trim();
  if (request.kind === 'optional') {
    if (usage.optionalAllowance <= 0)
      return refuse('SUPPORT.NO_OPTIONAL_DAYS', 'The trust’s improvement model has no optional days; book a core or development day.');
    if (model.supportDays.optionalMenu.length > 0) {
      const item = request.menuItem?.trim();
      if (!item || !model.supportDays.optionalMenu.includes(item))
        return refuse('SUPPORT.NOT_ON_MENU', 'Choose the optional day from the trust’s menu of reviews, support and CPD.');
      description = description ? `${item}: ${description}` : item;
    }
    const left = usage.optionalAllowance - usage.optionalUsed;
    if (days > left)
      return refuse(
        'SUPPORT.OVER_ALLOWANCE',
        `${academy.name} has ${dayCount(Math.max(0, left))} of its ${usage.optionalAllowance} optional days left, so ${dayCount(days)} cannot be booked.`,
      );
  }
  if (description === '') return refuse('SUPPORT.DESCRIPTION_REQUIRED', 'Say what the support is for.');

  if (request.kind === 'core') {
    // Days promised to meetings still to come count too: DSAT's six AID days include the three AIMs.
    const planned = coreDaysPlanned(academy.id, ctx.meetings, model);
    const left = usage.allowance - usage.coreUsed - planned;
    if (days > left) {
      const rate = model.supportDays.developmentDayRatePence;
      const instead = rate > 0 ? `book it as a development day (${formatPounds(rate)} a day)` : 'book it as a development day';
      return refuse(
        'SUPPORT.OVER_ALLOWANCE',
        `${academy.name} has ${dayCount(Math.max(0, left))} of its ${usage.allowance} core days left (${usage.coreUsed} used, ${planned} in planned meetings); ${instead}.`,
      );
    }
  }

  const supporting = request.kind === 'development' ? request.supportingAcademyId : undefined;
  if (supporting === academy.id) return refuse('SUPPORT.SUPPORTING_ITSELF', 'An academy cannot recharge itself for its own support.');
  return {
    ok: true,
    supportDay: {
      academyId: academy.id,
      date: request.date,
      kind: request.kind,
      days,
      providerId: request.providerId,
      ...(supporting ? { supportingAcademyId: supporting } : {}),
      description: description.slice(0, 1000),
      chargePence: request.kind === 'development' ? Math.round(days * model.supportDays.developmentDayRatePence) : 0,
      ...(request.meetingId ? { meetingId: request.meetingId } : {}),
    },
  };
}

export type CancelSupportDayCode = 'SUPPORT.ALREADY_GIVEN';

/** A booked day is cancelled before it happens; one already given stays on the record (its recharge was made). */
export function checkCancelSupportDay(day: Pick<SupportDay, 'date'>, today: LocalDate): Outcome<object, CancelSupportDayCode> {
  if (day.date < today)
    return refuse('SUPPORT.ALREADY_GIVEN', `The day on ${formatLongDate(day.date)} has already been given, so it stays on the record.`);
  return { ok: true };
}
