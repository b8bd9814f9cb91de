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
    user: {
      id: a.from?.id ?? '',
      ...(a.from?.aadObjectId ? { aadObjectId: a.from.aadObjectId } : {}),
      ...(a.from?.name ? { name: a.from.name } : {}),
    },
    conversationId: a.conversation?.id ?? '',
    reference: TurnContext.getConversationReference(a),
  };
}

/** Loopback host names: the Agents Playground and tests, on this machine. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Without a bot app id botbuilder checks no token at all, so anyone could post an activity naming
 * any person and a `serviceUrl` of their own, and have that person's cards sent there. Locally that
 * is only safe for a `serviceUrl` on this machine (the Agents Playground's).
 */
export function isLoopbackServiceUrl(serviceUrl: unknown): boolean {
  if (typeof serviceUrl !== 'string') return false;
  try {
    const url = new URL(serviceUrl);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}

const problem = (code: string, message: string) => ({ error: { code, message } });

/**
 * The response as botbuilder writes it, except that an error (its 401 "Unauthorized Access…", a
 * 400) goes out as JSON in the API's problem shape rather than as text Express would call HTML.
 */
function jsonErrors(res: HostResponse): HostResponse {
  let status = 200;
  const wrapped: HostResponse = {
    status(code: number) {
      status = code;
      res.status(code);
      return wrapped;
    },
    header: (name, value) => (res.header(name, value), wrapped),
    send(body?: unknown) {
      if (status >= 400 && (body === undefined || typeof body === 'string')) {
        res.header('content-type', 'application/json; charset=utf-8');
        res.send(
          problem(
            status === 401 ? 'AUTH.BOT_TOKEN_REQUIRED' : 'BOT.REFUSED',
            typeof body === 'string' && body.length < 300 ? body : 'The activity was refused',
          ),
        );
      } else res.send(body);
      return wrapped;
    },
    end: (...args: unknown[]) => (res.end(...args), wrapped),
  };
  return wrapped;
}

const toActivity = (r: BotReply) =>
  r.card ? MessageFactory.attachment(CardFactory.adaptiveCard(r.card), r.text) : MessageFactory.text(r.text ?? '');

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
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
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
    await adapter.continueConversationAsync(credentials.appId ?? '', ref.reference, async (context) => {
      await context.sendActivity(toActivity({ card }));
    });
  };

  return {
    /**
     * POST /api/messages. With a bot app id (F5 "Debug in Teams", production) an activity must carry a
     * Bot Framework token (botbuilder validates it: signature, issuer, audience = the app id, and the
     * `serviceurl` claim). Without one (the Agents Playground) only a loopback `serviceUrl` is accepted.
     */
    async handle(req: HostRequest, res: HostResponse): Promise<void> {
      const out = jsonErrors(res);
      if (credentials.appId) {
        if (!req.headers.authorization) {
          out.status(401);
          out.send('A Bot Framework token is required (Authorization: Bearer …)');
          out.end();
          return;
        }
      } else if (!isLoopbackServiceUrl((req.body as { serviceUrl?: unknown } | undefined)?.serviceUrl)) {
        out.status(403);
        res.header('content-type', 'application/json; charset=utf-8');
        res.send(
          problem(
            'BOT.SERVICE_URL_REFUSED',
            'Without a bot app id this bot answers only the Agents Playground on this machine: serviceUrl must be http://localhost or http://127.0.0.1.',
          ),
        );
        res.end();
        return;
      }
      await adapter.process(req as never, out as never, (context) => bot.run(context));
    },
    transport,
  };
}
