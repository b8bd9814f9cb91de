import { TRUST_WIDE_ROLES, type Person } from './people';

/**
 * The people who can hold a role at each academy: its own and anyone with a trust-wide role (as
 * `holdersOf` counts them), in the given order. `holdersOf` scans everyone it is given, and a
 * 600-academy trust has thousands of people, so each academy's meetings ask only these.
 */
export function peopleByAcademy(people: readonly Person[]): (academyId: string) => Person[] {
  const trustWide: number[] = [];
  const at = new Map<string, number[]>();
  people.forEach((p, i) => {
    if (p.roles.some((r) => r.academyId === undefined || TRUST_WIDE_ROLES.includes(r.role))) trustWide.push(i);
    for (const academyId of new Set(p.roles.map((r) => r.academyId)))
      if (academyId !== undefined) at.set(academyId, [...(at.get(academyId) ?? []), i]);
  });
  const memo = new Map<string, Person[]>();
  return (academyId) => {
    let list = memo.get(academyId);
    if (!list) {
      const idx = [...new Set([...trustWide, ...(at.get(academyId) ?? [])])].sort((a, b) => a - b);
      memo.set(academyId, (list = idx.map((i) => people[i]!)));
    }
    return list;
  };
}
