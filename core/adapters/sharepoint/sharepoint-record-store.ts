import { randomUUID } from 'node:crypto';
import type { Collection, RecordStore } from '../../ports/record-store.port';
import type { GraphClient } from '../graph/graph-client';
import { createListItems } from './list-items';
import {
  ACADEMIES,
  ACTIONS,
  ESCALATIONS,
  INTERVENTIONS,
  KPI_DATA_POINTS,
  KPI_TARGETS,
  MEETINGS,
  MONITORING_FORMS,
  PEOPLE,
  RECORD_LISTS,
  SUPPORT_DAYS,
  TRUST_SETTINGS_LIST,
  type RecordList,
} from './record-lists';
import { createSharePointCollection } from './sharepoint-collection';
import { actionQueries, meetingQueries, peopleQueries } from './sharepoint-queries';
import { listsByName, resolveSiteId } from './site-lists';
import { readStatusInputs } from './status-inputs';
import { createStatusReadModel } from './status-read-model';
import { createTrustSettingsList } from './trust-settings-list';

export interface SharePointRecordStoreOptions {
  client: GraphClient;
  /** The site, by Graph id or by URL (`https://contoso.sharepoint.com/sites/improvement`). */
  site: { id: string } | { url: string };
  /** Ids for records created without one. */
  newId?: () => string;
  /** `$top` asked for on item reads. */
  pageSize?: number;
  /** `$batch`es in flight at once in a fan-out. */
  maxConcurrentBatches?: number;
  signal?: AbortSignal;
}

/**
 * The record store on a provisioned SharePoint site (run `npm run provision` first). Resolves the
 * site and its lists once (two round trips), then every call goes through the one Graph client.
 */
export async function createSharePointRecordStore(options: SharePointRecordStoreOptions): Promise<RecordStore> {
  const { client } = options;
  const siteId = 'id' in options.site ? options.site.id : await resolveSiteId(client, options.site.url, options.signal);
  const lists = await listsByName(client, siteId, options.signal);
  const idOf = (displayName: string): string => {
    const found = lists.get(displayName);
    if (!found) throw new Error(`The SharePoint site has no "${displayName}" list: run \`npm run provision -- --site <url>\` first`);
    return found.id;
  };
  for (const spec of [TRUST_SETTINGS_LIST, ...RECORD_LISTS]) idOf(spec.displayName);

  const items = createListItems(client, siteId, {
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    ...(options.maxConcurrentBatches ? { maxConcurrentBatches: options.maxConcurrentBatches } : {}),
  });
  const newId = options.newId ?? randomUUID;
  const collection = <T extends { id: string }>(spec: RecordList<T>): Collection<T> =>
    createSharePointCollection(spec, { items, listId: idOf(spec.displayName), newId });
  const statusLists = {
    academies: idOf(ACADEMIES.displayName),
    meetings: idOf(MEETINGS.displayName),
    actions: idOf(ACTIONS.displayName),
    kpiTargets: idOf(KPI_TARGETS.displayName),
    kpiDataPoints: idOf(KPI_DATA_POINTS.displayName),
    interventions: idOf(INTERVENTIONS.displayName),
    escalations: idOf(ESCALATIONS.displayName),
    supportDays: idOf(SUPPORT_DAYS.displayName),
  };

  const readModel = createStatusReadModel(items, statusLists, client.throttle.timers);

  return {
    trust: createTrustSettingsList(items, idOf(TRUST_SETTINGS_LIST.displayName)),
    academies: collection(ACADEMIES),
    people: { ...collection(PEOPLE), ...peopleQueries(items, idOf(PEOPLE.displayName)) },
    meetings: { ...collection(MEETINGS), ...meetingQueries(items, idOf(MEETINGS.displayName)) },
    actions: { ...collection(ACTIONS), ...actionQueries(items, idOf(ACTIONS.displayName)) },
    kpiTargets: collection(KPI_TARGETS),
    kpiDataPoints: collection(KPI_DATA_POINTS),
    interventions: collection(INTERVENTIONS),
    escalations: collection(ESCALATIONS),
    supportDays: collection(SUPPORT_DAYS),
    monitoringForms: collection(MONITORING_FORMS),

    // One academy: from the read model once it is warm (8 delta calls, 8 units), else its own 8
    // queries (one $batch) rather than reading every list whole for one page.
    async statusInputs(academyId, academicYear, callOptions) {
      callOptions?.signal?.throwIfAborted();
      if (readModel.warm) return (await readModel.inputsFor([academyId], academicYear, callOptions?.signal))[0];
      return (await readStatusInputs(items, statusLists, [academyId], academicYear, callOptions?.signal))[0];
    },

    // The dashboard: always the read model (status-read-model.ts), a few units whatever the size.
    // An academy whose lists could not be read just now carries `stale` with its last good values.
    async statusInputsForMany(academyIds, academicYear, callOptions) {
      callOptions?.signal?.throwIfAborted();
      return readModel.inputsFor(academyIds, academicYear, callOptions?.signal);
    },

    // Nothing to release: the Graph client holds no connection of its own.
    async close() {},
  };
}
