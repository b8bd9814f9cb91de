import { chainedBatches, widestStep } from './mailbox-batches';

const requests = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, method: 'POST' as const, url: '/users/organiser@trust.example/events' }));

describe('requests to one mailbox laid out as $batch chains', () => {
  it('puts 45 requests in batches of 20, 20 and 5, each with at most 4 running at once', () => {
    const batches = chainedBatches(requests(45));
    expect(batches.map((b) => b.length)).toEqual([20, 20, 5]);
    expect(batches.map(widestStep)).toEqual([4, 4, 4]);
  });

  it('chains request i after request i - 4 within its own batch, so a batch never waits on another', () => {
    const [first, second] = chainedBatches(requests(24));
    expect(first![4]!.dependsOn).toEqual(['r0']);
    expect(first![19]!.dependsOn).toEqual(['r15']);
    expect(second!.map((r) => r.dependsOn)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('a batch of three runs all three at once; no requests, no batches', () => {
    expect(chainedBatches(requests(3)).map(widestStep)).toEqual([3]);
    expect(chainedBatches([])).toEqual([]);
  });
});
