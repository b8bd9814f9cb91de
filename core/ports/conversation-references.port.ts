/**
 * Where the bot can reach a person proactively: the Bot Framework conversation reference saved when
 * the app was installed or first messaged (Teams: a bot can only message a user who has it installed).
 * Kept as opaque JSON so no SDK type leaks out of the hosting module.
 */
export interface StoredReference {
  personId: string;
  conversationId: string;
  /** The serialised `ConversationReference`. */
  reference: Record<string, unknown>;
  savedAt: string;
}

export interface ConversationReferenceStore {
  save(ref: StoredReference, options?: { signal?: AbortSignal }): Promise<void>;
  get(personId: string, options?: { signal?: AbortSignal }): Promise<StoredReference | undefined>;
  /** Removes every reference of a conversation (the app was uninstalled there). */
  removeConversation(conversationId: string, options?: { signal?: AbortSignal }): Promise<number>;
}

/** Records which reminders went out, so the same one never goes to the same person twice. */
export interface SentLog {
  /** Claims `key`; false when it was already claimed (already sent or being sent). */
  claim(key: string, options?: { signal?: AbortSignal }): Promise<boolean>;
  /** Releases a claim whose send failed for good, so a later sweep may try again. */
  release(key: string, options?: { signal?: AbortSignal }): Promise<void>;
}
