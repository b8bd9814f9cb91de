import { ConflictError } from '../domain/errors';
import type { Person } from '../domain/people';
import type { Stored } from '../ports/record-store.port';
import type { ServiceDeps } from './service-context';

/** How a host knows the person in front of it: an SSO token's claims, a bot activity's ids, or (locally) a named person. */
export type SignInClaim =
  /** A validated Teams SSO token: the Entra object id, and the sign-in name from our own tenant. */
  | { kind: 'sso'; entraObjectId: string; signInName?: string }
  /** A bot activity: `from.aadObjectId` in Teams; locally the Playground's `from.id` is a person id. */
  | { kind: 'bot'; entraObjectId?: string; channelUserId?: string; local: boolean }
  /** Local mode only: the dev identity names a person by id or e-mail. */
  | { kind: 'dev'; who: string };

export type SignInResult = { person: Stored<Person> } | { person: undefined; refused?: string };

/**
 * Who a sign-in claim names. A person imported by e-mail alone is linked at their first SSO
 * sign-in: the token's sign-in name matches their e-mail and they have no object id yet, so the
 * object id is recorded (audited as the sign-in) and names them from then on. A person already
 * linked to another object id is never re-linked.
 */
export async function signIn(deps: ServiceDeps, claim: SignInClaim): Promise<SignInResult> {
  const people = deps.store.people;
  const byWho = async (who: string) => (who.includes('@') ? people.byEmail(who) : people.get(who));
  switch (claim.kind) {
    case 'dev':
      return { person: claim.who.length <= 320 ? await byWho(claim.who) : undefined };
    case 'bot': {
      if (claim.entraObjectId) {
        const known = await people.byEntraObjectId(claim.entraObjectId);
        if (known) return { person: known };
      }
      if (!claim.local || !claim.channelUserId || claim.channelUserId.length > 200) return { person: undefined };
      return { person: await byWho(claim.channelUserId) };
    }
    case 'sso': {
      const known = await people.byEntraObjectId(claim.entraObjectId);
      if (known || !claim.signInName) return { person: known };
      const byEmail = await people.byEmail(claim.signInName);
      if (!byEmail) return { person: undefined };
      if (byEmail.entraObjectId) return { person: undefined, refused: 'the person with this e-mail is linked to another Entra account' };
      try {
        return { person: await people.update({ ...byEmail, entraObjectId: claim.entraObjectId }) };
      } catch (e) {
        // Two first requests at once: the other one linked them; read it back.
        if (e instanceof ConflictError) return { person: await people.byEntraObjectId(claim.entraObjectId) };
        throw e;
      }
    }
  }
}
