import { TRUST_MEETING_ACADEMY_ID, type Meeting } from '../domain/meeting';
import { preset } from '../domain/models/presets';
import type { Person } from '../domain/people';
import type { Stored } from '../ports/record-store.port';
import { trustMeetingsFor } from './trust-meetings.service';

/** Who sees a trust meeting (issue 17): the trust's roles, and the people named on it, who see the trust's people and themselves. */
const model = preset('schoolsworks');
const person = (id: string, role: Person['roles'][number]['role'], academyId?: string): Person => ({
  id,
  name: id,
  email: `${id}@trust.example.org`,
  roles: [academyId ? { role, academyId } : { role }],
});
const ceo = person('ceo', 'ceo');
const board = person('trustee', 'board');
const headA = person('head-a', 'head', 'a');
const headB = person('head-b', 'head', 'b');
const governor = person('governor-a', 'governor', 'a');
const forum: Stored<Meeting> = {
  id: 'm1',
  version: '1',
  academyId: TRUST_MEETING_ACADEMY_ID,
  kind: 'heads-forum',
  academicYear: '2026/27',
  halfTerm: 2,
  timing: 'any',
  reason: 'Every half term',
  date: '2026-11-25',
  days: 1,
  startsAt: '2026-11-25T13:30:00Z',
  endsAt: '2026-11-25T15:30:00Z',
  status: 'planned',
  pinned: false,
  chairId: 'ceo',
  attendees: [
    { personId: 'ceo', role: 'ceo', presence: 'chair', attendance: 'expected' },
    { personId: 'head-a', role: 'head', presence: 'expected', attendance: 'expected' },
    { personId: 'head-b', role: 'head', presence: 'expected', attendance: 'expected' },
  ],
  focus: [],
  papers: [{ requirementId: 'data', title: 'Trust data', ownerRole: 'head', ownerId: 'head-b', dueDate: '2026-11-18' }],
  judgements: [],
};

test('the trust’s roles see the whole meeting', () => {
  for (const viewer of [ceo, board]) {
    const [seen] = trustMeetingsFor(viewer, [forum], model);
    expect(seen).toMatchObject({ name: 'Heads’ Forum', chairTitle: 'Chief Executive', attendeeIds: ['ceo', 'head-a', 'head-b'] });
    expect(seen!.papers).toHaveLength(1);
  }
});

test('a head named on it sees it with the trust’s people and themselves, not another school’s head or their paper', () => {
  const [seen] = trustMeetingsFor(headA, [forum], model);
  expect(seen!.attendeeIds).toEqual(['ceo', 'head-a']);
  expect(seen!.papers).toEqual([]);
  expect(JSON.stringify(seen)).not.toContain('head-b');
});

test('someone not named on it sees nothing of it, nor anyone of a cancelled one', () => {
  expect(trustMeetingsFor(governor, [forum], model)).toEqual([]);
  expect(trustMeetingsFor(ceo, [{ ...forum, status: 'cancelled' }], model)).toEqual([]);
  expect(trustMeetingsFor(headB, [forum], model).map((m) => m.papers.map((p) => p.title))).toEqual([['Trust data']]);
});
