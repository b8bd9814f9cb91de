import type { Identify } from '../api/api-types';
import type { TrustServices } from '../../core/services/trust-services';

/** The header (or `?as=` query parameter) that says who you are when running locally. */
export const DEV_IDENTITY_HEADER = 'x-dev-person';

/**
 * Local only: the caller names a person of the seeded trust by id or e-mail. Never wired in
 * production configuration, where the Teams SSO token decides.
 */
export function devIdentity(services: Pick<TrustServices, 'signIn'>, mode: 'local' | 'production'): Identify {
  if (mode !== 'local') throw new Error('The dev identity exists only in local mode');
  return async (req) => {
    const who = req.headers[DEV_IDENTITY_HEADER] ?? req.query.as;
    if (!who) return undefined;
    return (await services.signIn({ kind: 'dev', who })).person;
  };
}
