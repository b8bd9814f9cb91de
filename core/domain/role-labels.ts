import type { Role } from './people';

/*
 * Plain values with no schema library, so the tab can show the same role names without bundling zod.
 */

export const TRUST_WIDE_ROLES: readonly Role[] = ['ceo', 'improvement-director', 'trust-admin', 'board'];

export const ROLE_LABELS: Record<Role, string> = {
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
