import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Person } from '../../core/domain/people';
import type { TrustServices } from '../../core/services/trust-services';
import type { ApiRequest, Identify } from '../api/api-types';

export interface TeamsSsoOptions {
  tenantId: string;
  /** The app's ID URI (`api://<host>/<client-id>`) and client id: Teams SSO tokens carry one of them as `aud`. */
  audiences: readonly string[];
  /** Defaults to the tenant's Entra ID v2 keys. */
  jwks?: JWTVerifyGetKey;
  /** Defaults to the tenant's v2 issuer. */
  issuer?: string;
  /** Seconds of clock skew tolerated on `exp` / `nbf`. */
  clockToleranceSeconds?: number;
}

/** Entra ID v2 endpoints for a tenant (Microsoft identity platform: access tokens, "Validate tokens"). */
export const entraIssuer = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/v2.0`;
export const entraJwksUri = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;

export type SsoResult =
  | {
      ok: true;
      oid: string;
      tenantId: string;
      /** The sign-in name (`preferred_username`), set by the tenant's admins. */ username?: string;
    }
  | { ok: false; reason: string };

const bearer = (req: Pick<ApiRequest, 'headers'>): string | undefined => {
  const h = req.headers.authorization;
  const m = h ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(h.trim()) : null;
  return m?.[1];
};

/**
 * Validates the SSO token Teams gives the tab (`authentication.getAuthToken`): RS256 signature
 * against the tenant's published keys, issuer, audience = the app, expiry and not-before, and the
 * tenant id. Only the immutable `oid` identifies the person (never the e-mail-like names).
 */
export function createTeamsSsoValidator(options: TeamsSsoOptions): (token: string) => Promise<SsoResult> {
  const jwks =
    options.jwks ?? createRemoteJWKSet(new URL(entraJwksUri(options.tenantId)), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  const issuer = options.issuer ?? entraIssuer(options.tenantId);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer,
        audience: [...options.audiences],
        algorithms: ['RS256'],
        clockTolerance: options.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'oid', 'tid'],
      });
      if (payload.tid !== options.tenantId) return { ok: false, reason: 'token from another tenant' };
      if (typeof payload.oid !== 'string' || payload.oid === '') return { ok: false, reason: 'token has no object id' };
      const username =
        typeof payload.preferred_username === 'string' && payload.preferred_username.includes('@') ? payload.preferred_username : undefined;
      return { ok: true, oid: payload.oid, tenantId: payload.tid, ...(username ? { username } : {}) };
    } catch (e) {
      return { ok: false, reason: e instanceof Error ? e.message : 'invalid token' };
    }
  };
}

/**
 * Production identity: a valid Teams SSO token whose `oid` is a person of the trust; anything else is
 * nobody (401). A person imported by e-mail alone is linked at their first sign-in: the token's
 * sign-in name (from our own tenant only, where the trust's admins set it) matches their e-mail and
 * they have no object id yet, so the `oid` is recorded and names them from then on. A person already
 * linked to another object id is never re-linked.
 */
export function teamsSsoIdentity(
  services: Pick<TrustServices, 'signIn'>,
  validate: (token: string) => Promise<SsoResult>,
  onRefused?: (reason: string) => void,
): Identify {
  return async (req): Promise<Person | undefined> => {
    const token = bearer(req);
    if (!token) return undefined;
    const result = await validate(token);
    if (!result.ok) {
      onRefused?.(result.reason);
      return undefined;
    }
    const signedIn = await services.signIn({
      kind: 'sso',
      entraObjectId: result.oid,
      ...(result.username ? { signInName: result.username } : {}),
    });
    if (!signedIn.person && 'refused' in signedIn && signedIn.refused) onRefused?.(signedIn.refused);
    return signedIn.person;
  };
}
