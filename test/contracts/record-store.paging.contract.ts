import type { PageOptions } from '../../core/ports/record-store.port';
import { everyPage, idsOf, type StoreUnderTest } from './contract-helpers';
import { anEscalation, aPerson, uniqueId, uniqueKey } from './record-factories';

/** Listing in pages: every record exactly once, in a stable order, resumable from a cursor. */
export function describePaging(store: StoreUnderTest): void {
  const addEscalations = async (academyId: string, count: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++)
      ids.push((await store().escalations.create(anEscalation(academyId), { idempotencyKey: uniqueKey() })).record.id);
    return ids;
  };

  it('list pages through 250 records at most 40 a page, each exactly once, in id order; the last page has no cursor', async () => {
    const ids = await addEscalations(uniqueId('academy'), 250);
    const pages = await everyPage((p: PageOptions) => store().escalations.list({}, p).page(), 40);
    for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(40);
    expect(pages[pages.length - 1]?.nextCursor).toBeUndefined();
    expect(pages.flatMap((p) => idsOf(p.items))).toEqual([...ids].sort());
  });

  it('a listing iterated with for await gives every record once, in id order, reading page after page', async () => {
    const academyId = uniqueId('academy');
    const ids = await addEscalations(academyId, 23);
    const seen: string[] = [];
    for await (const e of store().escalations.list({ academyId }, { pageSize: 5 })) seen.push(e.id);
    expect(seen).toEqual([...ids].sort());
    expect(idsOf(await store().escalations.list({ academyId }, { pageSize: 7 }).toArray())).toEqual([...ids].sort());
  });

  it('a caller that stops early reads no further; byPage resumes from a cursor', async () => {
    const academyId = uniqueId('academy');
    const ids = [...(await addEscalations(academyId, 12))].sort();
    const listing = store().escalations.list({ academyId }, { pageSize: 4 });
    const firstTwo: string[] = [];
    for await (const e of listing) {
      firstTwo.push(e.id);
      if (firstTwo.length === 2) break;
    }
    expect(firstTwo).toEqual(ids.slice(0, 2));
    const first = await listing.page();
    const rest: string[] = [];
    for await (const page of listing.byPage({ cursor: first.nextCursor! })) rest.push(...idsOf(page.items));
    expect([...idsOf(first.items), ...rest]).toEqual(ids);
  });

  it('a cursor passed back continues straight after its page, and gives the same page again when reused', async () => {
    const ids = [...(await addEscalations(uniqueId('academy'), 25))].sort();
    const first = await store().escalations.list({}, { pageSize: 10 }).page();
    expect(first.nextCursor).toEqual(expect.any(String));
    const cursor = first.nextCursor as string;
    const second = await store().escalations.list({}, { pageSize: 10, cursor }).page();
    const again = await store().escalations.list({}, { pageSize: 10, cursor }).page();
    expect(idsOf(second.items)).toEqual(idsOf(again.items));
    const seen = [...idsOf(first.items), ...idsOf(second.items)];
    expect(seen).toEqual(ids.slice(0, seen.length));
  });

  it('a record added after the first page was read still turns up on a later page, and none repeats', async () => {
    const academyId = uniqueId('academy');
    await addEscalations(academyId, 12);
    const first = await store().escalations.list({ academyId }, { pageSize: 5 }).page();
    // An id sorting after everything listed so far.
    const late = await store().escalations.create(anEscalation(academyId, { id: 'zz-late-escalation' }), { idempotencyKey: uniqueKey() });
    const all = idsOf(first.items);
    for (let cursor = first.nextCursor; cursor !== undefined;) {
      const page = await store().escalations.list({ academyId }, { pageSize: 5, cursor }).page();
      all.push(...idsOf(page.items));
      cursor = page.nextCursor;
    }
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain(late.record.id);
    expect(all).toHaveLength(13);
  });

  it("listing by academy in pages returns only that academy's records, each once", async () => {
    const academyId = uniqueId('academy');
    const mine = await addEscalations(academyId, 23);
    await addEscalations(uniqueId('academy'), 7);
    const pages = await everyPage((p) => store().escalations.list({ academyId }, p).page(), 6);
    expect(pages.flatMap((p) => idsOf(p.items))).toEqual([...mine].sort());
  });

  it('people are listed under every academy they hold a role at, and leave its list when the role goes', async () => {
    const oakfield = uniqueId('academy');
    const brookLane = uniqueId('academy');
    const head = (await store().people.create(aPerson(oakfield), { idempotencyKey: uniqueKey() })).record;
    const bothRoles = aPerson(oakfield, {
      roles: [
        { role: 'governor', academyId: oakfield },
        { role: 'chair-lgb', academyId: brookLane },
      ],
    });
    const governor = (await store().people.create(bothRoles, { idempotencyKey: uniqueKey() })).record;
    await store().people.create(aPerson(oakfield, { roles: [{ role: 'ceo' }] }), { idempotencyKey: uniqueKey() });

    expect(idsOf((await store().people.list({ academyId: oakfield }).page()).items)).toEqual([head.id, governor.id].sort());
    expect(idsOf((await store().people.list({ academyId: brookLane }).page()).items)).toEqual([governor.id]);

    await store().people.update({ ...governor, roles: [{ role: 'governor', academyId: oakfield }] });
    expect(idsOf((await store().people.list({ academyId: brookLane }).page()).items)).toEqual([]);
  });
}
