import { personSchema, type Person, type RoleAssignment } from './people';
import { ROLE_LABELS, TRUST_WIDE_ROLES } from './role-labels';
import { columnLabel, mapHeaders, PEOPLE_COLUMNS, type PeopleColumn } from './onboarding-columns';
import type { CsvTable } from './onboarding-csv';
import { fieldChanges, type RowPlan, type RowProblem } from './onboarding-plan';
import { looksLikeEmail, looksLikeGuid, parseRole, slugOf, splitList } from './onboarding-values';
import { emailKey } from './person-records';

type StoredPerson = Person & { version: string };

/** An academy as a people row names it (URN, name or other name), found in the trust or in the academies file. */
export type AcademyLookup = (ref: string) => { ok: true; id: string } | { ok: false; message: string };

export interface PeoplePlanContext {
  existing: readonly StoredPerson[];
  findAcademy: AcademyLookup;
  /** How an academy id reads in a report (its name). */
  academyLabel: (id: string) => string;
}

export { emailKey };

/** A person's id from their e-mail, stable across imports: "Jo.Bloggs@oak.sch.uk" → "jo-bloggs-oak-sch-uk". */
export const personIdFor = (email: string): string => slugOf(emailKey(email).replace(/[@.]/g, ' '));

const sameRole = (a: RoleAssignment, b: RoleAssignment) => a.role === b.role && (a.academyId ?? '') === (b.academyId ?? '');

function shown(p: Person, ctx: PeoplePlanContext): Record<string, string | undefined> {
  return {
    Name: p.name,
    'E-mail': p.email,
    'Job title': p.jobTitle,
    Roles: p.roles
      .map((r) => (r.academyId ? `${ROLE_LABELS[r.role]} (${ctx.academyLabel(r.academyId)})` : ROLE_LABELS[r.role]))
      .sort()
      .join('; '),
    'Entra object id': p.entraObjectId,
  };
}

interface PersonRow {
  row: number;
  name: string;
  email: string;
  jobTitle: string;
  entraObjectId: string;
  roles: RoleAssignment[];
  problems: RowProblem[];
}

/**
 * Plans the people file. A person may take several rows (one per role, as MIS exports often give
 * them); rows with the same e-mail (any case) are one person. Roles in the file are added to the
 * roles a person already holds, never taken away, and nobody is removed. If any row of a person has
 * a problem, none of that person's rows is imported, so half a set of roles is never written.
 */
export function planPeopleRows(table: CsvTable, ctx: PeoplePlanContext): RowPlan[] {
  const map = mapHeaders(table.headers, PEOPLE_COLUMNS);
  const col = (f: PeopleColumn) => columnLabel(f, PEOPLE_COLUMNS, table.headers, map);
  const byEmail = new Map<string, StoredPerson[]>();
  for (const p of ctx.existing) byEmail.set(emailKey(p.email), [...(byEmail.get(emailKey(p.email)) ?? []), p]);
  const byOid = new Map(ctx.existing.filter((p) => p.entraObjectId).map((p) => [p.entraObjectId!.toLowerCase(), p]));
  const takenIds = new Set(ctx.existing.map((p) => p.id));
  const groups = new Map<string, PersonRow[]>();
  const orphans: PersonRow[] = [];

  for (const { row, cells } of table.rows) {
    const cell = (f: PeopleColumn): string => {
      const i = map.index.get(f);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const problems: RowProblem[] = [];
    const problem = (f: PeopleColumn, message: string) => problems.push({ row, column: col(f), message, value: cell(f) });

    const name = cell('name') || [cell('firstName'), cell('lastName')].filter(Boolean).join(' ');
    const email = cell('email');
    if (email === '') problem('email', 'required: the person’s work e-mail (it is how they sign in)');
    else if (!looksLikeEmail(email)) problem('email', 'not an e-mail address');
    const entraObjectId = cell('entraObjectId');
    if (entraObjectId !== '' && !looksLikeGuid(entraObjectId))
      problem('entraObjectId', 'an Entra object id looks like 8-4-4-4-12 hexadecimal digits (Entra admin centre › Users › Object ID)');
    if (entraObjectId !== '') {
      const holder = byOid.get(entraObjectId.toLowerCase());
      if (holder && emailKey(holder.email) !== emailKey(email))
        problem('entraObjectId', `already belongs to ${holder.name} (${holder.email})`);
    }

    const roles: RoleAssignment[] = [];
    const roleCell = cell('role');
    if (roleCell === '') problem('role', `required: one of ${Object.values(ROLE_LABELS).join(', ')}`);
    const academyRef = cell('academy');
    for (const label of splitList(roleCell)) {
      const r = parseRole(label);
      if (!r.ok) {
        problem('role', r.message);
        continue;
      }
      // A trust-wide role is held across the trust: an academy in the row is not needed, and not an error.
      if (TRUST_WIDE_ROLES.includes(r.value)) {
        roles.push({ role: r.value });
        continue;
      }
      if (academyRef === '') {
        problem('academy', `${ROLE_LABELS[r.value]} is held at one academy: give the academy’s URN or name`);
        continue;
      }
      const a = ctx.findAcademy(academyRef);
      if (!a.ok) problem('academy', a.message);
      else roles.push({ role: r.value, academyId: a.id });
    }

    const entry: PersonRow = { row, name, email, jobTitle: cell('jobTitle'), entraObjectId, roles, problems };
    if (problems.some((p) => p.column === col('email'))) orphans.push(entry);
    else groups.set(emailKey(email), [...(groups.get(emailKey(email)) ?? []), entry]);
  }

  const plans: RowPlan[] = orphans.map((o) => ({
    file: 'people',
    rows: [o.row],
    label: o.name || `row ${o.row}`,
    outcome: 'rejected',
    problems: o.problems,
  }));

  for (const [key, rows] of groups) {
    const first = rows[0]!;
    const holders = byEmail.get(key) ?? [];
    const existing = holders[0];
    const problems = rows.flatMap((r) => r.problems);
    // One e-mail, one person: records that already share one (written before the rule) are not guessed between.
    if (holders.length > 1) {
      problems.push({
        row: first.row,
        column: col('email'),
        message: `already used by ${holders.map((h) => h.name).join(' and ')}: give each their own e-mail in Settings, then import again`,
        value: first.email,
      });
    }
    // One person, one name: rows that disagree are a mistake somewhere, and the admin should say which is right.
    const pick = (field: 'name' | 'jobTitle' | 'entraObjectId', column: PeopleColumn) => {
      const filled = rows.filter((r) => r[field] !== '');
      const value = filled[0]?.[field] ?? '';
      for (const r of filled.slice(1)) {
        if (r[field] !== value)
          problems.push({
            row: r.row,
            column: col(column),
            message: `differs from row ${filled[0]!.row} for the same e-mail (“${value}”)`,
            value: r[field],
          });
      }
      return value;
    };
    const name = pick('name', map.index.has('name') ? 'name' : 'firstName');
    const jobTitle = pick('jobTitle', 'jobTitle');
    const entraObjectId = pick('entraObjectId', 'entraObjectId');
    if (name === '' && !existing)
      problems.push({ row: first.row, column: col('name'), message: 'required for a new person: their name', value: '' });
    const label = name || existing?.name || first.email;
    const rowNumbers = rows.map((r) => r.row);

    if (problems.length > 0) {
      // Rows of this person that were fine are held back too, and say why.
      for (const r of rows) {
        if (r.problems.length === 0 && !problems.some((p) => p.row === r.row)) {
          problems.push({
            row: r.row,
            column: col('email'),
            message: `not imported: another row for ${first.email} has a problem`,
            value: r.email,
          });
        }
      }
      plans.push({ file: 'people', rows: rowNumbers, label, outcome: 'rejected', problems: problems.sort((a, b) => a.row - b.row) });
      continue;
    }

    const fileRoles = rows.flatMap((r) => r.roles).filter((r, i, all) => all.findIndex((x) => sameRole(x, r)) === i);
    let value: Person;
    if (existing) {
      const { version: _v, ...current } = existing;
      value = {
        ...current,
        ...(name !== '' ? { name } : {}),
        ...(jobTitle !== '' ? { jobTitle } : {}),
        ...(entraObjectId !== '' ? { entraObjectId } : {}),
        roles: [...current.roles, ...fileRoles.filter((r) => !current.roles.some((c) => sameRole(c, r)))],
      };
    } else {
      const base = personIdFor(first.email);
      let id = base;
      for (let n = 2; takenIds.has(id); n++) id = `${base}-${n}`;
      takenIds.add(id);
      value = {
        id,
        name,
        email: first.email,
        roles: fileRoles,
        ...(jobTitle !== '' ? { jobTitle } : {}),
        ...(entraObjectId !== '' ? { entraObjectId } : {}),
      };
    }
    const checked = personSchema.safeParse(value);
    if (!checked.success) {
      const where: Record<string, PeopleColumn> = {
        name: 'name',
        email: 'email',
        jobTitle: 'jobTitle',
        roles: 'role',
        entraObjectId: 'entraObjectId',
      };
      const bad = checked.error.issues.map((i) => {
        const f = where[String(i.path[0])] ?? 'email';
        return { row: first.row, column: col(f), message: i.message, value: cellText(value[f as keyof Person]) };
      });
      plans.push({ file: 'people', rows: rowNumbers, label, outcome: 'rejected', problems: bad });
      continue;
    }
    const after = shown(checked.data, ctx);
    if (!existing) {
      plans.push({
        file: 'people',
        rows: rowNumbers,
        label,
        outcome: 'create',
        id: checked.data.id,
        idempotencyKey: `import:person:${key}`,
        changes: fieldChanges(undefined, after),
        record: { kind: 'person', value: checked.data },
      });
      continue;
    }
    const changes = fieldChanges(shown(existing, ctx), after);
    plans.push(
      changes.length === 0
        ? { file: 'people', rows: rowNumbers, label, outcome: 'unchanged', id: existing.id }
        : {
            file: 'people',
            rows: rowNumbers,
            label,
            outcome: 'update',
            id: existing.id,
            changes,
            record: { kind: 'person', value: checked.data, version: existing.version },
          },
    );
  }
  return plans.sort((a, b) => a.rows[0]! - b.rows[0]!);
}

/** A field's value as the rejected-rows report shows it (roles as JSON, not "[object Object]"). */
function cellText(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}
