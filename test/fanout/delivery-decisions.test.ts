import type { DueReminder } from '../../core/services/reminders.service';
import type { DeliveryRecord } from '../../core/ports/delivery-ledger.port';
import {
  decideAfterFailure,
  decideClaim,
  describeFailure,
  isStalled,
  messageForReminder,
  parseDeliveryMessage,
  QUEUE_RETRY,
  reminderOfMessage,
  sendFailureOf,
  shouldEnqueue,
} from '../../core/services/delivery/delivery-decisions';
import { reminderKey } from '../../core/services/delivery/send-decisions';

/** The reminder queue's rules, on fixed times: what a message holds, who may claim a key, what a failure leads to. */
const T = Date.parse('2026-11-23T07:30:00.000Z');
const at = { enqueuedAt: '2026-11-23T07:30:00.000Z', correlationId: 'sweep-1' };
const reminders: DueReminder[] = [
  { kind: 'paper-deadline', personId: 'head-oakfield', meetingId: 'm1', occurrence: 'm1@2026-11-30' },
  {
    kind: 'paper-escalation',
    personId: 'chair-oakfield',
    meetingId: 'm1',
    requirementIds: ['sef', 'data'],
    occurrence: 'm1@sef:2026-11-20,data:2026-11-20',
  },
  { kind: 'notes-approval', personId: 'aid-graham', meetingId: 'm0', occurrence: 'm0@2026-10-15T16:00:00.000Z' },
  { kind: 'attendee-reminder', personId: 'ceo', meetingId: 'm1', occurrence: 'm1@2026-11-30' },
  { kind: 'action-due', personId: 'head-oakfield', actionId: 'a1', occurrence: 'a1@2026-11-25' },
  { kind: 'action-overdue', personId: 'head-oakfield', actionId: 'a2', occurrence: 'a2@2026-11-01' },
];
const message = messageForReminder(reminders[0]!, at);
const sending = (patch: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
  key: message.key,
  kind: message.kind,
  personId: message.personId,
  occurrence: message.occurrence,
  status: 'sending',
  attempts: 1,
  updatedAt: '2026-11-23T07:29:00.000Z',
  message: JSON.stringify(message),
  ...patch,
});

test.each(reminders)('a $kind reminder survives the trip through the queue, keyed by its idempotency key', (r) => {
  const m = messageForReminder(r, at);
  expect(m.key).toBe(reminderKey(r.kind, r.occurrence, r.personId));
  expect(reminderOfMessage(parseDeliveryMessage(JSON.stringify(m))!)).toEqual(r);
  // The Functions trigger hands JSON over already parsed.
  expect(parseDeliveryMessage(JSON.parse(JSON.stringify(m)))).toEqual(m);
});

test('anything that is not a delivery message is refused, not guessed at', () => {
  expect(parseDeliveryMessage('not json')).toBeUndefined();
  expect(parseDeliveryMessage({ ...message, kind: 'birthday' })).toBeUndefined();
  expect(parseDeliveryMessage({ ...message, v: 2 })).toBeUndefined();
  expect(reminderOfMessage({ ...message, meetingId: undefined })).toBeUndefined();
});

test('a sweep leaves out keys already sent or poisoned, and queues every other', () => {
  expect(
    [undefined, 'pending', 'sending', 'failed', 'no-conversation', 'skipped', 'sent', 'poisoned'].map((s) => shouldEnqueue(s as never)),
  ).toEqual([true, true, true, true, true, true, false, false]);
});

test('the first delivery of a key claims it as sending with a lease', () => {
  expect(decideClaim(undefined, message, { nowMs: T, leaseMs: 120_000 })).toEqual({
    claim: true,
    record: {
      key: message.key,
      kind: 'paper-deadline',
      personId: 'head-oakfield',
      occurrence: 'm1@2026-11-30',
      status: 'sending',
      attempts: 0,
      leaseUntil: '2026-11-23T07:32:00.000Z',
      updatedAt: '2026-11-23T07:30:00.000Z',
      correlationId: 'sweep-1',
      message: JSON.stringify(message),
    },
  });
});

test('a key sent, poisoned or skipped is never claimed again', () => {
  for (const status of ['sent', 'poisoned', 'skipped'] as const)
    expect(decideClaim(sending({ status }), message, { nowMs: T, leaseMs: 120_000 })).toEqual({ claim: false, reason: status });
});

test('a copy that finds the key in flight looks again within seconds, and takes it over once the lease has lapsed', () => {
  expect(decideClaim(sending({ leaseUntil: '2026-11-23T07:30:02.000Z' }), message, { nowMs: T, leaseMs: 120_000 })).toEqual({
    claim: false,
    reason: 'in-flight',
    recheckInMs: 2500,
  });
  expect(decideClaim(sending({ leaseUntil: '2026-11-23T07:32:00.000Z' }), message, { nowMs: T, leaseMs: 120_000 })).toEqual({
    claim: false,
    reason: 'in-flight',
    recheckInMs: 5500,
  });
  const taken = decideClaim(sending({ leaseUntil: '2026-11-23T07:29:59.000Z', attempts: 2 }), message, { nowMs: T, leaseMs: 120_000 });
  expect(taken).toMatchObject({ claim: true, record: { status: 'sending', attempts: 2, leaseUntil: '2026-11-23T07:32:00.000Z' } });
});

test('a pending retry or a failed key is claimed with its attempts and last error kept', () => {
  const d = decideClaim(
    sending({ status: 'pending', attempts: 3, lastError: 'HTTP 429: Too Many Requests', leaseUntil: undefined }),
    message,
    { nowMs: T, leaseMs: 60_000 },
  );
  expect(d).toMatchObject({ claim: true, record: { status: 'sending', attempts: 3, lastError: 'HTTP 429: Too Many Requests' } });
});

test('a 429 is retried no sooner than its Retry-After, with exponential backoff otherwise', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };
  expect(
    decideAfterFailure({ attempts: 1, failure: { statusCode: 429, retryAfter: '30', message: '' }, nowMs: T, random: 0 }, policy),
  ).toEqual({ action: 'retry', delayMs: 30_000 });
  expect(decideAfterFailure({ attempts: 1, failure: { statusCode: 502, message: '' }, nowMs: T, random: 0 }, policy)).toEqual({
    action: 'retry',
    delayMs: 500,
  });
  expect(decideAfterFailure({ attempts: 3, failure: { statusCode: 504, message: '' }, nowMs: T, random: 0.999 }, policy)).toEqual({
    action: 'retry',
    delayMs: 3998,
  });
  // No status at all is a network failure: retried like a 502.
  expect(decideAfterFailure({ attempts: 2, failure: { message: 'ECONNRESET' }, nowMs: T, random: 0.5 }, policy)).toEqual({
    action: 'retry',
    delayMs: 1500,
  });
});

test('after the last attempt a retryable failure is poisoned; a failure no retry can mend fails at once', () => {
  expect(decideAfterFailure({ attempts: QUEUE_RETRY.maxAttempts, failure: { statusCode: 429, message: '' }, nowMs: T, random: 0 })).toEqual(
    { action: 'poison' },
  );
  expect(decideAfterFailure({ attempts: 1, failure: { statusCode: 403, message: 'bot blocked' }, nowMs: T, random: 0 })).toEqual({
    action: 'fail',
  });
  expect(decideAfterFailure({ attempts: 1, failure: { statusCode: 404, message: '' }, nowMs: T, random: 0 })).toEqual({ action: 'fail' });
});

test('what the transport threw is read for its status, Retry-After and message', () => {
  const restError = Object.assign(new Error('Too Many Requests'), {
    statusCode: 429,
    response: { headers: { get: (k: string) => (k === 'retry-after' ? '7' : undefined) } },
  });
  expect(sendFailureOf(restError)).toEqual({ statusCode: 429, retryAfter: '7', message: 'Too Many Requests' });
  expect(describeFailure(sendFailureOf(new Error('connect ECONNREFUSED 127.0.0.1:1')))).toBe('network: connect ECONNREFUSED 127.0.0.1:1');
  expect(describeFailure({ statusCode: 502, message: 'x'.repeat(800) })).toHaveLength(500);
});

test('the delivery sweep requeues a sending claim whose lease lapsed and a long-overdue pending retry, nothing else', () => {
  const input = { nowMs: T, graceMs: 60_000 };
  expect(isStalled(sending({ leaseUntil: '2026-11-23T07:28:00.000Z' }), input)).toBe(true);
  expect(isStalled(sending({ leaseUntil: '2026-11-23T07:29:30.000Z' }), input)).toBe(false);
  expect(isStalled(sending({ status: 'pending', updatedAt: '2026-11-23T07:20:00.000Z' }), input)).toBe(true);
  expect(isStalled(sending({ status: 'pending', updatedAt: '2026-11-23T07:29:30.000Z' }), input)).toBe(false);
  expect(isStalled(sending({ status: 'poisoned', updatedAt: '2026-11-01T00:00:00.000Z' }), input)).toBe(false);
});
