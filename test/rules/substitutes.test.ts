import { ROLE_LABELS } from '../../core/domain/role-labels';
import { sendMeetingApologies } from '../../core/services/paper-extensions.service';
import { startLocalStack, type RunningStack } from '../e2e/local-stack';
import { demoTrust } from './rules-fixtures';

// Rule: a named substitute hears what the meeting discusses, so must be someone who may see the
// meeting's academy (its staff and governors, or trust roles), and is listed in their own role.

type Attendee = { personId: string; role: string; attendance: string; apology?: { substituteId?: string } };
type MeetingView = { id: string; version: string; chairId: string; academyId: string; attendees: Attendee[] };

let stack: RunningStack;
beforeAll(async () => {
  stack = await startLocalStack('2026-11-23T10:00:00Z');
});
afterAll(async () => stack.stop());

/** The next planned AIM at an academy, as the CEO reads it. */
async function nextAim(academyId: string): Promise<MeetingView> {
  const meetings = (await stack.call('GET', '/api/planner', { as: 'ceo' })).body.meetings as {
    id: string;
    academyId: string;
    kind: string;
    status: string;
    date: string;
  }[];
  const m = meetings.find((x) => x.academyId === academyId && x.kind === 'aim' && x.status === 'planned' && x.date > '2026-11-23')!;
  return (await stack.call('GET', `/api/meetings/${m.id}`, { as: 'ceo' })).body.meeting;
}

describe('a substitute must be able to see the meeting’s academy', () => {
  it('refuses the Brook Lane head standing in for the Oakfield head (400 on substituteId), and nothing is written', async () => {
    const before = await nextAim('oakfield');
    const outsider = (await stack.call('GET', '/api/me', { as: 'head-brook-lane' })).body;
    const res = await stack.call('POST', `/api/meetings/${before.id}/apologies`, {
      as: before.chairId,
      body: {
        personId: 'head-oakfield',
        reason: 'Ofsted call at another school',
        substituteId: 'head-brook-lane',
        version: before.version,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual([
      {
        field: 'substituteId',
        label: 'Substitute',
        message: expect.stringMatching(
          new RegExp(`^${outsider.name} cannot see Oakfield.*’s records, so cannot stand in at this meeting\\.$`),
        ),
      },
    ]);
    const after = (await stack.call('GET', `/api/meetings/${before.id}`, { as: 'ceo' })).body.meeting as MeetingView;
    expect(after.version).toBe(before.version);
    expect(after.attendees.map((a) => a.personId)).not.toContain('head-brook-lane');
    expect((await stack.call('GET', `/api/meetings/${before.id}`, { as: 'head-brook-lane' })).status).toBe(403);
  });

  it('lists the CEO standing in for the head as the CEO, in their own role, not as Headteacher', async () => {
    const m = await nextAim('st-marys');
    const res = await stack.call('POST', `/api/meetings/${m.id}/apologies`, {
      as: m.chairId,
      body: { personId: 'head-st-marys', reason: 'Illness', substituteId: 'ceo', version: m.version },
    });
    expect(res.status).toBe(200);
    const ceo = (res.body.meeting.attendees as Attendee[]).find((a) => a.personId === 'ceo')!;
    expect(ceo.role).toBe('ceo');
    expect(ROLE_LABELS[ceo.role as keyof typeof ROLE_LABELS]).toBe(ROLE_LABELS.ceo);
    expect((res.body.meeting.attendees as Attendee[]).find((a) => a.personId === 'head-st-marys')).toMatchObject({
      role: 'head',
      attendance: 'apologies',
      apology: { substituteId: 'ceo' },
    });
  });

  it('lists another Oakfield governor standing in for the chair of LGB as a governor, not as the chair', async () => {
    const added = await stack.call('POST', '/api/admin/people', {
      as: 'admin',
      body: {
        name: 'Val Moore',
        email: 'val.moore@meadowbank.example',
        roles: [{ role: 'governor', academyId: 'oakfield' }],
        clientKey: 'rules-substitute-val',
      },
    });
    expect(added.status).toBe(201);
    const m = await nextAim('oakfield');
    const res = await stack.call('POST', `/api/meetings/${m.id}/apologies`, {
      as: 'chair-oakfield',
      body: { reason: 'Away on a school trip', substituteId: added.body.person.id, version: m.version },
    });
    expect(res.status).toBe(200);
    expect((res.body.meeting.attendees as Attendee[]).find((a) => a.personId === added.body.person.id)?.role).toBe('governor');
  });

  it('refuses an outsider named in the bot’s apologies too (sendMeetingApologies), with nothing written', async () => {
    const { deps, store, person } = await demoTrust();
    const meetings = (await store.meetings.list({ academyId: 'oakfield' }).page()).items;
    const m = meetings.find((x) => x.kind === 'aim' && x.status === 'planned' && x.date > '2026-11-23')!;
    const headOakfield = await person('head-oakfield');
    await expect(
      sendMeetingApologies(deps, headOakfield, m.id, { reason: 'Illness', substituteId: 'governor-brook-lane', version: m.version }),
    ).rejects.toMatchObject({
      code: 'INPUT.INVALID',
      problems: [{ field: 'substituteId', message: expect.stringContaining('cannot stand in at this meeting') }],
    });
    expect((await store.meetings.get(m.id))!.version).toBe(m.version);
    const fine = await sendMeetingApologies(deps, headOakfield, m.id, { reason: 'Illness', substituteId: 'aid-priya', version: m.version });
    expect(fine.ok && fine.meeting.attendees.find((a) => a.personId === 'aid-priya')?.role).toBe('improvement-director');
  });
});
