import { retry } from './behaviors/retry';
import type { GraphRequest, GraphResponse } from './graph-types';
import { decideRetry, parseRetryAfter, type RetryPolicy } from './retry-decision';

const POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 10_000, budgetMs: 20_000, jitter: 0.5 };
const outcome = { idempotent: true, aborted: false, retriesSoFar: 0, waitedMs: 0 };
const noJitter = () => 0;

describe('the retry decision', () => {
  it('waits exactly as long as Retry-After says on a 429, in seconds or as an HTTP-date', () => {
    expect(decideRetry({ ...outcome, status: 429, retryAfter: '2' }, POLICY, 0, noJitter)).toEqual({ retry: true, delayMs: 2000 });
    expect(decideRetry({ ...outcome, status: 429, retryAfter: '0.25' }, POLICY, 0, noJitter)).toEqual({ retry: true, delayMs: 250 });
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:05 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(5000);
  });

  it('adds jitter on top of Retry-After, never below it', () => {
    const d = decideRetry({ ...outcome, status: 429, retryAfter: '2' }, POLICY, 0, () => 0.999);
    expect(d).toEqual({ retry: true, delayMs: expect.any(Number) });
    expect((d as { delayMs: number }).delayMs).toBeGreaterThanOrEqual(2000);
    expect((d as { delayMs: number }).delayMs).toBeLessThanOrEqual(3000);
  });

  it('backs off exponentially without Retry-After', () => {
    expect(decideRetry({ ...outcome, status: 503, retriesSoFar: 2 }, POLICY, 0, noJitter)).toEqual({ retry: true, delayMs: 400 });
  });

  it('retries a throttled write (not processed) but never a write whose outcome is unknown', () => {
    expect(decideRetry({ ...outcome, idempotent: false, status: 429, retryAfter: '1' }, POLICY, 0, noJitter).retry).toBe(true);
    expect(decideRetry({ ...outcome, idempotent: false, status: 503 }, POLICY, 0, noJitter).retry).toBe(false);
    expect(decideRetry({ ...outcome, idempotent: false, status: 0 }, POLICY, 0, noJitter).retry).toBe(false);
  });

  it('never retries an aborted request, a 4xx, or past the retry count and budget', () => {
    expect(decideRetry({ ...outcome, status: 429, aborted: true }, POLICY).retry).toBe(false);
    expect(decideRetry({ ...outcome, status: 412 }, POLICY).retry).toBe(false);
    expect(decideRetry({ ...outcome, status: 429, retriesSoFar: 3 }, POLICY).retry).toBe(false);
    expect(decideRetry({ ...outcome, status: 429, retryAfter: '5', waitedMs: 16_000 }, POLICY, 0, noJitter).retry).toBe(false);
    expect(decideRetry({ ...outcome, status: 429, retryAfter: '60' }, POLICY, 0, noJitter).retry).toBe(false);
  });
});

describe('the retry behaviour', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  const request: GraphRequest = { method: 'GET', url: 'https://graph.microsoft.com/v1.0/sites/x', headers: {} };
  const throttled: GraphResponse = { status: 429, headers: { 'Retry-After': '3' }, body: {} };
  const ok: GraphResponse = { status: 200, headers: {}, body: { ok: true } };

  it('sends again only once Retry-After has passed', async () => {
    const transport = jest.fn<Promise<GraphResponse>, [GraphRequest]>().mockResolvedValueOnce(throttled).mockResolvedValueOnce(ok);
    const pending = retry({ policy: POLICY, random: noJitter })(transport)(request);
    await jest.advanceTimersByTimeAsync(2999);
    expect(transport).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toBe(ok);
    expect(transport).toHaveBeenCalledTimes(2);
  });

  it('stops waiting and does not send again when the caller aborts', async () => {
    const transport = jest.fn<Promise<GraphResponse>, [GraphRequest]>().mockResolvedValue(throttled);
    const controller = new AbortController();
    const pending = retry({ policy: POLICY, random: noJitter })(transport)({ ...request, signal: controller.signal });
    const seen = expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await jest.advanceTimersByTimeAsync(1000);
    controller.abort();
    await seen;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(transport).toHaveBeenCalledTimes(1);
  });
});
