import type { JWTVerifyGetKey } from 'jose';
import type { TrustServices } from '../../core/services/trust-services';
import type { Identify } from '../api/api-types';
import { createTeamsSsoValidator, teamsSsoIdentity } from '../auth/teams-sso';
import type { AppConfig } from '../config/app-config';
import { devIdentity } from './dev-identity';

/**
 * Who is calling the local host. Normally the dev identity (`?as=`). Under F5 "Debug in Teams"
 * (m365agents.local.yml writes SSO_APP_ID_URI and AZURE_TENANT_ID) the tab in real Teams sends a
 * Teams SSO token, validated exactly as in production; the dev identity still works beside it,
 * because this is the local host and never production.
 */
export function localIdentity(services: TrustServices, config: AppConfig, sso?: { jwks: JWTVerifyGetKey; issuer: string }): Identify {
  const dev = devIdentity(services, config.TRUST_MODE);
  if (!config.SSO_APP_ID_URI || !config.AZURE_TENANT_ID) return dev;
  const validate = createTeamsSsoValidator({ tenantId: config.AZURE_TENANT_ID, audiences: [config.SSO_APP_ID_URI, ...(config.AZURE_CLIENT_ID ? [config.AZURE_CLIENT_ID] : [])], ...(sso ?? {}) });
  const teams = teamsSsoIdentity(services, validate);
  return async (req) => (req.headers.authorization ? await teams(req) : undefined) ?? dev(req);
}
