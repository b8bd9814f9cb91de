import type { Meeting } from '../../core/domain/meeting';
import { type Stored } from '../../core/ports/record-store.port';
import { startLocalStack, type RunningStack } from '../e2e/local-stack';

/**
 * Issue 17, "Done when": `recordInspection` and `setSelfEvaluation` through the real local host, as
 * people of the seeded demo trust; every write audited against the person, every refusal the one a
 * person can act on (400 naming the fields as they read them, 403, 404, 409 for a stale version, 422
 * with the rule's reason).
 */
let stack: RunningStack;
let meetings: Stored<Meeting>[];

beforeAll(async () => {
  stack = await startLocalStack('2026-11-23T10:00:00Z');
  meetings = await stack.local.store.meetings.list({}).toArray();
}, 60_000);
afterAll(async () => stack.stop());

const allExpected = {
  inclusion: 'expected-standard',
  'curriculum-and-teaching': 'expected-standard',
  achievement: 'expected-standard',
  'attendance-and-behaviour': 'expected-standard',
  'personal-development-and-wellbeing': 'expected-standard',
  'leadership-and-governance': 'expected-standard',
};
const versionOf = async (academyId: string) => (await stack.local.store.academies.get(academyId))!.version;
const inspections = (academyId: string) => `/api/academies/${academyId}/inspections`;
const lastEntry = async (academyId: string) =>
  (await stack.call('GET', `/api/history/academies/${academyId}`, { as: 'ceo' })).body.items[0];

describe('recordInspection', () => {
  it('records Oakfield’s first report card for its improvement director, audited, and the iAIMs it now brings say why', async () => {
    const version = await versionOf('oakfield');
    const body = {
      kind: 'report-card',
      date: '2026-10-07',
      areas: { ...allExpected, 'leadership-and-governance': 'needs-attention', 'early-years': 'strong-standard' },
      safeguarding: 'met',
      version,
    };
    const res = await stack.call('POST', inspections('oakfield'), { as: 'aid-graham', body });
    expect(res.status).toBe(200);
    expect(res.body.inspections.latest).toMatchObject({
      kind: 'report-card',
      date: '2026-10-07',
      label: 'Report card: 1 area at needs attention; safeguarding met',
    });
    expect(res.body.inspections.history.map((i: { kind: string }) => i.kind)).toEqual(['report-card', 'grade']);
    expect(res.body.inspections.cadence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          meetingKind: 'iaim',
          text: '3 iAIMs a year because its report card of 7 October 2026 has leadership and governance at needs attention',
        }),
      ]),
    );
    expect(await lastEntry('oakfield')).toMatchObject({
      actorId: 'aid-graham',
      action: 'updated',
      changes: [expect.objectContaining({ field: 'inspections' })],
    });

    // The status the dashboard and the bot read follows at once.
    const status = (await stack.call('GET', '/api/academies/oakfield', { as: 'head-oakfield' })).body;
    expect(status.inspection).toMatchObject({ kind: 'report-card', safeguarding: { label: 'Met' } });
    expect(status.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'RAG.OFSTED_GRADE',
          level: 'amber',
          text: 'Ofsted report card: leadership and governance at needs attention',
        }),
      ]),
    );

    // The same version again is stale: someone else has changed the record since.
    const stale = await stack.call('POST', inspections('oakfield'), { as: 'aid-graham', body: { ...body, date: '2026-10-08' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('RECORD.CONFLICT');
  });

  it('names the fields a report card is missing or has wrong, as a person reads them (400)', async () => {
    const { 'leadership-and-governance': _left, ...five } = allExpected;
    const res = await stack.call('POST', inspections('st-marys'), {
      as: 'admin',
      body: { kind: 'report-card', date: '2026-10-07', areas: { ...five, inclusion: 'good' }, version: await versionOf('st-marys') },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual(
      expect.arrayContaining([
        {
          field: 'areas.inclusion',
          label: 'Report card: Inclusion',
          message: 'choose one of: urgent improvement, needs attention, expected standard, strong standard or exceptional',
        },
        {
          field: 'areas.leadership-and-governance',
          label: 'Report card: Leadership and governance',
          message: 'grade this area: urgent improvement, needs attention, expected standard, strong standard or exceptional',
        },
        { field: 'safeguarding', label: 'Safeguarding', message: 'say whether safeguarding is met or not met' },
      ]),
    );
    const noKind = await stack.call('POST', inspections('st-marys'), { as: 'admin', body: { date: '2026-10-07', version: 'x' } });
    expect(noKind.status).toBe(400);
    expect(noKind.body.error.problems[0]).toMatchObject({
      field: 'kind',
      message: 'say whether this is a single-word grade ("grade") or a report card ("report-card")',
    });
  });

  it('refuses a single-word grade under the renewed framework (422), and anyone but the trust admin, CEO or an improvement director (403)', async () => {
    const grade = { kind: 'grade', grade: 'good', date: '2026-01-14', version: await versionOf('st-marys') };
    const late = await stack.call('POST', inspections('st-marys'), { as: 'ceo', body: grade });
    expect(late.status).toBe(422);
    expect(late.body.error).toEqual({
      code: 'INSPECTION.GRADE_UNDER_RENEWED_FRAMEWORK',
      message:
        'Ofsted has given report cards, not single-word grades, since 10 November 2025: record the report card for 14 January 2026 instead.',
    });
    for (const who of ['head-st-marys', 'chair-st-marys', 'board-chair']) {
      expect((await stack.call('POST', inspections('st-marys'), { as: who, body: { ...grade, date: '2025-06-11' } })).status).toBe(403);
    }
    // Nothing was written by any refusal.
    expect(await versionOf('st-marys')).toBe(grade.version);
  });

  it('lets a head read their own academy’s history but not another’s', async () => {
    const own = await stack.call('GET', inspections('brook-lane'), { as: 'head-brook-lane' });
    expect(own.status).toBe(200);
    expect(own.body.history.map((i: { kind: string; date: string }) => `${i.kind} ${i.date}`)).toEqual([
      'report-card 2026-03-04',
      'grade 2025-01-22',
    ]);
    expect(own.body.can).toEqual({ recordInspection: false, setSelfEvaluation: true });
    expect((await stack.call('GET', inspections('brook-lane'), { as: 'head-oakfield' })).status).toBe(403);
  });
});

describe('setSelfEvaluation', () => {
  const heldAim = (academyId: string) =>
    meetings
      .filter((m) => m.academyId === academyId && m.kind === 'aim' && m.status === 'held')
      .sort((a, b) => b.date.localeCompare(a.date))[0]!;

  it('sets Oakfield’s own view at its AIM for its head, audited, beside its latest report card', async () => {
    const aim = heldAim('oakfield');
    const body = {
      meetingId: aim.id,
      areas: { ...allExpected, 'curriculum-and-teaching': 'strong-standard', 'early-years': 'strong-standard' },
      safeguarding: 'met',
      version: await versionOf('oakfield'),
    };
    const res = await stack.call('PUT', `/api/academies/oakfield/self-evaluation`, { as: 'head-oakfield', body });
    expect(res.status).toBe(200);
    expect(res.body.inspections.selfEvaluation).toMatchObject({
      meetingId: aim.id,
      date: aim.date,
      reportCardDate: '2026-10-07',
      summary: 'Higher than the report card in 2 areas, lower in none',
    });
    expect(await lastEntry('oakfield')).toMatchObject({
      actorId: 'head-oakfield',
      changes: [expect.objectContaining({ field: 'selfEvaluation' })],
    });
    const stale = await stack.call('PUT', `/api/academies/oakfield/self-evaluation`, { as: 'head-oakfield', body });
    expect(stale.status).toBe(409);
  });

  it('refuses it at a meeting the model does not name (422), from a governor (403), at another academy’s meeting (404), and without a meeting (400)', async () => {
    const iaim = meetings.find((m) => m.academyId === 'brook-lane' && m.kind === 'iaim')!;
    const version = await versionOf('brook-lane');
    const body = { meetingId: iaim.id, areas: allExpected, version };
    const wrong = await stack.call('PUT', `/api/academies/brook-lane/self-evaluation`, { as: 'head-brook-lane', body });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toEqual({
      code: 'SELF_EVALUATION.NOT_AT_THIS_MEETING',
      message: 'The trust sets self-evaluation at an Academy Improvement Meeting (AIM), not at an Interim Academy Improvement Meeting.',
    });
    expect(
      (
        await stack.call('PUT', `/api/academies/brook-lane/self-evaluation`, {
          as: 'governor-brook-lane',
          body: { ...body, meetingId: heldAim('brook-lane').id },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await stack.call('PUT', `/api/academies/oakfield/self-evaluation`, {
          as: 'head-oakfield',
          body: { ...body, meetingId: heldAim('brook-lane').id },
        })
      ).status,
    ).toBe(404);
    const none = await stack.call('PUT', `/api/academies/brook-lane/self-evaluation`, {
      as: 'head-brook-lane',
      body: { areas: allExpected, version },
    });
    expect(none.status).toBe(400);
    expect(none.body.error.problems).toEqual([
      { field: 'meetingId', label: 'Meeting', message: 'choose the meeting at which the self-evaluation was set' },
    ]);
    expect(await versionOf('brook-lane')).toBe(version);
  });
});

it('lists recordInspection and setSelfEvaluation in /api/openapi.json', async () => {
  const doc = (await stack.call('GET', '/api/openapi.json', { as: 'ceo' })).body;
  const ids = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) =>
    Object.values(p).map((o) => o.operationId),
  );
  expect(ids).toEqual(expect.arrayContaining(['recordInspection', 'setSelfEvaluation', 'getInspections']));
});
