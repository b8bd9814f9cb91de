import type { ColumnSpec, ListSpec } from '../column-spec';

/** A list as it stands on the site. */
export interface ExistingList {
  id: string;
  template: string;
  columns: { id: string; name: string; indexed?: boolean; enforceUniqueValues?: boolean }[];
}

/** One change provisioning would make; a plan is printed by `--dry-run` and applied in order otherwise. */
export type ProvisionStep =
  | { action: 'createList'; list: string; template: ListSpec['template']; columns: ColumnSpec[] }
  | { action: 'addColumn'; list: string; column: ColumnSpec }
  | {
      action: 'updateColumn';
      list: string;
      column: string;
      columnId: string;
      changes: { indexed?: boolean; enforceUniqueValues?: boolean };
    }
  | { action: 'createFolder'; library: string; folder: string };

/**
 * What must change for the site to match the schema: missing lists, missing columns, and columns
 * whose index or uniqueness differs. Nothing is ever removed or renamed (a column someone added by
 * hand stays), so running it twice plans nothing the second time. Lookup columns wait until their
 * target list exists, so a new list gets them as separate steps.
 */
export function planProvisioning(schema: readonly ListSpec[], existing: ReadonlyMap<string, ExistingList>): ProvisionStep[] {
  const steps: ProvisionStep[] = [];
  for (const spec of schema) {
    const current = existing.get(spec.displayName);
    if (!current) {
      steps.push({
        action: 'createList',
        list: spec.displayName,
        template: spec.template,
        columns: spec.columns.filter((c) => c.type !== 'lookup'),
      });
      for (const c of spec.columns.filter((x) => x.type === 'lookup'))
        steps.push({ action: 'addColumn', list: spec.displayName, column: c });
      continue;
    }
    for (const column of spec.columns) {
      const have = current.columns.find((c) => c.name === column.name);
      if (!have) {
        steps.push({ action: 'addColumn', list: spec.displayName, column });
        continue;
      }
      const changes: { indexed?: boolean; enforceUniqueValues?: boolean } = {};
      if ((have.indexed ?? false) !== (column.indexed ?? false)) changes.indexed = column.indexed ?? false;
      if ((have.enforceUniqueValues ?? false) !== (column.unique ?? false)) changes.enforceUniqueValues = column.unique ?? false;
      if (Object.keys(changes).length > 0)
        steps.push({ action: 'updateColumn', list: spec.displayName, column: column.name, columnId: have.id, changes });
    }
  }
  return steps;
}

/** Folders to add to the papers library: one per meeting, named by the meeting's id. */
export function planMeetingFolders(library: string, meetingIds: readonly string[], existingFolders: readonly string[]): ProvisionStep[] {
  const have = new Set(existingFolders.map((f) => f.toLowerCase()));
  return [...new Set(meetingIds)]
    .filter((id) => !have.has(id.toLowerCase()))
    .map((id) => ({ action: 'createFolder' as const, library, folder: id }));
}

/** One line per step, for the dry run and the log. */
export function describeStep(step: ProvisionStep): string {
  switch (step.action) {
    case 'createList':
      return `create ${step.template === 'documentLibrary' ? 'library' : 'list'} ${step.list} with columns ${step.columns.map((c) => c.name).join(', ') || '(none)'}`;
    case 'addColumn':
      return `add ${step.column.type} column ${step.list}.${step.column.name}${step.column.indexed ? ' (indexed)' : ''}`;
    case 'updateColumn':
      return `change column ${step.list}.${step.column}: ${Object.entries(step.changes)
        .map(([k, v]) => `${k} = ${v}`)
        .join(', ')}`;
    case 'createFolder':
      return `create folder ${step.library}/${step.folder}`;
  }
}
