import { historyActors, startLoopStack, type LoopStack } from './loop-stack';

/**
 * Issue 16, part 2, through the API: the improvement director records the monitoring visit before
 * Oakfield's AIM as a draft while walking round the school, finishes and submits it later, and the
 * chair cites it as evidence for a judgement at the AIM. Around it: WILO taken only where the
 * trust's model lists it, who sees a draft and who a submitted visit, the audit trail, and the
 * visit the day before the AIM in the director's calendar feed.
 */
let stack: LoopStack;
type M = { id: string; status: string; academyId: string; kind: string; date: string; chairId: string; version: string };
let aim: M;

const TODAY = '2026-11-23';
const visitBody = (overrides: Record<string, unknown> = {}) => ({
  academyId: 'oakfield',
  activity: 'Learning walk',
  date: TODAY,
  startTime: '09:15',
  endTime: '10:00',
  ...overrides,
});
const listFor = async (as: string) => stack.call('GET', '/api/academies/oakfield/monitoring-visits', { as });

beforeAll(async () => {
  stack = await startLoopStack(`${TODAY}T10:00:00Z`);
  const meetings = ((await stack.call('GET', '/api/planner', { as: 'ceo' })).body.meetings as M[])
    .filter((m) => m.academyId === 'oakfield' && m.status === 'planned' && m.kind === 'aim')
    .sort((a, b) => a.date.localeCompare(b.date));
  aim = meetings[0]!;
});
afterAll(async () => stack?.stop());

describe('a monitoring visit recorded as a draft, submitted later and cited at the next AIM', () => {
  let visitId: string;
  let version: string;

  it('saves the director’s half-filled form as a draft, which only the director sees', async () => {
    const res = await stack.call('POST', '/api/monitoring-visits', {
      as: 'aid-graham',
      body: visitBody({ meetingId: aim.id, clientKey: 'journey-visit-1', whatWentWell: ['Phonics groups well matched', ''] }),
    });
    expect(res.status).toBe(201);
    expect(res.body.visit).toMatchObject({
      status: 'draft',
      observerId: 'aid-graham',
      observerRole: 'Improvement Director',
      meetingId: aim.id,
      date: TODAY,
      startTime: '09:15',
      endTime: '10:00',
      startsAt: `${TODAY}T09:15:00.000Z`,
      whatWentWell: ['Phonics groups well matched'],
      can: { change: true, submit: true },
    });
    ({ id: visitId, version } = res.body.visit);
    const again = await stack.call('POST', '/api/monitoring-visits', {
      as: 'aid-graham',
      body: visitBody({ meetingId: aim.id, clientKey: 'journey-visit-1' }),
    });
    expect([again.status, again.body.visit.id]).toEqual([200, visitId]);

    expect(((await listFor('aid-graham')).body.visits as { id: string }[]).map((v) => v.id)).toContain(visitId);
    const forMeeting = async (as: string) =>
      (
        (await stack.call('GET', `/api/meetings/${aim.id}/monitoring-visits`, { as })).body.visits as { id: string; status: string }[]
      ).filter((v) => v.id === visitId);
    expect(await forMeeting('aid-graham')).toEqual([expect.objectContaining({ status: 'draft' })]);
    expect(await forMeeting('head-oakfield')).toEqual([]);
    for (const as of ['head-oakfield', 'ceo', 'governor-oakfield']) {
      const list = await listFor(as);
      expect([as, list.status, (list.body.visits as { id: string }[]).some((v) => v.id === visitId)]).toEqual([as, 200, false]);
      expect([as, (await stack.call('GET', `/api/monitoring-visits/${visitId}`, { as })).status]).toEqual([as, 404]);
    }
  });

  it('refuses a WILO, which DSAT’s form does not list, naming the field and the activities it does', async () => {
    const res = await stack.call('POST', '/api/monitoring-visits', {
      as: 'aid-graham',
      body: visitBody({ activity: 'WILO', clientKey: 'journey-visit-wilo' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual([
      {
        field: 'activity',
        label: 'Activity',
        message:
          '“WILO” is not an activity on this trust’s form; choose one of: Lesson observation, Learning walk, Work analysis, Discussion, Other',
      },
    ]);
  });

  it('will not submit the draft until it has a focus and feedback under Even better if', async () => {
    const res = await stack.call('POST', `/api/monitoring-visits/${visitId}/submission`, { as: 'aid-graham', body: { version } });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: 'MONITORING_VISIT.INCOMPLETE',
      message: 'The form needs correcting: Focus — say what the activity was for; Even better if — add at least one area for development.',
    });
  });

  it('lets only the observer finish the draft; then it is submitted and everyone at Oakfield reads it', async () => {
    const finish = visitBody({
      visitId,
      meetingId: aim.id,
      focus: 'Early reading: phonics catch-up in Year 2',
      whatWentWell: ['Phonics groups well matched', 'Pupils decode unfamiliar words confidently'],
      evenBetterIf: ['Reading books matched to the sounds pupils know'],
      judgements: { 'teaching-learning-assessment': 'good' },
    });
    const byHead = await stack.call('POST', '/api/monitoring-visits', { as: 'head-oakfield', body: { ...finish, version } });
    expect(byHead.status).toBe(404);
    const saved = await stack.call('POST', '/api/monitoring-visits', { as: 'aid-graham', body: { ...finish, version } });
    expect([saved.status, saved.body.visit.status, saved.body.visit.id]).toEqual([200, 'draft', visitId]);
    const stale = await stack.call('POST', '/api/monitoring-visits', { as: 'aid-graham', body: { ...finish, version } });
    expect(stale.status).toBe(409);

    const submitted = await stack.call('POST', `/api/monitoring-visits/${visitId}/submission`, {
      as: 'aid-graham',
      body: { version: saved.body.visit.version },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.visit).toMatchObject({ status: 'submitted', submittedAt: `${TODAY}T10:00:00.000Z`, can: { change: false } });
    for (const as of ['head-oakfield', 'governor-oakfield', 'chair-oakfield', 'ceo', 'board-chair']) {
      const visits = (await listFor(as)).body.visits as { id: string; focus: string }[];
      expect([as, visits.find((v) => v.id === visitId)?.focus]).toEqual([as, 'Early reading: phonics catch-up in Year 2']);
    }
    const change = await stack.call('POST', '/api/monitoring-visits', {
      as: 'aid-graham',
      body: { ...finish, version: submitted.body.visit.version, notes: 'An afterthought' },
    });
    expect([change.status, change.body.error.message]).toEqual([403, 'That visit has been submitted, so it stays as it was submitted.']);
  });

  it('shows nothing to someone with no role at Oakfield, and nothing at all to someone the trust does not know', async () => {
    expect((await listFor('head-st-marys')).status).toBe(403);
    expect((await stack.call('GET', `/api/monitoring-visits/${visitId}`, { as: 'head-st-marys' })).status).toBe(404);
    expect((await stack.call('GET', `/api/meetings/${aim.id}/monitoring-visits`, { as: 'head-st-marys' })).status).toBe(403);
    const stranger = await listFor('nobody@elsewhere.example');
    expect([stranger.status, JSON.stringify(stranger.body)]).toEqual([401, expect.not.stringContaining('phonics')]);
    const governorRecords = await stack.call('POST', '/api/monitoring-visits', {
      as: 'governor-oakfield',
      body: visitBody({ clientKey: 'journey-visit-governor', focus: 'Governor visit' }),
    });
    expect(governorRecords.status).toBe(403);
  });

  it('names the director in the visit’s audit trail', async () => {
    expect(await historyActors(stack, 'monitoringForms', visitId, 'head-oakfield')).toEqual(['aid-graham', 'aid-graham', 'aid-graham']);
  });

  it('puts the monitoring visit the day before the AIM in the director’s calendar feed', async () => {
    const reset = await stack.call('POST', '/api/my-work/calendar-feed/reset', { as: 'aid-graham', body: {} });
    const feed = (await (await fetch(`${stack.base}${new URL(reset.body.url as string).pathname}`)).text()).replace(/\r\n[ \t]/g, '');
    const block = feed.split('BEGIN:VEVENT').find((b) => b.includes(`UID:${aim.id}~monitoring-visit@school-improvement`)) ?? '';
    expect(block).toContain('SUMMARY:Monitoring visit before the AIM: Oakfield Primary Academy');
    const meeting = (await stack.call('GET', `/api/meetings/${aim.id}`, { as: 'aid-graham' })).body;
    const aimStart = (meeting.meeting ?? meeting).startsAt as string;
    const dayBefore = block.match(/DTSTART:(\d{8})T/)?.[1];
    expect(dayBefore).toBeDefined();
    expect(dayBefore! < aimStart.slice(0, 10).replace(/-/g, '')).toBe(true);
  });

  it('offers the submitted visit at the AIM, and the chair cites it as the evidence for a judgement', async () => {
    stack.setNow(`${aim.date}T13:00:00Z`);
    const offered = await stack.call('GET', `/api/meetings/${aim.id}/monitoring-visits`, { as: aim.chairId });
    expect(offered.status).toBe(200);
    const visit = (offered.body.visits as { id: string; findings: string }[]).find((v) => v.id === visitId)!;
    expect(visit.findings).toBe(
      [
        'Learning walk: Early reading: phonics catch-up in Year 2',
        'What went well: Phonics groups well matched; Pupils decode unfamiliar words confidently',
        'Even better if: Reading books matched to the sounds pupils know',
      ].join('\n'),
    );
    const draft = await stack.call('POST', '/api/monitoring-visits', {
      as: 'aid-graham',
      body: visitBody({ clientKey: 'journey-visit-draft-2', focus: 'Maths books' }),
    });
    const current = (await stack.call('GET', `/api/meetings/${aim.id}`, { as: aim.chairId })).body;
    const meetingVersion = (current.meeting ?? current).version as string;
    const citingDraft = await stack.call('POST', `/api/meetings/${aim.id}/judgements`, {
      as: aim.chairId,
      body: { area: 'curriculum-and-teaching', evidence: 'Maths books', evidenceVisitIds: [draft.body.visit.id], version: meetingVersion },
    });
    expect(citingDraft.status).toBe(400);
    expect(citingDraft.body.error.problems[0]).toMatchObject({ field: 'evidenceVisitIds', label: 'Visits cited as evidence' });

    const judged = await stack.call('POST', `/api/meetings/${aim.id}/judgements`, {
      as: aim.chairId,
      body: {
        area: 'curriculum-and-teaching',
        evidence: visit.findings,
        reportCardGrade: 'expected-standard',
        evidenceVisitIds: [visitId],
        version: meetingVersion,
      },
    });
    expect(judged.status).toBe(200);
    expect(judged.body.meeting.judgements).toContainEqual({
      area: 'curriculum-and-teaching',
      evidence: visit.findings,
      reportCardGrade: 'expected-standard',
      evidenceVisitIds: [visitId],
    });
  });

  it('takes a WILO once the trust’s form lists it, as Schoolsworks’ does', async () => {
    const current = (await stack.call('GET', '/api/model', { as: 'ceo' })).body as { model: { monitoringForm: object }; version: string };
    const model = {
      ...current.model,
      monitoringForm: {
        ...current.model.monitoringForm,
        activities: ['Lesson observation', 'Learning walk', 'WILO', 'Work scrutiny', 'Discussion', 'Other'],
      },
    };
    expect((await stack.call('PUT', '/api/model', { as: 'ceo', body: { model, version: current.version } })).status).toBe(200);
    const res = await stack.call('POST', '/api/monitoring-visits', {
      as: 'aid-graham',
      body: visitBody({ activity: 'wilo', yearClass: 'Year 4', clientKey: 'journey-visit-wilo-2' }),
    });
    expect([res.status, res.body.visit?.activity]).toEqual([201, 'WILO']);
  });
});
