import { isAcademyBelowGood, type Academy } from './academy';
import type { LocalDate } from './local-date';
import { formatLongDate } from './london-time';
import type { Meeting } from './meeting';
import type { ImprovementModel } from './models/improvement-model.schema';
import { refuse, type Outcome } from './outcome';
import type { SchoolCalendar } from './school-year/school-calendar';
import type { SupportDay } from './support-days';

/** An academy's support days for the year, against its allowance and its improvement budget. */
export interface SupportDayUsage {
  /** Core days it is entitled to (DSAT: 6 AID days, including the 3 AIMs). */
  allowance: number;
  /** Held meetings of kinds that count against the allowance (by their length in days), plus other core days given. */
  coreUsed: number;
  coreRemaining: number;
  /** Optional days from the menu (KGA: 3). */
  optionalAllowance: number;
  optionalUsed: number;
  /** Development days beyond the allowance, recharged to the improvement budget. */
  developmentDays: number;
  spendPence: number;
  budgetPence: number;
  /** Spend as a whole-number percentage of the budget; absent when there is no budget. */
  spendPercent?: number;
  overBudget: boolean;
  /** DSAT: academies below Good must budget for improvement support. */
  mustBudget: boolean;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * How much of its support an academy has used this year. A held meeting counts against the core
 * allowance by its kind's `supportDays` for each of its days (a 2-day QA review counts twice); a
 * core day recorded against that same meeting is not counted twice. Development days are spent at the charge fixed when each was booked.
 */
export function supportDayUsage(
  academy: Academy,
  supportDays: readonly SupportDay[],
  meetings: readonly Meeting[],
  model: ImprovementModel,
): SupportDayUsage {
  const days = supportDays.filter((d) => d.academyId === academy.id);
  const daysOf = (kind: SupportDay['kind']) => days.filter((d) => d.kind === kind);
  const dayValue = (m: Meeting) => model.meetingKinds.find((k) => k.id === m.kind)?.supportDays ?? 0;
  const countingMeetings = meetings.filter((m) => m.academyId === academy.id && m.status === 'held' && dayValue(m) > 0);
  const counted = new Set(countingMeetings.map((m) => m.id));
  // By each meeting's own length: KGA's 2-day review is two of its three core days, with the follow-up day the third (seed 004).
  const fromMeetings = sum(countingMeetings.map((m) => dayValue(m) * m.days));
  const coreUsed =
    fromMeetings +
    sum(
      daysOf('core')
        .filter((d) => d.meetingId === undefined || !counted.has(d.meetingId))
        .map((d) => d.days),
    );
  const development = daysOf('development');
  const spendPence = sum(development.map((d) => d.chargePence));
  const budgetPence = academy.improvementBudgetPence;
  const allowance = model.supportDays.coreAllowance;
  return {
    allowance,
    coreUsed,
    coreRemaining: Math.max(0, allowance - coreUsed),
    optionalAllowance: model.supportDays.optionalAllowance,
    optionalUsed: sum(daysOf('optional').map((d) => d.days)),
    developmentDays: sum(development.map((d) => d.days)),
    spendPence,
    budgetPence,
    ...(budgetPence > 0 ? { spendPercent: Math.round((spendPence / budgetPence) * 100) } : {}),
    overBudget: spendPence > budgetPence,
    mustBudget: model.supportDays.belowGoodMustBudget && isAcademyBelowGood(academy),
  };
}

export interface DevelopmentDayBooking {
  id: string;
  date: LocalDate;
  /** Whole or half days. */
  days: number;
  providerId: string;
  /** When a trust head gives the support: their academy receives the recharge as income (DSAT). */
  supportingAcademyId?: string;
  description: string;
  meetingId?: string;
}

export type BookDevelopmentDayCode =
  'SUPPORT.DAYS_INVALID' | 'SUPPORT.DESCRIPTION_REQUIRED' | 'SUPPORT.NOT_A_WORKING_DAY' | 'SUPPORT.SUPPORTING_ITSELF';

/**
 * Books an Academy Development Day, recharged at the model's day rate (DSAT: "a flat rate re-charge
 * of £350 per day") to the academy's improvement budget; the charge is fixed at booking.
 */
export function bookDevelopmentDay(
  academy: Academy,
  booking: DevelopmentDayBooking,
  model: ImprovementModel,
  calendar: SchoolCalendar,
): Outcome<{ supportDay: SupportDay }, BookDevelopmentDayCode> {
  if (!(booking.days > 0 && booking.days <= 20 && Number.isInteger(booking.days * 2))) {
    return refuse('SUPPORT.DAYS_INVALID', 'Book whole or half days, between half a day and 20 days.');
  }
  const description = booking.description.trim();
  if (description === '') return refuse('SUPPORT.DESCRIPTION_REQUIRED', 'Say what the development day is for.');
  if (!calendar.isWorkingDay(booking.date))
    return refuse('SUPPORT.NOT_A_WORKING_DAY', `${formatLongDate(booking.date)} is not a working day.`);
  if (booking.supportingAcademyId === academy.id)
    return refuse('SUPPORT.SUPPORTING_ITSELF', 'An academy cannot recharge itself for its own support.');
  const supportDay: SupportDay = {
    id: booking.id,
    academyId: academy.id,
    date: booking.date,
    kind: 'development',
    days: booking.days,
    providerId: booking.providerId,
    ...(booking.supportingAcademyId ? { supportingAcademyId: booking.supportingAcademyId } : {}),
    description,
    chargePence: Math.round(booking.days * model.supportDays.developmentDayRatePence),
    ...(booking.meetingId ? { meetingId: booking.meetingId } : {}),
  };
  return { ok: true, supportDay };
}

export interface SupportIncome {
  academyId: string;
  days: number;
  incomePence: number;
}

/**
 * Recharges as income to the academies whose heads and staff gave the support (DSAT: "this
 * recharge would show as income to the supporting Headteacher's academy"), highest first.
 */
export function incomeBySupportingAcademy(supportDays: readonly SupportDay[]): SupportIncome[] {
  const byAcademy = new Map<string, SupportIncome>();
  for (const d of supportDays) {
    if (d.kind !== 'development' || !d.supportingAcademyId) continue;
    const x = byAcademy.get(d.supportingAcademyId) ?? { academyId: d.supportingAcademyId, days: 0, incomePence: 0 };
    byAcademy.set(d.supportingAcademyId, { ...x, days: x.days + d.days, incomePence: x.incomePence + d.chargePence });
  }
  return [...byAcademy.values()].sort((a, b) => b.incomePence - a.incomePence || a.academyId.localeCompare(b.academyId));
}

/** "£350.00", "£1,050.00". */
export const formatPounds = (pence: number): string =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100);
