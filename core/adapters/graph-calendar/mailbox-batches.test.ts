import { batchLayoutProblem } from '../graph/batch';
import { mailboxBatches, widestStep } from './mailbox-batches';

const requests = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `r${i}`, method: 'POST' as const, url: '/users/organiser@trust.example/events' }));

describe('requests to one mailbox laid out as $batches Graph accepts', () => {
  it('puts 10 requests in fully parallel batches of 4, 4 and 2, none with dependsOn', () => {
    const batches = mailboxBatches(requests(10));
    expect(batches.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(batches.flat().every((r) => r.dependsOn === undefined)).toBe(true);
    expect(batches.map(widestStep)).toEqual([4, 4, 2]);
  });

  it('every batch passes the fully-parallel-or-fully-sequential rule, and four parallel chains would not', () => {
    expect(mailboxBatches(requests(45)).map(batchLayoutProblem)).toEqual(Array(12).fill(undefined));
    const chains = requests(8).map((r, i) => (i >= 4 ? { ...r, dependsOn: [`r${i - 4}`] } : r));
    expect(batchLayoutProblem(chains)).toBe('Batch should be either fully sequential or fully parallel');
    const sequential = requests(3).map((r, i) => (i > 0 ? { ...r, dependsOn: [`r${i - 1}`] } : r));
    expect(batchLayoutProblem(sequential)).toBeUndefined();
  });

  it('no requests, no batches', () => {
    expect(mailboxBatches([])).toEqual([]);
  });
});
