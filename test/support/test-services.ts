import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../../core/domain/audit';
import type { AuditLog } from '../../core/ports/audit-log.port';
import type { Clock } from '../../core/ports/clock.port';
import type { RecordStore } from '../../core/ports/record-store.port';
import type { SessionDeps } from '../../core/services/session';
import { createTrustServices, type TrustServices } from '../../core/services/trust-services';
import { tabLinks } from '../../bot/cards/card-links';
import type { BotDeps } from '../../bot/conversation/bot-types';

/** An audit log in memory, newest first per record, for tests that read what a write left behind. */
export function createMemoryAuditLog(): AuditLog & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return {
    entries,
    async append(entry) {
      entries.push(entry);
    },
    async forRecord(kind, id) {
      return { items: entries.filter((e) => e.recordKind === kind && e.recordId === id).reverse() };
    },
  };
}

/** The door to a test's store, audited in memory. */
export function testServices(
  store: RecordStore,
  clock: Clock,
  extra: Partial<Omit<SessionDeps, 'store' | 'clock'>> = {},
): TrustServices & { audit: ReturnType<typeof createMemoryAuditLog> } {
  const audit = createMemoryAuditLog();
  return { ...createTrustServices({ store, clock, audit: { log: audit, newId: randomUUID }, ...extra }), audit };
}

/** What the bot needs, on a test's store. */
export function testBotDeps(
  store: RecordStore,
  clock: Clock,
  extra: Partial<Omit<SessionDeps, 'store' | 'clock'>> = {},
): BotDeps & { services: ReturnType<typeof testServices> } {
  return { services: testServices(store, clock, extra), links: tabLinks('http://127.0.0.1:1/tab') };
}
