import type Database from 'better-sqlite3';
import { ConflictError, NotFoundError, parseOrThrow } from '../../domain/errors';
import { trustSettingsSchema, type TrustSettings } from '../../domain/trust-settings';
import type { CallOptions, RecordStore, Stored } from '../../ports/record-store.port';
import { toBody, toStored, versionCounter, type RecordRow } from './row-mappers';
import { prepared } from './statements';

const KIND = 'trust settings';
const SELECT = 'SELECT id, version, body FROM trust_settings WHERE singleton = 1';

/** The trust's one settings record (name, improvement model, term dates). */
export function createTrustSettingsStore(db: Database.Database): RecordStore['trust'] {
  const saveTx = db.transaction((settings: TrustSettings, version: string | undefined): Stored<TrustSettings> => {
    const current = prepared(db, SELECT).get() as RecordRow | undefined;
    if (version === undefined) {
      // Saving without a version means "this is the first": if someone got there first, their
      // settings are not overwritten unseen.
      if (current) throw new ConflictError(KIND, current.id);
      const row = prepared(
        db,
        'INSERT INTO trust_settings (singleton, id, version, body) VALUES (1, ?, 1, ?) RETURNING id, version, body',
      ).get(settings.id, toBody(settings)) as RecordRow;
      return toStored<TrustSettings>(row);
    }
    if (!current) throw new NotFoundError(KIND, settings.id);
    const row = prepared(
      db,
      'UPDATE trust_settings SET id = ?, version = version + 1, body = ? WHERE singleton = 1 AND version = ? RETURNING id, version, body',
    ).get(settings.id, toBody(settings), versionCounter(version)) as RecordRow | undefined;
    if (!row) throw new ConflictError(KIND, settings.id);
    return toStored<TrustSettings>(row);
  });

  return {
    async get(options?: CallOptions) {
      options?.signal?.throwIfAborted();
      const row = prepared(db, SELECT).get() as RecordRow | undefined;
      return row ? toStored<TrustSettings>(row) : undefined;
    },
    async save(value: TrustSettings & { version?: string }, options?: CallOptions) {
      options?.signal?.throwIfAborted();
      const { version, ...rest } = value;
      return saveTx.immediate(parseOrThrow(trustSettingsSchema, rest, KIND), version);
    },
  };
}
