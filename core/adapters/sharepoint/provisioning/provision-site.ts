import { sendBatch } from '../../graph/batch';
import type { GraphClient } from '../../graph/graph-client';
import { failureFrom, isAmbiguousFailure, isGraphStatus } from '../../graph/graph-error';
import { inBackground } from '../../graph/patience';
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
  const answers = await sendBatch(
    client,
    names.map((name, i) => ({ id: String(i), method: 'GET' as const, url: `/sites/${siteId}/lists/${lists.get(name)!.id}/columns` })),
    { signal },
  );
  const out = new Map<string, ExistingList>();
  names.forEach((name, i) => {
    const response = answers.get(String(i));
    if (!response || response.status !== 200)
      throw failureFrom(response ?? { status: 0, headers: {}, body: undefined }, `GET columns of ${name}`, true);
    const { id, template } = lists.get(name)!;
    out.set(name, { id, template, columns: (response.body as { value: ExistingList['columns'] }).value });
  });
  return out;
}

/**
 * Makes the site match the schema: lists, columns (with their indexes) and the papers library with
 * a folder per meeting. Idempotent: a second run plans nothing. With `dryRun` it only plans. It is
 * background work: it waits out throttling however long Graph asks (patience.ts), and a create
 * whose answer was lost is reconciled by reading the site back (applyStep).
 */
export function provisionSite(client: GraphClient, siteId: string, options: ProvisionOptions = {}): Promise<ProvisionStep[]> {
  return inBackground(() => provisionInBackground(client, siteId, options));
}

async function provisionInBackground(client: GraphClient, siteId: string, options: ProvisionOptions): Promise<ProvisionStep[]> {
  const log = options.log ?? (() => {});
  const schema = options.schema ?? SITE_SCHEMA;
  const existing = await readSite(client, siteId, options.signal);
  const steps = planProvisioning(schema, existing);
  const listIds = new Map([...existing].map(([name, l]) => [name, l.id]));
  for (const step of steps) {
    log(`${options.dryRun ? 'would ' : ''}${describeStep(step)}`);
    if (!options.dryRun) await applyStep(client, siteId, step, listIds, options.signal);
  }
  const folderSteps =
    options.meetingFolders === false || !schema.includes(PAPERS_LIBRARY) ? [] : await planFolders(client, siteId, listIds, options.signal);
  for (const step of folderSteps) {
    log(`${options.dryRun ? 'would ' : ''}${describeStep(step)}`);
    if (!options.dryRun) await applyStep(client, siteId, step, listIds, options.signal);
  }
  return [...steps, ...folderSteps];
}

async function planFolders(
  client: GraphClient,
  siteId: string,
  listIds: Map<string, string>,
  signal?: AbortSignal,
): Promise<ProvisionStep[]> {
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

/** Times an ambiguous create is checked and sent again before the run gives up. */
const MAX_RECONCILES = 6;

/**
 * Sends a create; when its outcome is unknown (no answer, a 5xx) or it clashed (409), `landed`
 * reads the site to see whether the thing is there now, so a lost response to `POST /lists` or
 * `POST /columns` neither fails the run nor makes a second list (Graph has no idempotency key for
 * these). Anything else fails as it came.
 */
async function createReconciled<T>(what: string, create: () => Promise<T>, landed: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await create();
    } catch (e) {
      if (!isAmbiguousFailure(e) && !isGraphStatus(e, 409)) throw e;
      const found = await landed();
      if (found !== undefined) return found;
      if (isGraphStatus(e, 409) || attempt >= MAX_RECONCILES)
        throw new Error(`${what}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
}

async function applyStep(
  client: GraphClient,
  siteId: string,
  step: ProvisionStep,
  listIds: Map<string, string>,
  signal?: AbortSignal,
): Promise<void> {
  const lookupId = (name: string) => listIds.get(name);
  const columnNamed = async (listId: string, name: string) => {
    const columns = await client.call<{ value?: { name: string }[] }>('GET', `/sites/${siteId}/lists/${listId}/columns`, { signal });
    return columns.value?.find((c) => c.name === name);
  };
  switch (step.action) {
    case 'createList': {
      const body = {
        displayName: step.list,
        columns: step.columns.map((c) => columnDefinition(c, lookupId)),
        list: { template: step.template },
      };
      const created = await createReconciled(
        `create list ${step.list}`,
        () => client.call<{ id: string }>('POST', `/sites/${siteId}/lists`, { body, signal }),
        async () => (await listsByName(client, siteId, signal)).get(step.list),
      );
      listIds.set(step.list, created.id);
      return;
    }
    case 'addColumn': {
      const listId = listIds.get(step.list)!;
      await createReconciled(
        `add column ${step.list}.${step.column.name}`,
        () => client.call('POST', `/sites/${siteId}/lists/${listId}/columns`, { body: columnDefinition(step.column, lookupId), signal }),
        () => columnNamed(listId, step.column.name),
      );
      return;
    }
    case 'updateColumn':
      // Setting the same values twice changes nothing, so a lost answer is safe to send again.
      await client.call('PATCH', `/sites/${siteId}/lists/${listIds.get(step.list)}/columns/${step.columnId}`, {
        body: step.changes,
        signal,
        idempotent: true,
      });
      return;
    case 'createFolder': {
      const drive = await client.call<{ id: string }>('GET', `/sites/${siteId}/lists/${listIds.get(step.library)}/drive`, { signal });
      // conflictBehavior "fail": an existing folder is left as it is (driveitem-post-children.md).
      await createReconciled(
        `create folder ${step.folder}`,
        () =>
          client.call('POST', `/drives/${drive.id}/items/root/children`, {
            body: { name: step.folder, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
            signal,
          }),
        async () => {
          const found = await client.send('GET', `/drives/${drive.id}/root:/${encodeURIComponent(step.folder)}`, { signal });
          return found.status === 200 ? found.body : undefined;
        },
      );
      return;
    }
  }
}
