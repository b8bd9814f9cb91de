import type { TrustServices } from '../../core/services/trust-services';
import type { ChannelUser, IdentifyBotUser } from './bot-types';

/**
 * Production: the Entra object id Teams puts on every activity (`from.aadObjectId`) names the person.
 * Local (Agents Playground): the Playground's user ids are the demo trust's person ids (see
 * `bot/playground/.m365agentsplayground.yml`), so `from.id` is looked up directly. Never wired in production.
 */
export function identifyBotUser(services: Pick<TrustServices, 'signIn'>, mode: 'local' | 'production'): IdentifyBotUser {
  return async (user: ChannelUser) =>
    (
      await services.signIn({
        kind: 'bot',
        ...(user.aadObjectId ? { entraObjectId: user.aadObjectId } : {}),
        ...(user.id ? { channelUserId: user.id } : {}),
        local: mode === 'local',
      })
    ).person;
}
