import type { RecordStore } from '../../core/ports/record-store.port';
import { describeCollectionRules } from './record-store.collections.contract';
import { describePaging } from './record-store.paging.contract';
import { describeQueries } from './record-store.queries.contract';
import { describeStatusInputs } from './record-store.status-inputs.contract';
import { describeTrustSettings } from './record-store.trust-settings.contract';

/** Makes an empty store for one test; `cleanup` runs after `store.close()` (e.g. to delete a temp file). */
export type MakeRecordStore = () => Promise<{ store: RecordStore; cleanup?: () => Promise<void> }>;

/**
 * The rules every `RecordStore` keeps, written against the port alone so each adapter (SQLite,
 * SharePoint) runs the same suite unchanged. Each test gets a fresh, empty store.
 */
export function describeRecordStoreContract(name: string, makeStore: MakeRecordStore): void {
  describe(`RecordStore contract: ${name}`, () => {
    let current: Awaited<ReturnType<MakeRecordStore>> | undefined;

    beforeEach(async () => {
      current = await makeStore();
    });

    afterEach(async () => {
      const done = current;
      current = undefined;
      await done?.store.close();
      await done?.cleanup?.();
    });

    const store = (): RecordStore => {
      if (!current) throw new Error('the contract suite used the store outside a test');
      return current.store;
    };

    describe('every collection', () => describeCollectionRules(store));
    describe('paging', () => describePaging(store));
    describe('queries', () => describeQueries(store));
    describe('trust settings', () => describeTrustSettings(store));
    describe('status inputs', () => describeStatusInputs(store));
  });
}
