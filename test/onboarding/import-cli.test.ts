import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteAuditLog, createSqliteRecordStore, openSqliteDatabase } from '../../core/adapters/sqlite';
import { fixedClock } from '../../core/ports/clock.port';
import { seedDemoTrust } from '../../core/seed/seed-demo-trust';
import { AT, SAMPLES, snapshot } from './onboarding-fixtures';

const ROOT = join(__dirname, '../..');
let dir: string;
let db: string;

/** `npm run import -- …` as an admin runs it, against the temporary database. */
function runImport(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync('npx', ['tsx', 'functions/cli/import-csv.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, TRUST_DB: db, TRUST_STORE: 'sqlite', TRUST_MODE: 'local' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function withStore<T>(
  f: (store: ReturnType<typeof createSqliteRecordStore>, database: ReturnType<typeof openSqliteDatabase>) => Promise<T>,
): Promise<T> {
  const database = openSqliteDatabase(db);
  const store = createSqliteRecordStore(database);
  try {
    return await f(store, database);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
  db = join(dir, 'trust.db');
  await withStore((store) => seedDemoTrust(store, fixedClock(AT)).then(() => undefined));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const academies = join(SAMPLES, 'academies.sample.csv');
const people = join(SAMPLES, 'people.sample.csv');

describe('npm run import (end to end on a SQLite file)', () => {
  it('checks with --dry-run, imports, and a second import changes nothing', async () => {
    const before = await withStore((s) => snapshot(s));
    const check = runImport('--academies', academies, '--people', people, '--dry-run');
    expect(check.code).toBe(0);
    expect(check.out).toContain('Academies: 2 to create, 1 to update, 0 unchanged, 0 rejected');
    expect(check.out).toContain('People: 5 to create, 0 to update, 1 unchanged, 0 rejected');
    expect(check.out).toMatch(/2\s+academies\s+Oakfield Primary Academy\s+update\s+Other names: Oakfield → Oakfield; URN 140101/);
    expect(check.out).toContain('Dry run: nothing was written.');
    expect(await withStore((s) => snapshot(s))).toEqual(before);

    const done = runImport('--academies', academies, '--people', people);
    expect(done.code).toBe(0);
    expect(done.out).toContain('Written: 7 created, 1 updated.');
    const audited = await withStore(async (s, database) => {
      const aisha = await s.people.byEmail('aisha.khan@meadowview.example');
      return (await createSqliteAuditLog(database).forRecord('people', aisha!.id)).items.map((e) => `${e.action} by ${e.actorId}`);
    });
    expect(audited).toEqual(['created by system:csv-import']);

    const afterFirst = await withStore((s) => snapshot(s));
    const again = runImport('--academies', academies, '--people', people);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Academies: 0 to create, 0 to update, 3 unchanged, 0 rejected');
    expect(again.out).toContain('Written: 0 created, 0 updated.');
    expect(await withStore((s) => snapshot(s))).toEqual(afterFirst);
  }, 120_000);

  it('prints rejected rows and writes them to --report as a CSV to fix and import again', () => {
    const bad = join(dir, 'people-bad.csv');
    writeFileSync(
      bad,
      'Name,E-mail,Role,Academy\r\nPat Kay,pat.kay@x.example,Governor,Oakfield\r\nLou Fox,lou.fox@x.example,Dinner lady,Oakfield\r\n',
    );
    const report = join(dir, 'rejected.csv');
    const r = runImport('--people', bad, '--report', report);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/3\s+people\s+Role\s+Dinner lady\s+not a role/);
    expect(r.out).toContain('Written: 1 created, 0 updated.');
    const fix = readFileSync(report, 'utf8');
    expect(
      fix
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .slice(0, 2),
    ).toEqual([
      'Name,E-mail,Role,Academy,Problems',
      expect.stringMatching(/^Lou Fox,lou\.fox@x\.example,Dinner lady,Oakfield,"?Row 3, Role: not a role/),
    ]);

    // The admin fixes the role in the report and imports it as it is: the Problems column is ignored.
    writeFileSync(report, fix.replace('Dinner lady', 'Governor'));
    const fixed = runImport('--people', report);
    expect(fixed.out).toContain('People: 1 to create, 0 to update, 0 unchanged, 0 rejected');
    expect(fixed.out).not.toContain('columns not used');
  }, 120_000);

  it('fails (exit 2) only when nothing could be read: a missing file or one that is not CSV', () => {
    const missing = runImport('--academies', join(dir, 'nope.csv'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
    const xlsx = join(dir, 'academies.xlsx');
    writeFileSync(xlsx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]));
    const binary = runImport('--academies', xlsx);
    expect(binary.code).toBe(2);
    expect(binary.out).toContain('Excel workbook');
    // One unreadable file beside a good one: the good one is still imported.
    const mixed = runImport('--academies', join(dir, 'nope.csv'), '--people', people, '--dry-run');
    expect(mixed.code).toBe(0);
    expect(mixed.out).toMatch(/People: \d+ to create/);
  }, 120_000);
});
