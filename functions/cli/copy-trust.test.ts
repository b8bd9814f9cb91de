import { createSqliteRecordStore, openSqliteDatabase } from '../../core/adapters/sqlite';
import { aMeeting, anAcademy, aPerson, someTrustSettings, uniqueKey } from '../../test/contracts/record-factories';
import { startGraphServer, type GraphServer } from '../../test/graph-server/graph-server';
import { freshSharePointStore } from '../../test/graph-server/sharepoint-test-site';
import { copyTrust } from './copy-trust';

let server: GraphServer;
beforeAll(async () => {
  server = await startGraphServer();
});
afterAll(() => server.close());

it('copies a trust from SQLite to SharePoint; a dry run writes nothing and a second run copies nothing twice', async () => {
  const sqlite = createSqliteRecordStore(openSqliteDatabase(':memory:'));
  await sqlite.trust.save(someTrustSettings());
  const academy = (await sqlite.academies.create(anAcademy(), { idempotencyKey: uniqueKey() })).record;
  await sqlite.people.create(aPerson(academy.id), { idempotencyKey: uniqueKey() });
  const meeting = (await sqlite.meetings.create(aMeeting(academy.id, '2026-10-08'), { idempotencyKey: uniqueKey() })).record;
  const { store: sharepoint } = await freshSharePointStore(server);

  const dry = await copyTrust(sqlite, sharepoint, { dryRun: true });
  expect(dry.find((s) => s.kind === 'meetings')).toEqual({ kind: 'meetings', read: 1, created: 0, alreadyThere: 0 });
  expect(await sharepoint.trust.get()).toBeUndefined();

  await copyTrust(sqlite, sharepoint);
  const again = await copyTrust(sqlite, sharepoint);
  expect(again.reduce((n, s) => n + s.created, 0)).toBe(0);
  const { version: _v, ...copied } = (await sharepoint.meetings.get(meeting.id))!;
  const { version: _w, ...original } = meeting;
  expect(copied).toEqual(original);
  expect((await sharepoint.trust.get())?.name).toBe('Oak Learning Trust');
  await sqlite.close();
});
