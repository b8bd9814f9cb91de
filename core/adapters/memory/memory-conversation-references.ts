import type { ConversationReferenceStore, SentLog, StoredReference } from '../../ports/conversation-references.port';

/** A copy, so a caller changing what it saved or read never changes what is stored (as with a table). */
const copyOf = (ref: StoredReference): StoredReference => structuredClone(ref);

/**
 * Conversation references in memory, one per person (a later save replaces it, as the table
 * adapter's upsert does): for unit tests, the benchmark and a bot composed without storage.
 */
export function createMemoryReferenceStore(): ConversationReferenceStore & { size(): number } {
  const byPerson = new Map<string, StoredReference>();
  return {
    async save(ref) {
      byPerson.set(ref.personId, copyOf(ref));
    },
    async get(personId) {
      const ref = byPerson.get(personId);
      return ref ? copyOf(ref) : undefined;
    },
    async removeConversation(conversationId) {
      let removed = 0;
      for (const [personId, ref] of byPerson) {
        if (ref.conversationId === conversationId && byPerson.delete(personId)) removed++;
      }
      return removed;
    },
    size: () => byPerson.size,
  };
}

/** The sent log in memory: a claim is a set insert, so of two claims of one key only the first wins. */
export function createMemorySentLog(): SentLog & { keys(): string[] } {
  const claimed = new Set<string>();
  return {
    async claim(key) {
      if (claimed.has(key)) return false;
      claimed.add(key);
      return true;
    },
    async release(key) {
      claimed.delete(key);
    },
    keys: () => [...claimed],
  };
}
