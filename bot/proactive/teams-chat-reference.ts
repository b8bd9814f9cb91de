import type { Person } from '../../core/domain/people';
import type { StoredReference } from '../../core/ports/conversation-references.port';

/**
 * Teams' global Bot Connector endpoint, for a conversation the bot has never heard from (the
 * service routes to the tenant's region; "Send proactive messages", learn.microsoft.com).
 */
export const TEAMS_GLOBAL_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/**
 * The conversation reference for a 1:1 chat found by proactive install (Graph gives the chat id,
 * not a reference): enough for `continueConversation` to post into it.
 */
export function teamsChatReference(
  chatId: string,
  person: Person,
  app: { botId: string; tenantId: string; now: () => Date },
): StoredReference {
  return {
    personId: person.id,
    conversationId: chatId,
    reference: {
      channelId: 'msteams',
      serviceUrl: TEAMS_GLOBAL_SERVICE_URL,
      conversation: { id: chatId, conversationType: 'personal', tenantId: app.tenantId },
      bot: { id: `28:${app.botId}` },
      user: {
        id: person.entraObjectId ?? person.id,
        ...(person.entraObjectId ? { aadObjectId: person.entraObjectId } : {}),
        name: person.name,
      },
    },
    savedAt: app.now().toISOString(),
  };
}
