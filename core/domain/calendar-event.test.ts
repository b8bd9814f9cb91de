import { calendarEventFor } from './calendar-event';
import { preset } from './models/presets';
import type { Meeting } from './meeting';
import type { Person } from './people';

const people: Person[] = [
  { id: 'aid', name: 'Graham Fielding', email: 'graham@trust.example', roles: [{ role: 'improvement-director' }] },
  { id: 'head', name: 'Rachel Adeyemi', email: 'rachel@trust.example', roles: [{ role: 'head', academyId: 'oak' }] },
  { id: 'gov', name: 'Anna Kowalski', email: 'anna@trust.example', roles: [{ role: 'governor', academyId: 'oak' }] },
  { id: 'sub', name: 'Peter Lind', email: 'peter@trust.example', roles: [{ role: 'governor', academyId: 'oak' }] },
  { id: 'hc', name: 'Chris Barton', email: 'chris@trust.example', roles: [{ role: 'headteacher-consultant', academyId: 'oak' }] },
];
const aim = preset('dsat').meetingKinds.find((k) => k.id === 'aim')!;
const meeting: Meeting = {
  id: 'm1',
  academyId: 'oak',
  kind: 'aim',
  academicYear: '2026/27',
  halfTerm: 2,
  timing: 'late',
  reason: '',
  date: '2026-12-02',
  days: 1,
  startsAt: '2026-12-02T09:30:00.000Z',
  endsAt: '2026-12-02T11:30:00.000Z',
  status: 'planned',
  pinned: false,
  chairId: 'aid',
  attendees: [
    { personId: 'aid', role: 'improvement-director', presence: 'chair', attendance: 'expected' },
    { personId: 'head', role: 'head', presence: 'expected', attendance: 'expected' },
    {
      personId: 'gov',
      role: 'governor',
      presence: 'expected',
      attendance: 'apologies',
      apology: { reason: 'Work', givenAt: '2026-11-25T10:00:00.000Z', substituteId: 'sub' },
    },
    { personId: 'hc', role: 'headteacher-consultant', presence: 'where-appropriate', attendance: 'expected' },
  ],
  focus: ['achievement'],
  papers: [{ requirementId: 'heads-report', title: 'Headteacher’s report', ownerRole: 'head', dueDate: '2026-11-25' }],
  judgements: [],
};

describe('a meeting as a calendar event', () => {
  const e = calendarEventFor(meeting, aim, { name: 'Oakfield Primary Academy' }, people);

  it('lives in the chair’s calendar with the kind and academy as its subject', () => {
    expect(e).toMatchObject({
      organiserEmail: 'graham@trust.example',
      subject: 'AIM: Oakfield Primary Academy',
      online: true,
      startsAt: meeting.startsAt,
    });
  });

  it('invites those expected, marks "where appropriate" as optional, and swaps apologies for the named substitute', () => {
    expect(e.attendees).toEqual([
      { email: 'rachel@trust.example', name: 'Rachel Adeyemi', required: true },
      { email: 'chris@trust.example', name: 'Chris Barton', required: false },
      { email: 'peter@trust.example', name: 'Peter Lind', required: true },
    ]);
  });

  it('carries the agenda and the paper deadlines in its body, with the time in UK time', () => {
    expect(e.body).toContain('Wednesday 2 December 2026 at 09:30 (UK time)');
    expect(e.body).toContain('Agenda:');
    expect(e.body).toContain('Headteacher’s report by Wednesday 25 November 2026');
  });
});
