import { RECORD_COLLECTIONS, type Collection, type RecordStore } from '../../core/ports/record-store.port';

export interface CopySummary {
  kind: string;
  read: number;
  created: number;
  alreadyThere: number;
}

/**
 * Copies a whole trust from one store to another (SQLite → SharePoint). Each create carries the key
 * `copy:<kind>:<id>`, so running it again (after a failure half way) copies only what is missing.
 * With `dryRun` it only counts.
 */
export async function copyTrust(
  from: RecordStore,
  to: RecordStore,
  options: { dryRun?: boolean; log?: (line: string) => void } = {},
): Promise<CopySummary[]> {
  const log = options.log ?? (() => {});
  const summaries: CopySummary[] = [];
  const settings = await from.trust.get();
  if (settings && !options.dryRun && !(await to.trust.get())) {
    const { version: _v, ...value } = settings;
    await to.trust.save(value);
  }
  for (const kind of RECORD_COLLECTIONS) {
    const source = from[kind] as unknown as Collection<{ id: string }>;
    const target = to[kind] as unknown as Collection<{ id: string }>;
    const summary: CopySummary = { kind, read: 0, created: 0, alreadyThere: 0 };
    for await (const record of source.list({})) {
      summary.read++;
      if (options.dryRun) continue;
      const { version: _v, ...value } = record as { id: string; version: string };
      const { created } = await target.create(value, { idempotencyKey: `copy:${kind}:${record.id}` });
      if (created) summary.created++;
      else summary.alreadyThere++;
    }
    log(`${kind}: ${summary.read} read${options.dryRun ? '' : `, ${summary.created} copied, ${summary.alreadyThere} already there`}`);
    summaries.push(summary);
  }
  return summaries;
}
