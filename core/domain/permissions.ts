import { TRUST_WIDE_ROLES, type Person, type Role } from './people';

export type Access = 'read' | 'write';

/** Roles that see every academy; the board reads but does not change records. */
const TRUST_READ: readonly Role[] = TRUST_WIDE_ROLES;
const TRUST_WRITE: readonly Role[] = ['ceo', 'improvement-director', 'trust-admin'];

/**
 * Role × academy (DSAT: information from meetings is shared only through the proper channels):
 * trust roles see every academy; a head, governor, partner or adviser sees only the academies their
 * roles name, and may write there.
 */
export function canAccessAcademy(person: Pick<Person, 'roles'>, academyId: string, access: Access): boolean {
  return person.roles.some((r) =>
    TRUST_WIDE_ROLES.includes(r.role) ? (access === 'read' ? TRUST_READ : TRUST_WRITE).includes(r.role) : r.academyId === academyId,
  );
}

/** Every academy for trust roles, else the ones the person's roles name. */
export function visibleAcademyIds(person: Pick<Person, 'roles'>, allAcademyIds: readonly string[]): string[] {
  if (person.roles.some((r) => TRUST_READ.includes(r.role))) return [...allAcademyIds];
  const own = new Set(person.roles.map((r) => r.academyId).filter((x): x is string => x !== undefined));
  return allAcademyIds.filter((id) => own.has(id));
}

/** The ids of those academies the person may see, as a set to filter by. */
export const visibleAcademySet = (person: Pick<Person, 'roles'>, academies: readonly { id: string }[]): Set<string> =>
  new Set(
    visibleAcademyIds(
      person,
      academies.map((a) => a.id),
    ),
  );

/** Whether the person sees the whole trust (dashboard, planner for every academy). */
export const seesWholeTrust = (person: Pick<Person, 'roles'>): boolean => person.roles.some((r) => TRUST_READ.includes(r.role));

/** Editing the improvement model, term dates, academies and people: the trust admin and the CEO. */
export const canAdministerTrust = (person: Pick<Person, 'roles'>): boolean =>
  person.roles.some((r) => r.role === 'trust-admin' || r.role === 'ceo');

/** Planning the year and moving meetings: those who own the schedule (DSAT: the AID) and the CEO. */
export const canPlanMeetings = (person: Pick<Person, 'roles'>): boolean => person.roles.some((r) => TRUST_WRITE.includes(r.role));

/**
 * The role a person holds at an academy, as a meeting's list shows it: their own role there (the
 * `preferred` one when they hold it there, e.g. the role of the person they stand in for), else
 * their trust-wide role. None exactly when they may not see the academy (`canAccessAcademy` read).
 */
export function roleAtAcademy(person: Pick<Person, 'roles'>, academyId: string, preferred?: Role): Role | undefined {
  const here = person.roles.filter((r) => !TRUST_WIDE_ROLES.includes(r.role) && r.academyId === academyId).map((r) => r.role);
  const trustWide = person.roles.filter((r) => TRUST_READ.includes(r.role)).map((r) => r.role);
  if (preferred !== undefined && here.includes(preferred)) return preferred;
  return here[0] ?? trustWide[0];
}

/** "Daniel Hughes cannot see Oakfield Primary School’s records, so cannot own this action." */
export const cannotSeeAcademySentence = (person: Pick<Person, 'name'>, academyName: string, consequence: string): string =>
  `${person.name} cannot see ${academyName}’s records, so cannot ${consequence}.`;
