import type { AdaptiveCard } from '../cards/adaptive-card';
import { noticeCard } from '../cards/chat-cards';
import type { ConversationReferenceStore } from '../../core/ports/conversation-references.port';
import type { ProactiveSender } from '../proactive/proactive-sender';
import type { BotDeps, BotReply, ChannelUser, IdentifyBotUser } from './bot-types';
import { handleCardAction } from './card-actions';
import { handleChat } from './chat-handler';

/** Where an activity came from: who, which conversation, and the reference to reach them again. */
export interface TurnOrigin {
  user: ChannelUser;
  conversationId: string;
  /** The serialised conversation reference (opaque outside the hosting module). */
  reference: Record<string, unknown>;
}

const NOT_A_MEMBER =
  'I can only help people of the trust. If your trust administrator has added you, open the app’s Dashboard tab once so I can recognise you; otherwise ask them to add you, then try again.';

/**
 * The bot without the SDK: the hosting module turns activities into these calls and the results
 * back into activities, so swapping botbuilder for the Agents SDK touches that module only.
 */
export function createBotApp(options: {
  deps: BotDeps;
  identify: IdentifyBotUser;
  references: ConversationReferenceStore;
  sender?: ProactiveSender;
  now?: () => Date;
  onError?: (e: unknown) => void;
  /**
   * The bot has just got a conversation with this person that it did not have before (install, or
   * their first message): what is waiting for them goes out now rather than at tomorrow's sweep.
   */
  onFirstConversation?: (personId: string) => Promise<unknown>;
}) {
  const { deps, identify, references } = options;
  const known = new Set<string>();
  const now = options.now ?? (() => deps.services.clock.now());

  /**
   * Conversation references are stored on install and on the first message from each conversation.
   * A conversation the store did not already hold for the person is a first one: their waiting
   * reminders are sent after the turn (a restart re-reads the store, so it is not first again).
   */
  async function remember(personId: string, origin: TurnOrigin): Promise<void> {
    const k = `${personId}|${origin.conversationId}`;
    if (known.has(k)) return;
    const before = await references.get(personId);
    await references.save({ personId, conversationId: origin.conversationId, reference: origin.reference, savedAt: now().toISOString() });
    known.add(k);
    if (before?.conversationId !== origin.conversationId && options.onFirstConversation) {
      void options.onFirstConversation(personId).catch((e: unknown) => options.onError?.(e));
    }
  }

  return {
    /** A chat message: the replies to send back. */
    async onMessage(origin: TurnOrigin, text: unknown): Promise<BotReply[]> {
      const person = await identify(origin.user);
      if (!person) return [{ text: NOT_A_MEMBER }];
      await remember(person.id, origin);
      return handleChat(deps.services.open(person), deps.links, text);
    },

    /** A Universal Action: the card that replaces the one clicked; cards for others go out through the sender. */
    async onCardAction(origin: TurnOrigin, verb: unknown, data: unknown): Promise<AdaptiveCard> {
      const person = await identify(origin.user);
      if (!person) return noticeCard(NOT_A_MEMBER, { tone: 'problem' });
      await remember(person.id, origin);
      const result = await handleCardAction({ session: deps.services.open(person), links: deps.links }, verb, data);
      return result.card;
    },

    /** The app was installed (or the bot added to a conversation). */
    async onInstalled(origin: TurnOrigin): Promise<void> {
      const person = await identify(origin.user);
      if (person) await remember(person.id, origin);
    },

    /** The app was uninstalled: forget how to reach that conversation. */
    async onUninstalled(conversationId: string): Promise<void> {
      for (const k of known) if (k.endsWith(`|${conversationId}`)) known.delete(k);
      await references.removeConversation(conversationId);
    },
  };
}

export type BotApp = ReturnType<typeof createBotApp>;
