import { z } from 'zod';

const utc = z.iso.datetime({ offset: false });

export const fieldChangeSchema = z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** One write to one record: who made it, when, and which fields changed from what to what. */
export const auditEntrySchema = z.object({
  id: z.string().min(1),
  recordKind: z.string().min(1),
  recordId: z.string().min(1),
  academyId: z.string().optional(),
  action: z.enum(['created', 'updated', 'removed']),
  actorId: z.string().min(1),
  at: utc,
  changes: z.array(fieldChangeSchema),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Fields the store manages itself, left out of what a person changed. */
const BOOKKEEPING = new Set(['version']);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The top-level fields that differ between two versions of a record (a created record has no `before`). */
/** Fields whose values never leave in an audit entry. */
const SECRETS = new Set(['calendarFeedTokenHash']);

export function diffRecords(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of [...fields].sort()) {
    if (BOOKKEEPING.has(field)) continue;
    const b = before?.[field];
    const a = after?.[field];
    if (same(b, a)) continue;
    // A secret's hash (the calendar feed link's) is recorded as changed, never copied into the trail.
    if (SECRETS.has(field))
      changes.push({ field, ...(b !== undefined ? { before: '(hidden)' } : {}), ...(a !== undefined ? { after: '(hidden)' } : {}) });
    else changes.push({ field, ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) });
  }
  return changes;
}
