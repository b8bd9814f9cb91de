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
  })
  .superRefine((c, ctx) => {
    if (c.TRUST_MODE === 'production' && c.TRUST_STORE === 'sqlite') {
      ctx.addIssue({ code: 'custom', path: ['TRUST_STORE'], message: 'production keeps records in SharePoint: set TRUST_STORE=sharepoint' });
    }
  });
export type AppConfig = z.infer<typeof appConfigSchema>;

export const loadConfig = (env: Record<string, string | undefined> = process.env): AppConfig => parseOrThrow(appConfigSchema, env, 'configuration');
