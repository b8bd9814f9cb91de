import type { MeetingView, PersonItem } from '../../api/api-types';
import type { AppContextValue } from '../../app/app-context';

const asItem = (view: MeetingView, ctx: Pick<AppContextValue, 'people'>, id: string): PersonItem =>
  ctx.people.get(id) ?? {
    id,
    name:
      view.substitutes.find((p) => p.id === id)?.name ??
      view.actionOwners.find((p) => p.id === id)?.name ??
      view.people.find((p) => p.id === id)?.name ??
      'someone',
    email: '',
    jobTitle: undefined,
    roles: [],
  };

/** Who can own an action raised at the meeting (the server's list: attendees first, then the academy's people). */
export function actionOwners(view: MeetingView, ctx: Pick<AppContextValue, 'people'>): PersonItem[] {
  return view.actionOwners.map((p) => asItem(view, ctx, p.id));
}

/** Who the viewer may send apologies for: anyone still expected when they record the meeting, else only themselves. */
export function apologyCandidates(view: MeetingView, ctx: Pick<AppContextValue, 'people' | 'me'>, canRecord: boolean): PersonItem[] {
  return view.meeting.attendees
    .filter((a) => a.attendance === 'expected' && (canRecord || a.personId === ctx.me.id))
    .map((a) => asItem(view, ctx, a.personId));
}

/** Who could stand in (the server's list: people who may see the academy, not already on the list), by name. */
export function substituteCandidates(view: MeetingView, ctx: Pick<AppContextValue, 'people'>): PersonItem[] {
  return view.substitutes.map((p) => asItem(view, ctx, p.id));
}
