import type { RecordStore } from '../../core/ports/record-store.port';
import type { ChannelUser, IdentifyBotUser } from './bot-types';

/**
 * Production: the Entra object id Teams puts on every activity (`from.aadObjectId`) names the person.
 * Local (Agents Playground): the Playground's user ids are the demo trust's person ids (see
 * `bot/playground/.m365agentsplayground.yml`), so `from.id` is looked up directly. Never wired in production.
 */
export function identifyBotUser(store: RecordStore, mode: 'local' | 'production'): IdentifyBotUser {
  return async (user: ChannelUser) => {
    if (user.aadObjectId) {
      const byOid = await store.people.byEntraObjectId(user.aadObjectId);
      if (byOid) return byOid;
    }
    if (mode !== 'local' || !user.id || user.id.length > 200) return undefined;
    return user.id.includes('@') ? store.people.byEmail(user.id) : store.people.get(user.id);
  };
}
