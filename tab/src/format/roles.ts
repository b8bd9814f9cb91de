import { ROLE_LABELS, TRUST_WIDE_ROLES } from '../../../core/domain/role-labels';

/** Role names as the trusts say them (the domain's own labels). */
const ROLE_NAMES: Record<string, string> = ROLE_LABELS;

/** "Chair of LGB" for "chair-lgb". */
export const roleName = (role: string): string => ROLE_NAMES[role] ?? role;

/** Every role, in the order the trusts list them. */
export const ROLE_IDS: readonly string[] = Object.keys(ROLE_NAMES);

/** Roles held across the whole trust, not for one academy. */
export const isTrustWideRole = (role: string): boolean => (TRUST_WIDE_ROLES as readonly string[]).includes(role);
