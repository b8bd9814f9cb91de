import { createHash } from 'node:crypto';
import type { TableEntity } from '@azure/data-tables';
import { tableClient, type StorageAccount } from './storage-account';
import type { ConversationReferenceStore, SentLog, StoredReference } from '../../ports/conversation-references.port';

/** Table keys may not hold / \ # ? or control characters: hash anything that might. */
const safeKey = (s: string): string => (/^[A-Za-z0-9._-]{1,200}$/.test(s) ? s : createHash('sha256').update(s).digest('hex'));

const statusOf = (e: unknown): number | undefined =>
  typeof e === 'object' && e !== null ? (e as { statusCode?: number }).statusCode : undefined;

interface RefEntity {
  conversationId: string;
  reference: string;
  savedAt: string;
}

/**
 * Conversation references and the sent log in Azure Table storage (Azurite locally). One table each;
 * references are partitioned by person, the sent log by reminder kind.
 */
export async function createTableStorage(
  account: StorageAccount,
  options: { referencesTable?: string; sentTable?: string; allowInsecureConnection?: boolean } = {},
): Promise<{ references: ConversationReferenceStore; sent: SentLog }> {
  const clientOptions = options.allowInsecureConnection ? { allowInsecureConnection: true } : {};
  const refs = tableClient(account, options.referencesTable ?? 'conversationreferences', clientOptions);
  const sent = tableClient(account, options.sentTable ?? 'sentreminders', clientOptions);
  await Promise.all([refs.createTable(), sent.createTable()]);

  const references: ConversationReferenceStore = {
    async save(ref, o) {
      const entity: TableEntity<RefEntity> = {
        partitionKey: 'person',
        rowKey: safeKey(ref.personId),
        conversationId: ref.conversationId,
        reference: JSON.stringify(ref.reference),
        savedAt: ref.savedAt,
      };
      await refs.upsertEntity(entity, 'Replace', { abortSignal: o?.signal });
    },
    async get(personId, o) {
      try {
        const e = await refs.getEntity<RefEntity>('person', safeKey(personId), { abortSignal: o?.signal });
        return {
          personId,
          conversationId: e.conversationId,
          reference: JSON.parse(e.reference) as Record<string, unknown>,
          savedAt: e.savedAt,
        };
      } catch (err) {
        if (statusOf(err) === 404) return undefined;
        throw err;
      }
    },
    async removeConversation(conversationId, o) {
      let n = 0;
      const filter = `PartitionKey eq 'person' and conversationId eq '${conversationId.replace(/'/g, "''")}'`;
      for await (const e of refs.listEntities<RefEntity>({ queryOptions: { filter }, abortSignal: o?.signal })) {
        await refs.deleteEntity(e.partitionKey!, e.rowKey!, { abortSignal: o?.signal });
        n++;
      }
      return n;
    },
  };

  const sentLog: SentLog = {
    async claim(key, o) {
      const [kind] = key.split('|');
      try {
        // createEntity fails with 409 when the row exists: the claim is atomic across instances.
        await sent.createEntity({ partitionKey: safeKey(kind ?? 'reminder'), rowKey: safeKey(key), key }, { abortSignal: o?.signal });
        return true;
      } catch (err) {
        if (statusOf(err) === 409) return false;
        throw err;
      }
    },
    async release(key, o) {
      const [kind] = key.split('|');
      try {
        await sent.deleteEntity(safeKey(kind ?? 'reminder'), safeKey(key), { abortSignal: o?.signal });
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
      }
    },
  };
  return { references, sent: sentLog };
}

export type { StoredReference };
