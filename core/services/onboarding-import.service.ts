import { isConflictError, isNotFoundError, ForbiddenError } from '../domain/errors';
import { planOnboarding, type OnboardingInput } from '../domain/onboarding-import-plan';
import { emailTakenSentence } from '../domain/person-records';
import type { ImportFile, ImportPlan, RowPlan } from '../domain/onboarding-plan';
import { TRUST_WIDE_ROLES } from '../domain/role-labels';
import type { Person } from '../domain/people';
import { canAdministerTrust } from '../domain/permissions';
import { loadTrust, type ServiceDeps } from './service-context';

export type { OnboardingInput } from '../domain/onboarding-import-plan';
export type { ImportPlan, RowPlan } from '../domain/onboarding-plan';

/** A row the import meant to write but could not: someone changed the record meanwhile, or it went. */
export interface ImportWriteProblem {
  file: ImportFile;
  rows: number[];
  label: string;
  kind: 'conflict' | 'failed';
  message: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  problems: ImportWriteProblem[];
}

/** Compares the files with the trust as it stands and says, row by row, what an import would do. Writes nothing. */
export async function planImport(deps: ServiceDeps, input: OnboardingInput): Promise<ImportPlan> {
  const trust = await loadTrust(deps);
  const [academies, people] = await Promise.all([deps.store.academies.list({}).toArray(), deps.store.people.list({}).toArray()]);
  return planOnboarding(input, { academies, people, model: trust.model });
}

const isTrustStaff = (p: RowPlan): boolean =>
  p.outcome !== 'rejected' &&
  (p.outcome === 'create' || p.outcome === 'update') &&
  p.record.kind === 'person' &&
  p.record.value.roles.every((r) => TRUST_WIDE_ROLES.includes(r.role));

/**
 * Writes a plan's creates and updates, nothing else. Trust staff go first, then academies (which
 * name their improvement director), then the academies' people, so no record points at one not yet
 * written. Each update sends the version the plan read: if someone changed that record since, it is
 * reported as a conflict for that row and left as they made it; so is a new person whose e-mail
 * someone else took after the check (one e-mail, one person). One failed row never stops the rest.
 */
export async function applyImport(deps: ServiceDeps, plan: ImportPlan): Promise<ImportResult> {
  const result: ImportResult = { created: 0, updated: 0, problems: [] };
  const order = [...plan.people.filter(isTrustStaff), ...plan.academies, ...plan.people.filter((p) => !isTrustStaff(p))];
  for (const row of order) {
    if (row.outcome !== 'create' && row.outcome !== 'update') continue;
    try {
      const r = row.record;
      if (row.outcome === 'create' && r.kind === 'person') {
        // byEmail ignores case in both adapters; the plan checked the trust as it was, this checks it as it is.
        const holder = await deps.store.people.byEmail(r.value.email);
        if (holder && holder.id !== r.value.id) {
          result.problems.push({
            file: row.file,
            rows: row.rows,
            label: row.label,
            kind: 'conflict',
            message: `${emailTakenSentence(holder)} ${row.label} was not added; check again and re-import.`,
          });
          continue;
        }
      }
      if (row.outcome === 'create') {
        const out =
          r.kind === 'academy'
            ? await deps.store.academies.create(r.value, { idempotencyKey: row.idempotencyKey })
            : await deps.store.people.create(r.value, { idempotencyKey: row.idempotencyKey });
        // The same key again (a retried import) finds the first record instead of writing a second.
        if (out.created) result.created++;
      } else if (r.kind === 'academy') {
        await deps.store.academies.update({ ...r.value, version: r.version ?? '' });
        result.updated++;
      } else {
        await deps.store.people.update({ ...r.value, version: r.version ?? '' });
        result.updated++;
      }
    } catch (e) {
      const where = { file: row.file, rows: row.rows, label: row.label };
      if (isConflictError(e))
        result.problems.push({
          ...where,
          kind: 'conflict',
          message: `${row.label} was changed by someone else after the check; it was left as they made it. Check again and re-import.`,
        });
      else if (isNotFoundError(e))
        result.problems.push({
          ...where,
          kind: 'conflict',
          message: `${row.label} was removed after the check; nothing was written for it.`,
        });
      else result.problems.push({ ...where, kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }
  return result;
}

/** Plans, and unless it is a dry run applies, an import for the trust admin or the CEO. */
export async function importForAdmin(
  deps: ServiceDeps,
  viewer: Person,
  input: OnboardingInput & { dryRun: boolean },
): Promise<{ plan: ImportPlan; result?: ImportResult }> {
  if (!canAdministerTrust(viewer)) throw new ForbiddenError('Only the trust administrator or the CEO can import academies and people.');
  const plan = await planImport(deps, input);
  if (input.dryRun) return { plan };
  return { plan, result: await applyImport(deps, plan) };
}
