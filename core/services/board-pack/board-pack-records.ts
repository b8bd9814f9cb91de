import type { AuditEntry } from '../../domain/audit';
import type { RagLevel } from '../../domain/models/improvement-model.schema';
import type { AuditLog } from '../../ports/audit-log.port';
import { allPages, collect } from '../../ports/record-store.port';

/**
 * Where a generated pack is recorded: an entry in the audit log under one record, "the trust's board
 * packs", naming the file, its folder, the term, who generated it and each academy's RAG then (which
 * the next pack compares with). The audit log is kept by every host (SQLite locally, Azure Tables in
 * production), so no new list or table is needed; the file itself is in the papers folder.
 */
export const BOARD_PACK_RECORD = { kind: 'boardPacks', id: 'trust' } as const;

export type PackTrigger = 'on-demand' | 'before-board';

export interface BoardPackRecord {
  id: string;
  fileName: string;
  folder: string;
  term: string;
  termLabel: string;
  link: string;
  trigger: PackTrigger;
  generatedAt: string;
  generatedBy: string;
  rag: Record<string, RagLevel>;
}

const FIELDS = ['fileName', 'folder', 'term', 'termLabel', 'link', 'trigger', 'rag'] as const;

export function packEntry(r: BoardPackRecord): AuditEntry {
  return {
    id: r.id,
    recordKind: BOARD_PACK_RECORD.kind,
    recordId: BOARD_PACK_RECORD.id,
    action: 'created',
    actorId: r.generatedBy,
    at: r.generatedAt,
    changes: FIELDS.map((field) => ({ field, after: r[field] })),
  };
}

function recordOf(e: AuditEntry): BoardPackRecord | undefined {
  const after = new Map(e.changes.map((c) => [c.field, c.after]));
  const text = (f: string): string | undefined => (typeof after.get(f) === 'string' ? (after.get(f) as string) : undefined);
  const fileName = text('fileName');
  const folder = text('folder');
  if (e.action !== 'created' || !fileName || !folder) return undefined;
  const rag = after.get('rag');
  return {
    id: e.id,
    fileName,
    folder,
    term: text('term') ?? '',
    termLabel: text('termLabel') ?? '',
    link: text('link') ?? '',
    trigger: text('trigger') === 'before-board' ? 'before-board' : 'on-demand',
    generatedAt: e.at,
    generatedBy: e.actorId,
    rag: typeof rag === 'object' && rag !== null ? (rag as Record<string, RagLevel>) : {},
  };
}

/** Every pack generated, newest first. */
export async function boardPackRecords(audit: AuditLog): Promise<BoardPackRecord[]> {
  const entries = await collect(allPages<AuditEntry>((p) => audit.forRecord(BOARD_PACK_RECORD.kind, BOARD_PACK_RECORD.id, p)));
  return (
    entries
      .flatMap((e) => {
        const r = recordOf(e);
        return r ? [r] : [];
      })
      // Stable: packs generated in the same instant keep the log's own order, newest first.
      .sort((a, b) => b.generatedAt.localeCompare(a.generatedAt))
  );
}
