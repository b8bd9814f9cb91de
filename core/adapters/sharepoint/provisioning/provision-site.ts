import { sendBatch } from '../../graph/batch';
import type { GraphClient } from '../../graph/graph-client';
import { errorFromResponse, isGraphStatus } from '../../graph/graph-error';
import { columnDefinition, type ListSpec } from '../column-spec';
import { createListItems } from '../list-items';
import { MEETINGS, PAPERS_LIBRARY, SITE_SCHEMA } from '../record-lists';
import { listsByName } from '../site-lists';
import { describeStep, planMeetingFolders, planProvisioning, type ExistingList, type ProvisionStep } from './provisioning-plan';

export interface ProvisionOptions {
  dryRun?: boolean;
  schema?: readonly ListSpec[];
  /** Also make a papers folder for every meeting already stored (default true). */
  meetingFolders?: boolean;
  log?: (line: string) => void;
  signal?: AbortSignal;
}

/** Lists and their columns as they stand: one request for the lists, one `$batch` wave for all their columns. */
export async function readSite(client: GraphClient, siteId: string, signal?: AbortSignal): Promise<Map<string, ExistingList>> {
  const lists = await listsByName(client, siteId, signal);
  const names = [...lists.keys()];
  const answers = await sendBatch(client, names.map((name, i) => ({ id: String(i), method: 'GET' as const, url: `/sites/${siteId}/lists/${lists.get(name)!.id}/columns` })), { signal });
  const out = new Map<string, ExistingList>();
  names.forEach((name, i) => {
    const response = answers.get(String(i));
    if (!response || response.status !== 200) throw errorFromResponse(response ?? { status: 0, headers: {}, body: undefined }, `GET columns of ${name}`);
    const { id, template } = lists.get(name)!;
    out.set(name, { id, template, columns: (response.body as { value: ExistingList['columns'] }).value });
  });
  return out;
}

/**
 * Makes the site match the schema: lists, columns (with their indexes) and the papers library with
 * a folder per meeting. Idempotent: a second run plans nothing. With `dryRun` it only plans.
 */
export async function provisionSite(client: GraphClient, siteId: string, options: ProvisionOptions = {}): Promise<ProvisionStep[]> {
  const log = options.log ?? (() => {});
  const schema = options.schema ?? SITE_SCHEMA;
  const existing = await readSite(client, siteId, options.signal);
  const steps = planProvisioning(schema, existing);
  const listIds = new Map([...existing].map(([name, l]) => [name, l.id]));
  for (const step of steps) {
    log(`${options.dryRun ? 'would ' : ''}${describeStep(step)}`);
    if (!options.dryRun) await applyStep(client, siteId, step, listIds, options.signal);
  }
  const folderSteps = options.meetingFolders === false || !schema.includes(PAPERS_LIBRARY) ? [] : await planFolders(client, siteId, listIds, options.signal);
  for (const step of folderSteps) {
    log(`${options.dryRun ? 'would ' : ''}${describeStep(step)}`);
    if (!options.dryRun) await applyStep(client, siteId, step, listIds, options.signal);
  }
  return [...steps, ...folderSteps];
}

async function planFolders(client: GraphClient, siteId: string, listIds: Map<string, string>, signal?: AbortSignal): Promise<ProvisionStep[]> {
  const meetingsList = listIds.get(MEETINGS.displayName);
  const libraryId = listIds.get(PAPERS_LIBRARY.displayName);
  if (!meetingsList) return [];
  const meetings = await createListItems(client, siteId).query({ listId: meetingsList }, signal);
  const ids = meetings.map((m) => String(m.fields.RecordId));
  let folders: string[] = [];
  if (libraryId) {
    const drive = await client.call<{ id: string }>('GET', `/sites/${siteId}/lists/${libraryId}/drive`, { signal });
    folders = await childFolders(client, drive.id, signal);
  }
  return planMeetingFolders(PAPERS_LIBRARY.displayName, ids, folders);
}

async function childFolders(client: GraphClient, driveId: string, signal?: AbortSignal): Promise<string[]> {
  const names: string[] = [];
  let path: string | undefined = `/drives/${driveId}/items/root/children`;
  while (path) {
    const page: { value?: { name: string; folder?: object }[]; '@odata.nextLink'?: string } = await client.call('GET', path, { signal });
    for (const c of page.value ?? []) if (c.folder) names.push(c.name);
    path = page['@odata.nextLink'];
  }
  return names;
}

async function applyStep(client: GraphClient, siteId: string, step: ProvisionStep, listIds: Map<string, string>, signal?: AbortSignal): Promise<void> {
  const lookupId = (name: string) => listIds.get(name);
  // 409 means another run got there first: the end state is the one asked for.
  const tolerate409 = async (write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (e) {
      if (!isGraphStatus(e, 409)) throw e;
    }
  };
  switch (step.action) {
    case 'createList': {
      const body = { displayName: step.list, columns: step.columns.map((c) => columnDefinition(c, lookupId)), list: { template: step.template } };
      const created = await client.call<{ id: string }>('POST', `/sites/${siteId}/lists`, { body, signal });
      listIds.set(step.list, created.id);
      return;
    }
    case 'addColumn':
      return tolerate409(() => client.call('POST', `/sites/${siteId}/lists/${listIds.get(step.list)}/columns`, { body: columnDefinition(step.column, lookupId), signal }));
    case 'updateColumn':
      await client.call('PATCH', `/sites/${siteId}/lists/${listIds.get(step.list)}/columns/${step.columnId}`, { body: step.changes, signal });
      return;
    case 'createFolder': {
      const drive = await client.call<{ id: string }>('GET', `/sites/${siteId}/lists/${listIds.get(step.library)}/drive`, { signal });
      // conflictBehavior "fail": an existing folder is left as it is (driveitem-post-children.md).
      return tolerate409(() =>
        client.call('POST', `/drives/${drive.id}/items/root/children`, { body: { name: step.folder, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' }, signal }),
      );
    }
  }
}
