import type { AuditEntry } from '../../core/domain/audit';
import type { AuditLog } from '../../core/ports/audit-log.port';
import { allPages, collect } from '../../core/ports/record-store.port';

/**
 * What every AuditLog adapter must do: keep each record's trail apart, newest first (same-millisecond
 * writes in the order they happened), page without skipping or repeating, and refuse a malformed entry.
 */
export function describeAuditLogContract(name: string, open: () => Promise<{ log: AuditLog; close?: () => Promise<void> }>): void {
  describe(`AuditLog contract: ${name}`, () => {
    let log: AuditLog;
    let close: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ log, close } = await open());
    }, 30_000);
    afterAll(async () => {
      await close?.();
    });

    let n = 0;
    const entry = (recordKind: string, recordId: string, at: string, over: Partial<AuditEntry> = {}): AuditEntry => ({
      id: `e${++n}-${Math.random().toString(36).slice(2)}`,
      recordKind,
      recordId,
      action: 'updated',
      actorId: 'aid-graham',
      at,
      changes: [{ field: 'status', before: 'open', after: `step-${n}` }],
      ...over,
    });

    test('a record reads back its own entries, newest first, with who changed what', async () => {
      const first = entry('action', 'a-1', '2026-11-20T09:00:00.000Z', {
        action: 'created',
        changes: [{ field: 'text', after: 'Share the phonics audit' }],
      });
      const second = entry('action', 'a-1', '2026-11-21T09:00:00.000Z');
      await log.append(first);
      await log.append(entry('action', 'a-2', '2026-11-22T09:00:00.000Z'));
      await log.append(entry('meeting', 'a-1', '2026-11-22T09:00:00.000Z'));
      await log.append(second);
      const page = await log.forRecord('action', 'a-1');
      expect(page.items).toEqual([second, first]);
      expect(page.nextCursor).toBeUndefined();
    });

    test('writes in the same millisecond keep the order they happened in', async () => {
      const at = '2026-11-23T10:00:00.000Z';
      const written = [entry('action', 'same-ms', at), entry('action', 'same-ms', at), entry('action', 'same-ms', at)];
      for (const e of written) await log.append(e);
      expect((await log.forRecord('action', 'same-ms')).items.map((e) => e.id)).toEqual([...written].reverse().map((e) => e.id));
    });

    test('pages through a long trail without skipping or repeating', async () => {
      const written: AuditEntry[] = [];
      for (let i = 0; i < 23; i++) written.push(entry('meeting', 'm-long', new Date(Date.UTC(2026, 9, 1, 9, i)).toISOString()));
      for (const e of written) await log.append(e);
      let pages = 0;
      const read = await collect(allPages((p) => (pages++, log.forRecord('meeting', 'm-long', { ...p, pageSize: 5 }))));
      expect(read.map((e) => e.id)).toEqual([...written].reverse().map((e) => e.id));
      expect(pages).toBe(5);
    });

    test('a record with no history reads back empty', async () => {
      expect((await log.forRecord('academy', 'never-touched')).items).toEqual([]);
    });

    test('a malformed entry is refused with the field named, and nothing is written', async () => {
      await expect(log.append({ ...entry('action', 'bad', '2026-11-23T10:00:00.000Z'), actorId: '' })).rejects.toThrow(/Actor/);
      expect((await log.forRecord('action', 'bad')).items).toEqual([]);
    });

    test('a cursor from another listing is refused', async () => {
      await expect(log.forRecord('action', 'a-1', { cursor: 'not-a-cursor' })).rejects.toThrow(/cursor/);
    });
  });
}
