/**
 * The ONE module that imports `botbuilder` (archived at the end of 2025; its successor is the
 * Microsoft 365 Agents SDK). Everything else in `bot/` talks to `BotApp`, `ProactiveTransport` and
 * plain JSON conversation references, so swapping SDKs touches this file only.
 */
import {
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationReference,
} from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card';
import type { BotApp, TurnOrigin } from '../conversation/bot-app';
import type { BotReply } from '../conversation/bot-types';
import type { StoredReference } from '../../core/ports/conversation-references.port';
import type { ProactiveTransport } from '../proactive/proactive-sender';

export interface BotCredentials {
  /** Empty locally: the Agents Playground talks to the bot without authentication. */
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

/** Minimal request/response shapes (Express and Azure Functions adapters both provide them). */
export interface HostRequest {
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
  method?: string;
}
export interface HostResponse {
  status(code: number): unknown;
  header(name: string, value: unknown): unknown;
  send(body?: unknown): unknown;
  end(...args: unknown[]): unknown;
}

function originOf(context: TurnContext): TurnOrigin {
  const a = context.activity;
  return {
    user: { id: a.from?.id ?? '', ...(a.from?.aadObjectId ? { aadObjectId: a.from.aadObjectId } : {}), ...(a.from?.name ? { name: a.from.name } : {}) },
    conversationId: a.conversation?.id ?? '',
    reference: TurnContext.getConversationReference(a) as unknown as Record<string, unknown>,
  };
}

const toActivity = (r: BotReply) => (r.card ? MessageFactory.attachment(CardFactory.adaptiveCard(r.card), r.text) : MessageFactory.text(r.text ?? ''));

/** Routes Teams activities to the bot app. */
class TrustBot extends TeamsActivityHandler {
  constructor(private readonly app: BotApp) {
    super();
    this.onMessage(async (context, next) => {
      const replies = await this.app.onMessage(originOf(context), context.activity.text);
      for (const r of replies) await context.sendActivity(toActivity(r));
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.app.onInstalled(originOf(context));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.app.onUninstalled(context.activity.conversation.id);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      // In a personal chat the bot being added is the install; remember the user who added it.
      if (context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id)) await this.app.onInstalled(originOf(context));
      await next();
    });
  }

  /**
   * Universal Actions: Teams sends `adaptiveCard/action` for each `Action.Execute` click and each
   * `refresh`; the response carries the card to show, with content type
   * `application/vnd.microsoft.card.adaptive` ("Work with Universal Actions for Adaptive Cards", learn.microsoft.com).
   */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const action = invokeValue?.action as { verb?: unknown; data?: unknown } | undefined;
    const card = await this.app.onCardAction(originOf(context), action?.verb, action?.data);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as unknown as Record<string, unknown> };
  }
}

/** The bot on botbuilder's CloudAdapter: an HTTP handler for `/api/messages` and a proactive transport. */
export function createBotbuilderHost(app: BotApp, credentials: BotCredentials = {}, onError?: (e: unknown) => void) {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: credentials.appId ?? '',
    MicrosoftAppPassword: credentials.appPassword ?? '',
    MicrosoftAppTenantId: credentials.tenantId ?? '',
    MicrosoftAppType: credentials.appType ?? 'MultiTenant',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    onError?.(error);
    await context.sendActivity('Sorry, something went wrong on my side. Please try again in a moment.');
  };
  const bot = new TrustBot(app);

  const transport: ProactiveTransport = async (ref: StoredReference, card: AdaptiveCard) => {
    await adapter.continueConversationAsync(credentials.appId ?? '', ref.reference as unknown as Partial<ConversationReference>, async (context) => {
      await context.sendActivity(toActivity({ card }));
    });
  };

  return {
    /** POST /api/messages. */
    async handle(req: HostRequest, res: HostResponse): Promise<void> {
      await adapter.process(req as never, res as never, (context) => bot.run(context));
    },
    transport,
  };
}
