import type { Person } from './people';
import { canPlanMeetings } from './permissions';
import type { SupportDayKind } from './support-day-booking';

/*
 * Who books support days and sets budgets (issue 16, part 1), as the seeds describe it:
 * - DSAT: the AID gives the core days and "may also broker any additional improvement support
 *   required from other Headteachers", so core and development days are booked by the trust's
 *   improvement team (CEO, improvement directors, trust administrator). A supporting head does not
 *   book days at another school: they cannot see its records. Their academy is shown the income.
 * - KGA: "schools will be able to select from a range of options", so an academy's head may also
 *   book (and cancel) its own optional days from the menu.
 * - DSAT: the budget is "agreed each year between the Headteacher, the Academy Improvement
 *   Director, the Chief Executive and the Finance Director"; the trust team records what was agreed.
 */

const headOf = (viewer: Pick<Person, 'roles'>, academyId: string): boolean =>
  viewer.roles.some((r) => r.role === 'head' && r.academyId === academyId);

/** Booking or cancelling a day of this kind at the academy. */
export const canBookSupportDay = (viewer: Pick<Person, 'roles'>, academyId: string, kind: SupportDayKind): boolean =>
  canPlanMeetings(viewer) || (kind === 'optional' && headOf(viewer, academyId));

/** Recording the academy's improvement budget for the year, as agreed. */
export const canSetImprovementBudget = (viewer: Pick<Person, 'roles'>): boolean => canPlanMeetings(viewer);
