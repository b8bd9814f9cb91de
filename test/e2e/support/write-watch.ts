import type { AuditEntry } from '../../../core/domain/audit';
import type { AuditLog } from '../../../core/ports/audit-log.port';
import { RECORD_COLLECTIONS, type RecordStore } from '../../../core/ports/record-store.port';

/** One write the store itself received: which collection and record. */
export interface Write {
  kind: string;
  id: string;
}

export interface WriteWatch {
  /** Every create, update and remove the store received, in order. */
  writes: Write[];
  /** Every entry the audit log received, in order. */
  audits: AuditEntry[];
  /** What was written and audited since the marks `since()` gave. */
  since(mark: { writes: number; audits: number }): { writes: Write[]; audits: AuditEntry[]; unaudited: Write[] };
  mark(): { writes: number; audits: number };
}

/**
 * Watches a host's store and audit log from the inside: every write the store receives, whoever
 * calls it (a session, a job, or a host that reached around the door), and every audit entry. A
 * write with no audit entry for its record is one the audit trail would never show.
 */
export function watchWrites(store: RecordStore, log: AuditLog): WriteWatch {
  const writes: Write[] = [];
  const audits: AuditEntry[] = [];
  for (const kind of RECORD_COLLECTIONS) {
    const col = store[kind] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const create = col.create!.bind(col);
    const update = col.update!.bind(col);
    const remove = col.remove!.bind(col);
    col.create = async (...a) => {
      const out = (await create(...a)) as { created: boolean; record: { id: string } };
      if (out.created) writes.push({ kind, id: out.record.id });
      return out;
    };
    col.update = async (...a) => {
      const out = (await update(...a)) as { id: string };
      writes.push({ kind, id: out.id });
      return out;
    };
    col.remove = async (...a) => {
      await remove(...a);
      writes.push({ kind, id: (a[0] as { id: string }).id });
    };
  }
  const save = store.trust.save.bind(store.trust);
  (store.trust as { save: typeof save }).save = async (...a) => {
    const out = await save(...a);
    writes.push({ kind: 'trust', id: out.id });
    return out;
  };
  const append = log.append.bind(log);
  log.append = async (e) => {
    await append(e);
    audits.push(e);
  };
  return {
    writes,
    audits,
    mark: () => ({ writes: writes.length, audits: audits.length }),
    since(mark) {
      const w = writes.slice(mark.writes);
      const a = audits.slice(mark.audits);
      return { writes: w, audits: a, unaudited: w.filter((x) => !a.some((e) => e.recordKind === x.kind && e.recordId === x.id)) };
    },
  };
}
