import { diffRecords, type AuditEntry } from '../domain/audit';
import { ConflictError } from '../domain/errors';
import type { AuditLog } from '../ports/audit-log.port';
import type { Clock } from '../ports/clock.port';
import { RECORD_COLLECTIONS, type Collection, type RecordStore, type Stored } from '../ports/record-store.port';
import { describeRecord } from './record-names';

type AnyCollection = Collection<{ id: string }>;

/**
 * The store as one person writes to it: every create, update and remove also appends who made it,
 * when and which fields changed to the audit log. Reads pass straight through. Wrapped per request,
 * so the actor is always the signed-in person (or the named system job).
 */
export function auditedStore(store: RecordStore, audit: AuditLog, actorId: string, clock: Clock, newId: () => string): RecordStore {
  const record = (
    kind: string,
    action: AuditEntry['action'],
    before: object | undefined,
    after: object | undefined,
    id: string,
    academyId?: string,
  ) =>
    audit.append({
      id: newId(),
      recordKind: kind,
      recordId: id,
      ...(academyId ? { academyId } : {}),
      action,
      actorId,
      at: clock.now().toISOString(),
      changes: diffRecords(before as Record<string, unknown> | undefined, after as Record<string, unknown> | undefined),
    });
  const academyOf = (r: object | undefined): string | undefined => {
    const a = (r as { academyId?: unknown } | undefined)?.academyId;
    return typeof a === 'string' ? a : undefined;
  };

  // The store names a conflicting record by its id; the person is told which one they know it as.
  const named = async <T>(kind: string, before: object | undefined, write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      const described = await describeRecord(store, kind, before);
      throw described ? e.withDescription(described) : e;
    }
  };

  const wrap = (kind: string, col: AnyCollection): AnyCollection =>
    new Proxy(col, {
      get(target, prop) {
        if (prop === 'create') {
          return async (value: Parameters<AnyCollection['create']>[0], options: Parameters<AnyCollection['create']>[1]) => {
            const out = await target.create(value, options);
            if (out.created)
              await record(
                kind,
                'created',
                undefined,
                out.record,
                out.record.id,
                academyOf(out.record) ?? (kind === 'academies' ? out.record.id : undefined),
              );
            return out;
          };
        }
        if (prop === 'update') {
          return async (value: Stored<{ id: string }>, options?: Parameters<AnyCollection['update']>[1]) => {
            const before = await target.get(value.id);
            const after = await named(kind, before, () => target.update(value, options));
            await record(kind, 'updated', before, after, after.id, academyOf(after) ?? (kind === 'academies' ? after.id : undefined));
            return after;
          };
        }
        if (prop === 'remove') {
          return async (value: Pick<Stored<{ id: string }>, 'id' | 'version'>, options?: Parameters<AnyCollection['remove']>[1]) => {
            const before = await target.get(value.id);
            await named(kind, before, () => target.remove(value, options));
            await record(kind, 'removed', before, undefined, value.id, academyOf(before));
          };
        }
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });

  const wrapped = Object.fromEntries(RECORD_COLLECTIONS.map((k) => [k, wrap(k, store[k] as unknown as AnyCollection)]));
  return {
    ...wrapped,
    trust: {
      get: (o) => store.trust.get(o),
      save: async (value, o) => {
        const before = await store.trust.get();
        const after = await store.trust.save(value, o);
        await record('trust', before ? 'updated' : 'created', before, after, after.id);
        return after;
      },
    },
    statusInputs: (id, year, o) => store.statusInputs(id, year, o),
    statusInputsForMany: (ids, year, o) => store.statusInputsForMany(ids, year, o),
    close: () => store.close(),
  } as RecordStore;
}
