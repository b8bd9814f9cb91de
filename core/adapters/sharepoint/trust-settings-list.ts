import { ConflictError, NotFoundError, parseOrThrow } from '../../domain/errors';
import { trustSettingsSchema, type TrustSettings } from '../../domain/trust-settings';
import type { CallOptions, RecordStore, Stored } from '../../ports/record-store.port';
import { checkFieldLimits } from './column-spec';
import { createOnce, findBy, updateIfMatch, type WriteTarget } from './item-writes';
import { CORE_COLUMNS } from './record-lists';
import type { ListItems } from './list-items';
import { toStored } from './sharepoint-collection';

const KIND = 'trust settings';
/** The one item's RecordId (unique): a second "first save" hits the unique column, not a duplicate. */
const SINGLETON = 'trust-settings';

/** The trust's one settings record in the TrustSettings list. */
export function createTrustSettingsList(items: ListItems, listId: string): RecordStore['trust'] {
  const target: WriteTarget = { items, listId, kind: KIND };
  const fieldsOf = (settings: TrustSettings) => {
    const fields = { Title: settings.name, RecordId: SINGLETON, Body: JSON.stringify(settings) };
    checkFieldLimits([{ name: 'Title', type: 'text', source: 'name' }, ...CORE_COLUMNS], fields, KIND);
    return fields;
  };
  return {
    async get(options?: CallOptions) {
      options?.signal?.throwIfAborted();
      const item = await findBy(target, 'RecordId', SINGLETON, options?.signal);
      return item ? toStored<TrustSettings>(item) : undefined;
    },

    async save(value: TrustSettings & { version?: string }, options?: CallOptions): Promise<Stored<TrustSettings>> {
      options?.signal?.throwIfAborted();
      const { version, ...rest } = value;
      const settings = parseOrThrow(trustSettingsSchema, rest, KIND);
      if (version === undefined) {
        // Saving without a version means "this is the first": someone else's settings are never overwritten unseen.
        // The key is the body itself, so a retried first save finds its own item and no one else's.
        const key = `trust-settings:${JSON.stringify(settings).length}:${hash(JSON.stringify(settings))}`;
        const { item, created } = await createOnce(
          target,
          settings.id,
          key,
          { ...fieldsOf(settings), IdempotencyKey: key },
          options?.signal,
        );
        // Found rather than made: settings were already there (even identical ones), so this is not "the first".
        if (!created) throw new ConflictError(KIND, settings.id);
        return toStored<TrustSettings>(item);
      }
      const current = await findBy(target, 'RecordId', SINGLETON, options?.signal);
      if (!current) throw new NotFoundError(KIND, settings.id);
      const etag = await updateIfMatch(target, settings.id, current.itemId, version, fieldsOf(settings), options?.signal);
      return { ...settings, version: etag };
    },
  };
}

/** A short stable digest of a string (FNV-1a), enough to tell two bodies apart in a key. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}
