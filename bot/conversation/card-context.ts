import type { Meeting } from '../../core/domain/meeting';
import { allPages, collect, type Stored } from '../../core/ports/record-store.port';
import { loadTrust } from '../../core/services/service-context';
import type { PaperCardContext } from '../cards/paper-cards';
import type { BotDeps } from './bot-types';

/** Names by person id, for cards (people are few: a trust has hundreds, not millions). */
export async function peopleDirectory(deps: BotDeps) {
  const people = await collect(allPages((p) => deps.store.people.list({}, p)));
  const byId = new Map(people.map((p) => [p.id, p]));
  return { people, nameOf: (id: string) => byId.get(id)?.name ?? 'someone' };
}

/** What a meeting's cards need besides the meeting: academy and kind names, people, today. */
export async function meetingCardContext(deps: BotDeps, meeting: Meeting) {
  const [trust, academy, dir] = await Promise.all([loadTrust(deps), deps.store.academies.get(meeting.academyId), peopleDirectory(deps)]);
  const kind = trust.model.meetingKinds.find((k) => k.id === meeting.kind);
  return { trust, kind, academyName: academy?.name ?? meeting.academyId, kindName: kind?.name ?? meeting.kind, dir };
}

/** The paper card's context for one viewer; substitutes are people at the same academy not already attending. */
export async function paperCardContext(deps: BotDeps, meeting: Stored<Meeting>, viewerId: string, problem?: string): Promise<PaperCardContext> {
  const c = await meetingCardContext(deps, meeting);
  const attending = new Set(meeting.attendees.map((a) => a.personId));
  const substitutes = c.dir.people.filter((p) => !attending.has(p.id) && p.roles.some((r) => r.academyId === meeting.academyId)).map((p) => ({ id: p.id, name: p.name }));
  return { links: deps.links, today: c.trust.today, academyName: c.academyName, kindName: c.kindName, nameOf: c.dir.nameOf, viewerId, substitutes, ...(problem ? { problem } : {}) };
}
