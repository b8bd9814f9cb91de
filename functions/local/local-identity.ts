import type { JWTVerifyGetKey } from 'jose';
import type { TrustServices } from '../../core/services/trust-services';
import type { Identify } from '../api/api-types';
import { createTeamsSsoValidator, teamsSsoIdentity } from '../auth/teams-sso';
import { devIdentityEnabled, type AppConfig } from '../config/app-config';
import { devIdentity } from './dev-identity';

/** Nobody: every call is 401 (a tunnel or bot id is configured, but no SSO audience to check tokens against). */
const nobody: Identify = () => Promise.resolve(undefined);

/**
 * Who is calling the local host. In plain local mode the dev identity (`?as=`), and only that. As
 * soon as the host can be reached from outside or a real identity is expected (F5 "Debug in Teams":
 * a tunnel, SSO_APP_ID_URI, BOT_ID; see `devIdentityEnabled`), only a Teams SSO token validated
 * exactly as in production: `?as=ceo` through a tunnel is nobody.
 */
export function localIdentity(services: TrustServices, config: AppConfig, sso?: { jwks: JWTVerifyGetKey; issuer: string }): Identify {
  if (devIdentityEnabled(config)) return devIdentity(services, config.TRUST_MODE);
  if (!config.SSO_APP_ID_URI || !config.AZURE_TENANT_ID) return nobody;
  const validate = createTeamsSsoValidator({
    tenantId: config.AZURE_TENANT_ID,
    audiences: [config.SSO_APP_ID_URI, ...(config.AZURE_CLIENT_ID ? [config.AZURE_CLIENT_ID] : [])],
    ...(sso ?? {}),
  });
  return teamsSsoIdentity(services, validate);
}
