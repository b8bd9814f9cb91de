import { isAcademyBelowGood, type Academy } from './academy';
import type { Meeting } from './meeting';
import type { ImprovementModel } from './models/improvement-model.schema';
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
    mustBudget: model.supportDays.belowGoodMustBudget && isAcademyBelowGood(academy, model.reportCards.belowGood),
  };
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
