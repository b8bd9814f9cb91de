import { TRUST_MEETING_ACADEMY_ID } from '../../core/domain/meeting';
import type { TrustMeetingKind } from '../../core/domain/models/trust-meetings.schema';
import { startLoopStack, type LoopStack } from '../loop/loop-stack';

/**
 * A trust whose model has a board meeting of its own (issue 17 part 2): the pack goes into that
 * meeting's papers folder, the model's lead days for its papers before it (here 7), not on the
 * termly fallback; on demand too.
 */
let stack: LoopStack;
let boardMeetingId: string;
const BOARD: TrustMeetingKind = {
  id: 'trust-board',
  name: 'Trust Board',
  abbreviation: 'Board',
  label: 'Each term',
  cadence: { every: 'slots', slots: [{ halfTerm: 2, timing: 'late' }] },
  durationMinutes: 120,
  startTime: '17:30',
  chair: 'ceo',
  attendees: ['board'],
  papers: [{ id: 'board-report', title: 'School improvement report to the board', owner: 'ceo', leadDays: 7 }],
  reports: [],
} as TrustMeetingKind;

beforeAll(async () => {
  stack = await startLoopStack('2026-11-30T08:00:00Z');
  const store = stack.local.store;
  const settings = (await store.trust.get())!;
  await store.trust.save({ ...settings, model: { ...settings.model, trustMeetings: [...settings.model.trustMeetings, BOARD] } });
  // The board's meeting on Tuesday 8 December, as the planner would have placed it (shaped from a seeded meeting).
  const [some] = await store.meetings.list({ academyId: 'oakfield' }).toArray();
  const { id: _id, version: _v, ...shape } = some!;
  const created = await store.meetings.create(
    {
      ...shape,
      academyId: TRUST_MEETING_ACADEMY_ID,
      kind: 'trust-board',
      date: '2026-12-08',
      status: 'planned',
      papers: [],
      judgements: [],
      chairId: 'ceo',
    },
    { idempotencyKey: 'test-board-meeting' },
  );
  boardMeetingId = created.record.id;
}, 60_000);
afterAll(async () => stack?.stop());

const packs = async () =>
  (await stack.call('GET', '/api/board-packs', { as: 'board-chair' })).body.items as { how: string; link: string; fileName: string }[];

describe('a board meeting in the model', () => {
  it('is not due more than its 7 lead days before', async () => {
    expect(await stack.local.services.jobs.generateDueBoardPack()).toMatchObject({ generated: 0, dueOn: '2026-12-01' });
    expect(await packs()).toEqual([]);
  });

  it('gets its pack in its own papers folder on the due day, once', async () => {
    stack.setNow('2026-12-01T07:30:00Z');
    expect(await stack.local.services.jobs.generateDueBoardPack()).toMatchObject({ generated: 1 });
    expect(await stack.local.services.jobs.generateDueBoardPack()).toMatchObject({ generated: 0 });
    const [pack] = await packs();
    expect(pack!.how).toBe('Generated before the board meeting');
    expect(pack!.link).toContain(`/api/meetings/${encodeURIComponent(boardMeetingId)}/papers/files/`);
  }, 60_000);

  it('takes a pack generated on demand this term into the same folder', async () => {
    const res = await stack.call('POST', '/api/board-packs', { as: 'ceo', body: {} });
    expect(res.status).toBe(201);
    expect(res.body.pack.link).toContain(`/api/meetings/${encodeURIComponent(boardMeetingId)}/papers/files/`);
  }, 60_000);
});
