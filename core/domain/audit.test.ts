import { diffRecords } from './audit';

describe('what changed in a write', () => {
  it('names each field that changed with its old and new value, and leaves the rest out', () => {
    const before = { id: 'a1', status: 'open', dueDate: '2026-12-04', text: 'Book moderation', version: '3' };
    const after = { id: 'a1', status: 'in-progress', dueDate: '2026-12-11', text: 'Book moderation', version: '4' };
    expect(diffRecords(before, after)).toEqual([
      { field: 'dueDate', before: '2026-12-04', after: '2026-12-11' },
      { field: 'status', before: 'open', after: 'in-progress' },
    ]);
  });

  it('a created record lists every field it was created with', () => {
    expect(diffRecords(undefined, { id: 'x', text: 'New' }).map((c) => c.field)).toEqual(['id', 'text']);
  });

  it('a nested change (a paper submitted) shows as its field', () => {
    const before = { papers: [{ requirementId: 'heads-report' }] };
    const after = { papers: [{ requirementId: 'heads-report', submittedAt: '2026-11-20T10:00:00.000Z' }] };
    expect(diffRecords(before, after)).toHaveLength(1);
    expect(diffRecords(before, after)[0]!.field).toBe('papers');
  });

  it('a removed field shows with its old value only', () => {
    expect(diffRecords({ completedAt: '2026-11-01T09:00:00.000Z' }, {})).toEqual([
      { field: 'completedAt', before: '2026-11-01T09:00:00.000Z' },
    ]);
  });
});
