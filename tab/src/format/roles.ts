/**
 * Role names as the trusts say them. Kept here rather than imported from core/domain/people.ts,
 * which would pull zod into the tab's bundle.
 */
const ROLE_NAMES: Record<string, string> = {
  ceo: 'Chief Executive',
  'improvement-director': 'Improvement Director',
  'trust-admin': 'Trust administrator',
  board: 'Board / Standards Committee',
  head: 'Headteacher',
  'chair-lgb': 'Chair of LGB',
  governor: 'Governor',
  'headteacher-partner': 'Headteacher Partner',
  'headteacher-consultant': 'Headteacher Consultant',
  'peer-head': 'Peer headteacher',
  'lead-practitioner': 'Lead practitioner',
  'external-adviser': 'External adviser',
};

/** "Chair of LGB" for "chair-lgb". */
export const roleName = (role: string): string => ROLE_NAMES[role] ?? role;

/** Every role, in the order the trusts list them. */
export const ROLE_IDS: readonly string[] = Object.keys(ROLE_NAMES);

/** Roles held across the whole trust, not for one academy. */
export const isTrustWideRole = (role: string): boolean => ['ceo', 'improvement-director', 'trust-admin', 'board'].includes(role);
