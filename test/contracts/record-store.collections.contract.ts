import { COLLECTION_CASES } from './collection-cases';
import { CONFLICT, INVALID, NOT_FOUND, sortedIds, type StoreUnderTest } from './contract-helpers';
import { aMeeting, anAcademy, anAction, uniqueId, uniqueKey } from './record-factories';

/** Create, read, update and remove, the same for every kind of record. */
export function describeCollectionRules(store: StoreUnderTest): void {
  describe.each(COLLECTION_CASES)('$kind records', (c) => {
    const collection = () => c.collection(store());
    const create = async (academyId = uniqueId('academy')) =>
      (await collection().create(c.make(academyId), { idempotencyKey: uniqueKey() })).record;

    it('a created record reads back exactly as written, with a version', async () => {
      const value = c.make(uniqueId('academy'));
      const { record, created } = await collection().create(value, { idempotencyKey: uniqueKey() });
      expect(created).toBe(true);
      expect(record).toEqual({ ...value, version: expect.any(String) });
      expect(await collection().get(value.id)).toEqual(record);
    });

    it('a record created without an id is given one by the store', async () => {
      const { id: _callerId, ...value } = c.make(uniqueId('academy'));
      const { record } = await collection().create(value, { idempotencyKey: uniqueKey() });
      expect(record.id).toEqual(expect.any(String));
      expect(record.id).not.toBe('');
      expect(await collection().get(record.id)).toEqual(record);
    });

    it('an unknown id reads as undefined, and getMany leaves missing ids out', async () => {
      const a = await create();
      const b = await create();
      expect(await collection().get('no-such-record')).toBeUndefined();
      const many = await collection().getMany([a.id, 'no-such-record', b.id]);
      expect(sortedIds(many)).toEqual([a.id, b.id].sort());
      expect(many.find((r) => r.id === a.id)).toEqual(a);
    });

    it('an update with the current version is saved under a new version', async () => {
      const before = await create();
      const after = await collection().update(c.change(before));
      expect(after.version).not.toBe(before.version);
      expect(after).toEqual({ ...c.change(before), version: after.version });
      expect(await collection().get(before.id)).toEqual(after);
    });

    it('a stale version is a conflict and the stored record is unchanged', async () => {
      const first = await create();
      const second = await collection().update(c.change(first));
      await expect(collection().update(c.change(first))).rejects.toMatchObject(CONFLICT);
      expect(await collection().get(first.id)).toEqual(second);
    });

    it('an invalid record is refused with a ValidationError and nothing is written', async () => {
      const academyId = uniqueId('academy');
      const value = c.spoil(c.make(academyId));
      await expect(collection().create(value, { idempotencyKey: uniqueKey() })).rejects.toMatchObject(INVALID);
      expect(await collection().get(value.id)).toBeUndefined();
      expect((await collection().list({ academyId }).page()).items).toEqual([]);
    });

    it('an invalid update is refused with a ValidationError and the stored record is unchanged', async () => {
      const stored = await create();
      await expect(collection().update(c.spoil(stored) as typeof stored)).rejects.toMatchObject(INVALID);
      expect(await collection().get(stored.id)).toEqual(stored);
    });

    it('updating or removing a record that is gone is NotFoundError', async () => {
      const stored = await create();
      await collection().remove(stored);
      await expect(collection().update(c.change(stored))).rejects.toMatchObject(NOT_FOUND);
      await expect(collection().remove(stored)).rejects.toMatchObject(NOT_FOUND);
    });

    it('a remove with a stale version is a conflict and the record stays; with the current version it is gone', async () => {
      const first = await create();
      const second = await collection().update(c.change(first));
      await expect(collection().remove(first)).rejects.toMatchObject(CONFLICT);
      expect(await collection().get(first.id)).toEqual(second);
      await collection().remove(second);
      expect(await collection().get(first.id)).toBeUndefined();
    });

    it("listing by academy returns that academy's records and no other's", async () => {
      const academyId = uniqueId('academy');
      const mine = await create(academyId);
      await create(uniqueId('academy'));
      expect(idsOfList(await collection().list({ academyId }).page())).toEqual([mine.id]);
    });
  });

  describe('idempotent create', () => {
    it('creating twice with one key stores one record; the second returns the first with created: false, even with a different body', async () => {
      const academyId = uniqueId('academy');
      const key = uniqueKey();
      const first = await store().meetings.create(aMeeting(academyId, '2026-10-08'), { idempotencyKey: key });
      const again = await store().meetings.create(aMeeting(academyId, '2026-11-19', { kind: 'aser' }), { idempotencyKey: key });
      expect(first.created).toBe(true);
      expect(again).toEqual({ record: first.record, created: false });
      expect(idsOfList(await store().meetings.list({ academyId }).page())).toEqual([first.record.id]);
    });

    it('ten concurrent creates with one key store exactly one record, and all ten return it', async () => {
      const academyId = uniqueId('academy');
      const key = uniqueKey();
      const results = await Promise.all(
        Array.from({ length: 10 }, () => store().actions.create(anActionWithoutId(academyId), { idempotencyKey: key })),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
      expect((await store().actions.list({ academyId }).page()).items).toHaveLength(1);
    });

    it('a create with an id already taken, under a new key, is a conflict and the first record is unchanged', async () => {
      const first = await store().academies.create(anAcademy(), { idempotencyKey: uniqueKey() });
      await expect(
        store().academies.create(anAcademy({ id: first.record.id, name: 'Brook Lane Academy' }), { idempotencyKey: uniqueKey() }),
      ).rejects.toMatchObject(CONFLICT);
      expect(await store().academies.get(first.record.id)).toEqual(first.record);
    });
  });
}

const idsOfList = (page: { items: { id: string }[] }): string[] => page.items.map((r) => r.id);

/** An action with no id, so each concurrent create would mint its own if the key did not hold them to one. */
function anActionWithoutId(academyId: string) {
  const { id: _id, ...value } = anAction(academyId, 'person-head', '2026-11-02');
  return value;
}
