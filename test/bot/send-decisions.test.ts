import { createMemoryReferenceStore, createMemorySentLog } from '../../core/adapters/memory/memory-conversation-references';
import { createProactiveSender } from '../../bot/proactive/proactive-sender';
import { decideRetry, reminderKey, retryAfterMs } from '../../core/services/delivery/send-decisions';
import { noticeCard } from '../../bot/cards/chat-cards';

const policy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 20_000 };

test('retries 429, 412, 502 and 504 but not 400 or 403', () => {
  for (const status of [429, 412, 502, 504]) expect(decideRetry({ status, attempt: 1, nowMs: 0, random: 0.5 }, policy).retry).toBe(true);
  for (const status of [400, 403, 404])
    expect(decideRetry({ status, attempt: 1, nowMs: 0, random: 0.5 }, policy)).toEqual({ retry: false, reason: 'not-retryable' });
});

test('backs off exponentially with jitter, never shorter than Retry-After, and gives up after the last attempt', () => {
  const d1 = decideRetry({ status: 429, attempt: 1, nowMs: 0, random: 0 }, policy);
  const d3 = decideRetry({ status: 429, attempt: 3, nowMs: 0, random: 1 }, policy);
  expect(d1).toEqual({ retry: true, delayMs: 500 });
  expect(d3).toEqual({ retry: true, delayMs: 4000 });
  expect(decideRetry({ status: 429, attempt: 1, nowMs: 0, random: 0, retryAfter: '7' }, policy)).toEqual({ retry: true, delayMs: 7000 });
  expect(decideRetry({ status: 429, attempt: 4, nowMs: 0, random: 0 }, policy)).toEqual({ retry: false, reason: 'attempts-exhausted' });
  expect(decideRetry({ status: 429, attempt: 1, nowMs: 0, random: 0, aborted: true }, policy)).toEqual({ retry: false, reason: 'aborted' });
});

test('reads Retry-After as seconds or as an HTTP date', () => {
  expect(retryAfterMs('3', 0)).toBe(3000);
  expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
  expect(retryAfterMs('soon', 0)).toBeUndefined();
});

describe('the sender', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('waits exactly Retry-After after a 429, then sends; the same reminder to the same person goes once', async () => {
    const references = createMemoryReferenceStore();
    await references.save({ personId: 'head-oakfield', conversationId: 'c1', reference: {}, savedAt: '2026-11-23T10:00:00Z' });
    const sleeps: number[] = [];
    let calls = 0;
    const sender = createProactiveSender({
      references,
      sent: createMemorySentLog(),
      transport: async () => {
        calls++;
        if (calls === 1) throw Object.assign(new Error('throttled'), { statusCode: 429, retryAfter: '2' });
      },
      sleep: (ms) => {
        sleeps.push(ms);
        return new Promise((r) => setTimeout(r, ms));
      },
      random: () => 0,
      limits: { perTenantPerSecond: 1000, perConversationPerSecond: 1000, perConversationPer30Seconds: 1000 },
    });
    const key = reminderKey('paper-deadline', 'm1@2026-12-01', 'head-oakfield');
    const first = sender.send('head-oakfield', key, noticeCard('papers'));
    await jest.advanceTimersByTimeAsync(5000);
    expect(await first).toEqual({ status: 'sent', attempts: 2 });
    expect(sleeps).toEqual([2000]);
    expect(await sender.send('head-oakfield', key, noticeCard('papers'))).toEqual({ status: 'duplicate' });
    expect(calls).toBe(2);
    void sender.stop();
  });

  test('spaces sends to one conversation to stay inside Teams per-conversation limits', async () => {
    const references = createMemoryReferenceStore();
    await references.save({ personId: 'p', conversationId: 'c', reference: {}, savedAt: '2026-11-23T10:00:00Z' });
    const at: number[] = [];
    const sender = createProactiveSender({ references, sent: createMemorySentLog(), transport: async () => void at.push(Date.now()) });
    const all = Promise.all([1, 2, 3, 4].map((i) => sender.send('p', `k${i}`, noticeCard('x'))));
    await jest.advanceTimersByTimeAsync(3000);
    await all;
    expect(at).toHaveLength(4);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(240);
    void sender.stop();
  });
});
