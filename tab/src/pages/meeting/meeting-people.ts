import type { MeetingView, PersonItem } from '../../api/api-types';
import type { AppContextValue } from '../../app/app-context';

/** Who can own an action raised at the meeting: its attendees first, then the academy's people the viewer may see. */
export function actionOwners(view: MeetingView, ctx: Pick<AppContextValue, 'people'>): PersonItem[] {
  const ids = [view.meeting.chairId, ...view.meeting.attendees.map((a) => a.personId)];
  const atAcademy = [...ctx.people.values()].filter((p) => p.roles.some((r) => r.academyId === view.meeting.academyId)).map((p) => p.id);
  const seen = new Set<string>();
  return [...ids, ...atAcademy].filter((id) => !seen.has(id) && (seen.add(id), true)).map((id) => ctx.people.get(id) ?? { id, name: view.people.find((p) => p.id === id)?.name ?? id, email: '', jobTitle: undefined, roles: [] });
}

/** Today plus four weeks: a sensible default due date. */
export const inFourWeeks = (today: string): string => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 28);
  return d.toISOString().slice(0, 10);
};

const asItem = (view: MeetingView, ctx: Pick<AppContextValue, 'people'>, id: string): PersonItem => ctx.people.get(id) ?? { id, name: view.people.find((p) => p.id === id)?.name ?? id, email: '', jobTitle: undefined, roles: [] };

/** Who the viewer may send apologies for: anyone still expected when they record the meeting, else only themselves. */
export function apologyCandidates(view: MeetingView, ctx: Pick<AppContextValue, 'people' | 'me'>, canRecord: boolean): PersonItem[] {
  return view.meeting.attendees.filter((a) => a.attendance === 'expected' && (canRecord || a.personId === ctx.me.id)).map((a) => asItem(view, ctx, a.personId));
}

/** Who could stand in: people the viewer can see who are not already on the list, by name. */
export function substituteCandidates(view: MeetingView, ctx: Pick<AppContextValue, 'people'>): PersonItem[] {
  const listed = new Set(view.meeting.attendees.map((a) => a.personId));
  return [...ctx.people.values()].filter((p) => !listed.has(p.id)).sort((a, b) => a.name.localeCompare(b.name));
}
