import { makeMeeting, makePerson } from '../../core/domain/test-factories';
import { TRUST_MEETING_ACADEMY_ID } from '../../core/domain/meeting';
import { preset } from '../../core/domain/models/presets';
import { calendarChangesFor } from '../../core/services/calendar-sync.service';

// The trust's own meetings (issue 17: Waterton's CEO–SSIO weekly meeting) go into Outlook like an academy's, naming the trust.
describe('the trust’s own meetings in Outlook', () => {
  const model = preset('waterton');
  const ceo = { ...makePerson('ceo', 'Cara Evans', [['ceo']]), email: 'cara.evans@waterton.example' };
  const ssio = { ...makePerson('ssio', 'Sam Iqbal', [['improvement-director']]), email: 'sam.iqbal@waterton.example' };
  const weekly = model.trustMeetings.find((k) => k.id === 'ceo-ssio')!;
  const aim = makeMeeting({ date: '2026-11-16' });
  const trustMeeting = {
    ...aim,
    id: 'trust-ceo-ssio-2026-11-16',
    academyId: TRUST_MEETING_ACADEMY_ID,
    kind: weekly.id,
    chairId: ceo.id,
    attendees: [
      { personId: ceo.id, role: 'ceo' as const, presence: 'chair' as const, attendance: 'expected' as const },
      { personId: ssio.id, role: 'improvement-director' as const, presence: 'expected' as const, attendance: 'expected' as const },
    ],
    papers: [],
  };
  const trust = { model, academies: [], people: [ceo, ssio], trustName: 'Waterton Primary Academy Trust' };

  it('an event in the chair’s mailbox, named by the meeting’s kind and the trust, inviting its attendees', () => {
    const { inputs, failures } = calendarChangesFor([trustMeeting], trust);
    expect(failures).toEqual([]);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({
      meetingId: trustMeeting.id,
      organiserEmail: ceo.email,
      subject: `${weekly.abbreviation}: Waterton Primary Academy Trust`,
      location: 'Waterton Primary Academy Trust',
      attendees: [{ email: ssio.email, name: ssio.name, required: true }],
    });
    expect(inputs[0]!.body).toContain(weekly.name);
  });

  it('a cancelled one is called off, and one of a kind the model no longer has is reported, not sent', () => {
    const cancelled = calendarChangesFor([{ ...trustMeeting, status: 'cancelled' }], trust);
    expect(cancelled.cancellations.map((c) => c.meetingId)).toEqual([trustMeeting.id]);
    const gone = calendarChangesFor([{ ...trustMeeting, kind: 'no-longer-held' }], trust);
    expect(gone.inputs).toEqual([]);
    expect(gone.failures).toEqual([{ meetingId: trustMeeting.id, reason: expect.stringContaining('no-longer-held') }]);
  });
});
