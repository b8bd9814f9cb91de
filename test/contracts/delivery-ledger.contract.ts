import type { DeliveryLedger, DeliveryRecord } from '../../core/ports/delivery-ledger.port';

const record = (key: string, patch: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
  key,
  kind: key.split('|')[0]!,
  personId: key.split('|')[2] ?? 'someone',
  occurrence: key.split('|')[1] ?? 'o',
  status: 'sending',
  attempts: 0,
  leaseUntil: '2026-11-23T07:32:00.000Z',
  updatedAt: '2026-11-23T07:30:00.000Z',
  message: JSON.stringify({ key }),
  ...patch,
});

/** The `DeliveryLedger` contract: compare-and-set per key, which the exactly-once delivery rests on. */
export function deliveryLedgerContract(name: string, make: () => Promise<DeliveryLedger>): void {
  describe(`DeliveryLedger contract: ${name}`, () => {
    test('a key is claimed by exactly one of many concurrent inserts', async () => {
      const ledger = await make();
      const key = 'attendee-reminder|m1@2026-11-24|ceo';
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => ledger.insert(record(key, { correlationId: `c${i}` }))));
      expect(results.filter((r) => r !== undefined)).toHaveLength(1);
      const stored = await ledger.get(key);
      expect(stored?.record).toEqual(record(key, { correlationId: stored!.record.correlationId! }));
      expect(stored?.etag).toBe(results.find((r) => r !== undefined));
    });

    test('replace writes only over the version read: a stale etag loses and changes nothing', async () => {
      const ledger = await make();
      const key = 'action-due|a1@2026-11-25|head-oakfield';
      const etag = (await ledger.insert(record(key)))!;
      const next = await ledger.replace(
        record(key, { status: 'sent', attempts: 1, sentAt: '2026-11-23T07:30:01.000Z', leaseUntil: undefined }),
        etag,
      );
      expect(next).toBeDefined();
      expect(await ledger.replace(record(key, { status: 'poisoned' }), etag)).toBeUndefined();
      const now = await ledger.get(key);
      expect(now?.record).toMatchObject({ status: 'sent', attempts: 1, sentAt: '2026-11-23T07:30:01.000Z' });
      expect(now?.record.leaseUntil).toBeUndefined();
      expect(now?.etag).toBe(next);
    });

    test('a missing key reads as undefined and replacing it fails', async () => {
      const ledger = await make();
      expect(await ledger.get('notes-approval|nope|nobody')).toBeUndefined();
      expect(await ledger.replace(record('notes-approval|nope|nobody'), 'W/"datetime\'2026-01-01T00%3A00%3A00Z\'"')).toBeUndefined();
    });

    test('keys with characters a table key cannot hold, and long keys, still round-trip', async () => {
      const ledger = await make();
      const odd = `paper-escalation|m/1#x?@2026-11-30,${'r'.repeat(600)}|chair-oakfield`;
      expect(await ledger.insert(record(odd))).toBeDefined();
      expect((await ledger.get(odd))?.record.key).toBe(odd);
      expect((await ledger.getMany([odd])).get(odd)?.record.key).toBe(odd);
    });

    test('getMany reads many keys across kinds and leaves out the missing ones', async () => {
      const ledger = await make();
      const keys = Array.from({ length: 40 }, (_, i) => `${i % 2 ? 'action-due' : 'paper-deadline'}|o${i}|p${i}`);
      await Promise.all(keys.slice(0, 30).map((k) => ledger.insert(record(k))));
      const got = await ledger.getMany(keys);
      expect([...got.keys()].sort()).toEqual(keys.slice(0, 30).sort());
      expect(got.get(keys[3]!)?.record.personId).toBe('p3');
    });

    test('list gives the records in the statuses asked for, most recently updated first, up to the limit', async () => {
      const ledger = await make();
      await ledger.insert(
        record('action-overdue|a|p1', { status: 'poisoned', updatedAt: '2026-11-23T08:00:00.000Z', lastError: 'HTTP 502: Bad Gateway' }),
      );
      await ledger.insert(record('action-overdue|b|p2', { status: 'failed', updatedAt: '2026-11-23T09:00:00.000Z' }));
      await ledger.insert(record('action-overdue|c|p3', { status: 'sent', updatedAt: '2026-11-23T10:00:00.000Z' }));
      expect((await ledger.list(['poisoned', 'failed'])).map((r) => r.key)).toEqual(['action-overdue|b|p2', 'action-overdue|a|p1']);
      expect((await ledger.list(['poisoned', 'failed'], { limit: 1 })).map((r) => r.key)).toEqual(['action-overdue|b|p2']);
      expect((await ledger.list(['poisoned']))[0]).toMatchObject({ lastError: 'HTTP 502: Bad Gateway' });
      expect(await ledger.list([])).toEqual([]);
    });
  });
}
