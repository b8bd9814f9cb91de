import { approveNotes, changesRequested, notesAwaitingApproval, writeNotes } from './notes-approval';
import { preset } from './models/presets';
import type { Meeting } from './meeting';
import { dsat, kindOf, makeAcademy, makeMeeting, makePeople, okOf as ok } from './test-factories';

const model = dsat();
const academy = makeAcademy();
const people = makePeople();
const aim = makeMeeting({ kind: 'aim', date: '2026-10-13', status: 'held' });
const afterAim = '2026-10-14T15:00:00.000Z';

const written = (m: Meeting = aim): Meeting =>
  ok(
    writeNotes(
      m,
      { text: 'Focus: teaching and learning. Phonics improving in Year 1.', by: 'aid', now: afterAim },
      kindOf(model, 'aim'),
      people,
      academy,
    ),
  ).meeting;

describe('writeNotes', () => {
  it('asks the head and the chair of LGB to check an AIM’s notes before they circulate', () => {
    const m = written();
    expect(m.notes?.approvals).toEqual([
      { role: 'head', personId: 'head', status: 'pending' },
      { role: 'chair-lgb', personId: 'chair', status: 'pending' },
    ]);
    expect(m.notes?.circulatedAt).toBeUndefined();
    expect(notesAwaitingApproval(m).map((a) => a.personId)).toEqual(['head', 'chair']);
  });

  it('circulates at once for a kind with no approvers (a DSAT iAIM’s brief report)', () => {
    const iaim = makeMeeting({ kind: 'iaim', date: '2026-11-25', status: 'held' });
    const r = ok(
      writeNotes(
        iaim,
        { text: 'Learning walk: Year 3 and 4.', by: 'ceo', now: '2026-11-26T10:00:00.000Z' },
        kindOf(model, 'iaim'),
        people,
        academy,
      ),
    );
    expect(r.meeting.notes?.circulatedAt).toBe('2026-11-26T10:00:00.000Z');
  });

  it('refuses notes before the meeting has happened', () => {
    const r = writeNotes(aim, { text: 'Draft', by: 'aid', now: '2026-10-12T15:00:00.000Z' }, kindOf(model, 'aim'), people, academy);
    expect(r).toMatchObject({ ok: false, code: 'NOTES.MEETING_NOT_YET_HELD' });
  });

  it('refuses when the academy has no chair of LGB to check them', () => {
    const noChair = people.filter((p) => p.id !== 'chair');
    const r = writeNotes(aim, { text: 'Notes', by: 'aid', now: afterAim }, kindOf(model, 'aim'), noChair, academy);
    expect(r).toEqual({
      ok: false,
      code: 'NOTES.NO_APPROVER',
      message: 'Oakfield Primary Academy has no Chair of LGB recorded, so nobody can check the notes; add one first.',
    });
  });

  it('asks only the head at a Waterton ASER', () => {
    const waterton = preset('waterton');
    const aser = makeMeeting({ kind: 'aser', date: '2026-12-15', status: 'held' }, { model: waterton, academy });
    const r = ok(
      writeNotes(aser, { text: 'KPIs reviewed', by: 'aid', now: '2026-12-16T10:00:00.000Z' }, kindOf(waterton, 'aser'), people, academy),
    );
    expect(r.meeting.notes?.approvals.map((a) => a.role)).toEqual(['head']);
  });
});

describe('approveNotes', () => {
  it('notes circulate only when the head and the chair of LGB have both approved', () => {
    const byHead = ok(approveNotes(written(), { personId: 'head', approve: true, now: '2026-10-15T08:00:00.000Z' }));
    expect(byHead.circulated).toBe(false);
    expect(byHead.meeting.notes?.circulatedAt).toBeUndefined();
    expect(notesAwaitingApproval(byHead.meeting).map((a) => a.personId)).toEqual(['chair']);

    const byChair = ok(approveNotes(byHead.meeting, { personId: 'chair', approve: true, now: '2026-10-16T18:00:00.000Z' }));
    expect(byChair.circulated).toBe(true);
    expect(byChair.meeting.notes?.circulatedAt).toBe('2026-10-16T18:00:00.000Z');
    expect(notesAwaitingApproval(byChair.meeting)).toEqual([]);
  });

  it('does not circulate notes when one approver asks for changes, even after the other approves', () => {
    const changes = ok(
      approveNotes(written(), {
        personId: 'chair',
        approve: false,
        comment: 'The governors’ visit was in September, not October',
        now: '2026-10-15T08:00:00.000Z',
      }),
    );
    const byHead = ok(approveNotes(changes.meeting, { personId: 'head', approve: true, now: '2026-10-15T09:00:00.000Z' }));
    expect(byHead.circulated).toBe(false);
    expect(changesRequested(byHead.meeting)).toEqual([
      {
        role: 'chair-lgb',
        personId: 'chair',
        status: 'changes-requested',
        comment: 'The governors’ visit was in September, not October',
        at: '2026-10-15T08:00:00.000Z',
      },
    ]);
  });

  it('rewriting the notes after changes were asked for sets both approvals back to pending', () => {
    const changes = ok(
      approveNotes(written(), { personId: 'chair', approve: false, comment: 'Wrong date', now: '2026-10-15T08:00:00.000Z' }),
    );
    const approvedByHead = ok(approveNotes(changes.meeting, { personId: 'head', approve: true, now: '2026-10-15T09:00:00.000Z' }));
    const rewritten = written(approvedByHead.meeting);
    expect(rewritten.notes?.approvals.map((a) => a.status)).toEqual(['pending', 'pending']);
    expect(changesRequested(rewritten)).toEqual([]);
  });

  it('asks for a comment when changes are requested', () => {
    expect(approveNotes(written(), { personId: 'chair', approve: false, now: afterAim })).toMatchObject({
      ok: false,
      code: 'NOTES.COMMENT_REQUIRED',
    });
  });

  it('refuses anyone not asked to check the notes, such as the headteacher partner', () => {
    expect(approveNotes(written(), { personId: 'partner', approve: true, now: afterAim })).toMatchObject({
      ok: false,
      code: 'NOTES.NOT_AN_APPROVER',
    });
  });

  it('refuses approving twice, and any change once circulated', () => {
    const byHead = ok(approveNotes(written(), { personId: 'head', approve: true, now: afterAim }));
    expect(approveNotes(byHead.meeting, { personId: 'head', approve: true, now: afterAim })).toMatchObject({
      ok: false,
      code: 'NOTES.ALREADY_APPROVED',
    });
    const circulated = ok(approveNotes(byHead.meeting, { personId: 'chair', approve: true, now: afterAim })).meeting;
    expect(approveNotes(circulated, { personId: 'head', approve: false, comment: 'Typo', now: afterAim })).toMatchObject({
      ok: false,
      code: 'NOTES.ALREADY_CIRCULATED',
    });
    expect(writeNotes(circulated, { text: 'Changed', by: 'aid', now: afterAim }, kindOf(model, 'aim'), people, academy)).toMatchObject({
      ok: false,
      code: 'NOTES.ALREADY_CIRCULATED',
    });
  });

  it('refuses approval before any notes are written', () => {
    expect(approveNotes(aim, { personId: 'head', approve: true, now: afterAim })).toMatchObject({ ok: false, code: 'NOTES.NONE_WRITTEN' });
  });
});
