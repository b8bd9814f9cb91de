import { z } from 'zod';
import { problemsFrom, ValidationError } from '../../core/domain/errors';

/** The addresses the local host may listen on. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'];

/** Configuration from the environment, validated once at start-up; a bad value stops the app with the variable named. */
export const appConfigSchema = z
  .object({
    /** `local` runs on the embedded store with a dev identity; `production` needs a Teams SSO token on every call. */
    TRUST_MODE: z.enum(['local', 'production']).default('local'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3978),
    /** Loopback only (checked below): the local host, with its dev identity, is not for the network. */
    HOST: z.string().default('127.0.0.1'),
    TRUST_STORE: z.enum(['sqlite', 'sharepoint']).default('sqlite'),
    TRUST_DB: z.string().default('.data/trust.db'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** SharePoint store: the site holding the lists, e.g. https://contoso.sharepoint.com/sites/improvement. */
    SHAREPOINT_SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** The app registration (Entra ID) that calls Graph with `Sites.Selected` on that one site. */
    AZURE_TENANT_ID: z.string().min(1).optional(),
    AZURE_CLIENT_ID: z.string().min(1).optional(),
    /** A client secret, or a certificate (PEM private key + SHA-256 thumbprint): from Key Vault in production, never logged. */
    AZURE_CLIENT_SECRET: z.string().min(1).optional(),
    AZURE_CLIENT_CERTIFICATE_PEM: z.string().min(1).optional(),
    AZURE_CLIENT_CERTIFICATE_THUMBPRINT: z.string().min(1).optional(),
    /** Only to point the adapter at a Graph-compatible test server. */
    GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com/v1.0'),
    /** The app's public origin (the Function App's https URL): links in cards and the tab's address. */
    PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Teams SSO: the app's ID URI (`api://<host>/<client id>`), the `aud` of the tab's tokens (the client id is accepted too). */
    SSO_APP_ID_URI: z.string().min(1).optional(),
    /** The Azure Bot's identity: a user-assigned managed identity in production (no secret), or an app id with a password. */
    BOT_ID: z.string().min(1).optional(),
    BOT_PASSWORD: z.string().min(1).optional(),
    BOT_TYPE: z.enum(['UserAssignedMSI', 'SingleTenant', 'MultiTenant']).default('UserAssignedMSI'),
    /** Storage for the reminder queue, the delivery ledger and conversation references (the Functions host's own account). */
    AzureWebJobsStorage: z.string().min(1).optional(),
    /** Identity-based storage (the deployed default): the account's name, reached with the app's managed identity. */
    AzureWebJobsStorage__accountName: z
      .string()
      .regex(/^[a-z0-9]{3,24}$/, 'a storage account name: 3-24 lower-case letters and digits')
      .optional(),
    /** A user-assigned identity's client id for storage; the system-assigned identity when absent. */
    AzureWebJobsStorage__clientId: z.string().min(1).optional(),
    REMINDER_QUEUE: z
      .string()
      .regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, 'a queue name: 3-63 lower-case letters, digits and single hyphens')
      .default('reminders'),
    /** The one mailbox the app writes meeting events into (restricted by an application access policy). */
    ORGANISER_MAILBOX: z.email().optional(),
    /** The Teams app's id (the manifest's `id`), for deep links from cards into the tab. */
    TEAMS_APP_ID: z.string().min(1).optional(),
    /** The app's id in the tenant's app catalogue, to install it for a person who never opened it. */
    TEAMS_APP_CATALOG_ID: z.string().min(1).optional(),
    /** Daily reminder sweep, UK wall-clock time (the timer fires in UTC and checks this). */
    REMINDER_SWEEP_AT: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm')
      .default('07:30'),
    /**
     * Proactive sends a second from one instance. Teams allows 50 per app per tenant; when the queue
     * trigger scales out to N instances, set this to 50 / N (the Bicep does) so together they stay within it.
     */
    REMINDER_SENDS_PER_SECOND: z.coerce.number().int().min(1).max(50).default(50),
    APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().min(1).optional(),
    /**
     * Rate limits (functions/security/rate-limits.ts), each a number of requests per window, counted
     * in each instance's memory: with N instances of the Functions app a client may get up to N times
     * as many through (README, "Security").
     */
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /** API calls by one signed-in person. */
    RATE_LIMIT_PER_PERSON: z.coerce.number().int().min(1).default(300),
    /** API calls from one address, signed in or not (a school's staff may share one address). */
    RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(1200),
    /** Refused sign-ins (401) from one address: past this, the address waits out the window. */
    RATE_LIMIT_SIGN_IN_FAILURES: z.coerce.number().int().min(1).default(30),
    /** Bot activities from one address (in Azure, Bot Service's own addresses carry every user's). */
    RATE_LIMIT_BOT_PER_ADDRESS: z.coerce.number().int().min(1).default(1200),
    /** Bot activities from one sender (the activity's `from`). */
    RATE_LIMIT_BOT_PER_SENDER: z.coerce.number().int().min(1).default(120),
  })
  .superRefine((c, ctx) => {
    if (c.TRUST_MODE === 'local' && !LOOPBACK_HOSTS.includes(c.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message: `the local host listens on loopback only (${LOOPBACK_HOSTS.join(', ')}); reach it from elsewhere through a private dev tunnel`,
      });
    }
    if (c.TRUST_MODE === 'production' && c.TRUST_STORE === 'sqlite') {
      ctx.addIssue({
        code: 'custom',
        path: ['TRUST_STORE'],
        message: 'production keeps records in SharePoint: set TRUST_STORE=sharepoint',
      });
    }
    if (c.TRUST_STORE === 'sharepoint') {
      for (const key of ['SHAREPOINT_SITE_URL', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: `the SharePoint store needs ${key}` });
      }
      const certificate = c.AZURE_CLIENT_CERTIFICATE_PEM !== undefined && c.AZURE_CLIENT_CERTIFICATE_THUMBPRINT !== undefined;
      if (!c.AZURE_CLIENT_SECRET && !certificate) {
        ctx.addIssue({
          code: 'custom',
          path: ['AZURE_CLIENT_SECRET'],
          message: 'give AZURE_CLIENT_SECRET, or AZURE_CLIENT_CERTIFICATE_PEM with AZURE_CLIENT_CERTIFICATE_THUMBPRINT',
        });
      }
    }
    if (c.TRUST_MODE === 'production') {
      for (const key of ['PUBLIC_BASE_URL', 'SSO_APP_ID_URI', 'BOT_ID', 'ORGANISER_MAILBOX'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: `production needs ${key}` });
      }
      if (!c.AzureWebJobsStorage && !c.AzureWebJobsStorage__accountName) {
        ctx.addIssue({
          code: 'custom',
          path: ['AzureWebJobsStorage'],
          message:
            'production needs storage: AzureWebJobsStorage__accountName (managed identity) or an AzureWebJobsStorage connection string',
        });
      }
      if (c.BOT_TYPE !== 'UserAssignedMSI' && !c.BOT_PASSWORD)
        ctx.addIssue({
          code: 'custom',
          path: ['BOT_PASSWORD'],
          message: `a ${c.BOT_TYPE} bot needs BOT_PASSWORD (or use BOT_TYPE=UserAssignedMSI)`,
        });
    }
  });
export type AppConfig = z.infer<typeof appConfigSchema>;

/**
 * Whether the dev identity (`?as=` / `x-dev-person`) is on: plain local mode only. It is off as soon
 * as anything outside this machine could reach the host or a real identity is expected: a tunnel
 * (PUBLIC_BASE_URL, which F5 "Debug in Teams" sets to the dev tunnel's address), a Teams SSO
 * audience, or a bot app id. Then the caller must present a Teams SSO token, as in production.
 */
export const devIdentityEnabled = (c: AppConfig): boolean =>
  c.TRUST_MODE === 'local' && !c.PUBLIC_BASE_URL && !c.SSO_APP_ID_URI && !c.BOT_ID;

/**
 * The app's settings, or an error naming each bad one by its environment variable ("HOST: …"): the
 * person who reads it is the IT admin setting the app up, and the variable is what they change.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const r = appConfigSchema.safeParse(env);
  if (!r.success)
    throw new ValidationError(
      problemsFrom(r.error).map((p) => ({ ...p, label: p.field })),
      'configuration',
    );
  return r.data;
}
