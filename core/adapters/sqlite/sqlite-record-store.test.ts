import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeRecordStoreContract } from '../../../test/contracts/record-store.contract';
import { anAcademy, anAction, anEscalation, aPerson, uniqueId, uniqueKey } from '../../../test/contracts/record-factories';
import { LATEST_SCHEMA_VERSION, migrate, MIGRATIONS, schemaVersionOf } from './migrations';
import { openSqliteDatabase } from './open-database';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../shared/paging';
import { createSqliteRecordStore } from './sqlite-record-store';

const tempDirs: string[] = [];
function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'record-store-'));
  tempDirs.push(dir);
  return join(dir, 'records.db');
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describeRecordStoreContract('SQLite in memory', async () => ({ store: createSqliteRecordStore(openSqliteDatabase(':memory:')) }));

describeRecordStoreContract('SQLite file', async () => {
  const path = tempDbPath();
  return { store: createSqliteRecordStore(openSqliteDatabase(path)), cleanup: async () => rmSync(path, { force: true }) };
});

describe('SQLite database file', () => {
  it('a new file is migrated to the latest schema, in WAL mode with foreign keys on', () => {
    const db = openSqliteDatabase(tempDbPath());
    expect(schemaVersionOf(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('re-opening an up-to-date file keeps its data and schema version and changes nothing', async () => {
    const path = tempDbPath();
    const first = createSqliteRecordStore(openSqliteDatabase(path));
    const academy = (await first.academies.create(anAcademy(), { idempotencyKey: uniqueKey() })).record;
    await first.close();

    const schemaOf = (db: Database.Database) => db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    const before = new Database(path);
    const schemaBefore = schemaOf(before);
    before.close();

    const db = openSqliteDatabase(path);
    expect(schemaVersionOf(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(schemaOf(db)).toEqual(schemaBefore);
    expect(migrate(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    const again = createSqliteRecordStore(db);
    expect(await again.academies.get(academy.id)).toEqual(academy);
    await again.close();
  });

  it('a migration that fails is rolled back whole, leaving the schema version where it was', () => {
    const db = openSqliteDatabase(':memory:');
    const broken = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'breaks half way',
      up: (d: Database.Database) => {
        d.exec('CREATE TABLE half_done (x)');
        throw new Error('disk on fire');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow('disk on fire');
    expect(schemaVersionOf(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });

  it('a file written by a newer version of the app is refused rather than misread', () => {
    const path = tempDbPath();
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openSqliteDatabase(path)).toThrow(/newer|only up to/);
  });

  it("a second store on the same file sees the first's writes, and their versions guard each other", async () => {
    const path = tempDbPath();
    const one = createSqliteRecordStore(openSqliteDatabase(path));
    const two = createSqliteRecordStore(openSqliteDatabase(path));
    const created = (await one.academies.create(anAcademy(), { idempotencyKey: 'shared-key' })).record;
    expect(await two.academies.get(created.id)).toEqual(created);
    expect((await two.academies.create(anAcademy(), { idempotencyKey: 'shared-key' })).created).toBe(false);

    await two.academies.update({ ...created, name: 'Renamed by two' });
    await expect(one.academies.update({ ...created, name: 'Renamed by one' })).rejects.toMatchObject({ code: 'RECORD.CONFLICT' });
    await Promise.all([one.close(), two.close()]);
  });

  it('a store on a connection opened without openSqliteDatabase migrates it itself', async () => {
    const store = createSqliteRecordStore(new Database(':memory:'));
    expect((await store.academies.create(anAcademy(), { idempotencyKey: uniqueKey() })).created).toBe(true);
    await store.close();
  });
});

describe('SQLite record store', () => {
  let db: Database.Database;
  let ids = 0;
  const store = () => createSqliteRecordStore(db, { newId: () => `given-${++ids}` });
  beforeEach(() => {
    db = openSqliteDatabase(':memory:');
  });
  afterEach(() => {
    if (db.open) db.close();
  });

  it('records created without an id get one from the newId option', async () => {
    const { id: _id, ...value } = anAcademy();
    expect((await store().academies.create(value, { idempotencyKey: uniqueKey() })).record.id).toMatch(/^given-\d+$/);
  });

  it(`lists ${DEFAULT_PAGE_SIZE} records a page by default and never more than ${MAX_PAGE_SIZE}`, async () => {
    const s = store();
    const academyId = uniqueId('academy');
    for (let i = 0; i < MAX_PAGE_SIZE + 1; i++) await s.escalations.create(anEscalation(academyId), { idempotencyKey: uniqueKey() });
    expect((await s.escalations.list({}).page()).items).toHaveLength(DEFAULT_PAGE_SIZE);
    const big = await s.escalations.list({}, { pageSize: 10_000 }).page();
    expect(big.items).toHaveLength(MAX_PAGE_SIZE);
    expect(big.nextCursor).toBeDefined();
  });

  it('a page size below one, a made-up cursor, or a cursor from another listing is a ValidationError', async () => {
    const s = store();
    for (let i = 0; i < 3; i++)
      await s.actions.create(anAction(uniqueId('academy'), 'owner', '2026-11-01'), { idempotencyKey: uniqueKey() });
    const fromList = (await s.actions.list({}, { pageSize: 1 }).page()).nextCursor as string;
    await expect(s.actions.list({}, { pageSize: 0 }).page()).rejects.toMatchObject({ code: 'INPUT.INVALID' });
    await expect(s.actions.list({}, { cursor: 'not-a-cursor' }).page()).rejects.toMatchObject({ code: 'INPUT.INVALID' });
    await expect(s.actions.openByOwner('owner', { cursor: fromList }).page()).rejects.toMatchObject({ code: 'INPUT.INVALID' });
  });

  it('an aborted signal stops a call before it touches the database', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(store().academies.create(anAcademy(), { idempotencyKey: uniqueKey(), signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect((await store().academies.list({}).page()).items).toEqual([]);
  });

  it("keeps people's emails lower-cased in an indexed column", async () => {
    const s = store();
    await s.people.create(aPerson('a', { id: 'jo', email: 'Jo.Bloggs@Oakfield.sch.uk' }), { idempotencyKey: uniqueKey() });
    expect(db.prepare("SELECT email FROM people WHERE id = 'jo'").get()).toEqual({ email: 'jo.bloggs@oakfield.sch.uk' });
  });

  it('the port queries are answered from indexes, not by scanning a table', () => {
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan("SELECT body FROM actions WHERE owner_id = ? AND status IN ('open', 'in-progress') ORDER BY due_date, id", 'p')).toMatch(
      /USING INDEX actions_open_by_owner/,
    );
    expect(plan('SELECT body FROM meetings WHERE date BETWEEN ? AND ? ORDER BY date, id', 'a', 'b')).toMatch(
      /USING INDEX meetings_by_date/,
    );
    expect(plan('SELECT body FROM people WHERE email = ?', 'x')).toMatch(/USING INDEX people_by_email/);
    expect(
      plan('SELECT body FROM support_days WHERE academy_id IN (SELECT value FROM json_each(?)) AND date BETWEEN ? AND ?', '[]', 'a', 'b'),
    ).not.toMatch(/SCAN support_days/);
  });

  it('removing a person removes their academy links too', async () => {
    const s = store();
    const person = (await s.people.create(aPerson('oakfield'), { idempotencyKey: uniqueKey() })).record;
    await s.people.remove(person);
    expect(db.prepare('SELECT COUNT(*) AS n FROM person_academies').get()).toEqual({ n: 0 });
  });
});
