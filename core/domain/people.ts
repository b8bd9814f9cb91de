import { z } from 'zod';
import { TRUST_WIDE_ROLES } from './role-labels';

/**
 * Roles the trusts' documents name. Trust-wide roles see every academy; academy roles are held
 * for one academy (a head of Oakfield, the chair of Brook Lane's LGB); a person may hold several.
 */
export const roleSchema = z.enum([
  'ceo',
  'improvement-director', // AID (DSAT), SSIO / SI Director (Waterton), DTL (Schoolsworks), SI Leader (KGA)
  'trust-admin',
  'board', // trustees, Academy Standards Committee: read dashboards and reports
  'head', // head / head of school / executive head / principal
  'chair-lgb',
  'governor', // LGB / LAB members
  'headteacher-partner',
  'headteacher-consultant',
  'peer-head',
  'lead-practitioner',
  'external-adviser',
]);
export type Role = z.infer<typeof roleSchema>;

export { ROLE_LABELS, TRUST_WIDE_ROLES } from './role-labels';

export const roleAssignmentSchema = z
  .object({ role: roleSchema, academyId: z.string().min(1).optional() })
  .refine((a) => TRUST_WIDE_ROLES.includes(a.role) || a.academyId !== undefined, {
    message: 'an academy role (head, chair of LGB, governor, partner …) must name its academy',
    path: ['academyId'],
  });
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

export const personSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  email: z.email(),
  /** Entra ID object id, mapped from the Teams SSO token in production. */
  entraObjectId: z.string().optional(),
  jobTitle: z.string().max(200).optional(),
  /** The kinds of Teams message the person has turned off in My work (`MESSAGE_KINDS`). */
  messagesOff: z.array(z.string().max(40)).max(40).optional(),
  roles: z.array(roleAssignmentSchema).min(1, 'a person needs at least one role'),
  /** SHA-256 (hex) of the person's private calendar feed token; the token is never stored and no mapper names this (calendar-feed.service.ts). */
  calendarFeedTokenHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type Person = z.infer<typeof personSchema>;

/** The people holding `role` at an academy (or trust-wide when the role is). */
export function holdersOf(people: readonly Person[], role: Role, academyId?: string): Person[] {
  return people.filter((p) => p.roles.some((r) => r.role === role && (TRUST_WIDE_ROLES.includes(role) || r.academyId === academyId)));
}
