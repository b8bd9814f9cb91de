import type { Person } from '../../core/domain/people';
import type { TrustServices } from '../../core/services/trust-services';
import type { AdaptiveCard } from '../cards/adaptive-card';
import type { CardLinks } from '../cards/card-links';

/** One message back to the person: text, a card, or both. */
export interface BotReply {
  text?: string;
  card?: AdaptiveCard;
}

/** Who sent an activity, as the channel says it (Teams: `from.id` and `from.aadObjectId`). */
export interface ChannelUser {
  id: string;
  aadObjectId?: string;
  name?: string;
}

/** Maps a channel user to a person of the trust; undefined when they are not one. */
export type IdentifyBotUser = (user: ChannelUser) => Promise<Person | undefined>;

/** A card to send to someone else as a result of what a person did (an extension request reaches the chair). */
export interface Notification {
  personId: string;
  /** Never sent twice to the same person (see `reminderKey`). */
  key: string;
  card: AdaptiveCard;
}

/** What the bot needs: the door to the records (a session per turn) and where card links go. */
export interface BotDeps {
  services: TrustServices;
  links: CardLinks;
}
