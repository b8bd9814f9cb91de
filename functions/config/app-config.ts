import { z } from 'zod';
import { parseOrThrow } from '../../core/domain/errors';

/** Configuration from the environment, validated once at start-up; a bad value stops the app with the variable named. */
export const appConfigSchema = z
  .object({
    /** `local` runs on the embedded store with a dev identity; `production` needs a Teams SSO token on every call. */
    TRUST_MODE: z.enum(['local', 'production']).default('local'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3978),
    /** Loopback by default: the local host is not for the network. */
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
  })
  .superRefine((c, ctx) => {
    if (c.TRUST_MODE === 'production' && c.TRUST_STORE === 'sqlite') {
      ctx.addIssue({ code: 'custom', path: ['TRUST_STORE'], message: 'production keeps records in SharePoint: set TRUST_STORE=sharepoint' });
    }
    if (c.TRUST_STORE === 'sharepoint') {
      for (const key of ['SHAREPOINT_SITE_URL', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: `the SharePoint store needs ${key}` });
      }
      const certificate = c.AZURE_CLIENT_CERTIFICATE_PEM !== undefined && c.AZURE_CLIENT_CERTIFICATE_THUMBPRINT !== undefined;
      if (!c.AZURE_CLIENT_SECRET && !certificate) {
        ctx.addIssue({ code: 'custom', path: ['AZURE_CLIENT_SECRET'], message: 'give AZURE_CLIENT_SECRET, or AZURE_CLIENT_CERTIFICATE_PEM with AZURE_CLIENT_CERTIFICATE_THUMBPRINT' });
      }
    }
  });
export type AppConfig = z.infer<typeof appConfigSchema>;

export const loadConfig = (env: Record<string, string | undefined> = process.env): AppConfig => parseOrThrow(appConfigSchema, env, 'configuration');
